/**
 * The output step of one Tidemark query, as Grafana's Prometheus data source computes its step, and the check of
 * the upstream ranges against Prometheus' point limit (the ranges themselves: `src/model/pipeline/fetchPlan.ts`).
 */
import { MAX_POINTS_PER_QUERY as MAX_POINTS_PER_SERIES } from '../contract/constants';
import { type FetchRange, NICE_STEPS_MS, rangePoints } from '../model/pipeline/fetchPlan';
import { formatDurationMs } from './duration';

/** Grafana's default minimum interval of a Prometheus data source ("Scrape interval" unset). */
export const DEFAULT_SCRAPE_INTERVAL_MS = 15_000;

/** Output steps: Grafana-like round intervals that divide an hour (or a day), so the model grid is whole. */
const OUTPUT_STEPS_MS = [1_000, 2_000, 5_000, 10_000, ...NICE_STEPS_MS];

/**
 * Output step as Grafana's Prometheus data source chooses its query step: the request's interval (Grafana derives it
 * from the range and maxDataPoints) or the query's resolution, never finer than the upstream's minimum interval
 * (its scrape interval) nor than the range over Prometheus' 11 000 points. Unless it is the typed resolution, the
 * result is rounded up to a round step dividing an hour (up to a day), so the hourly model grid is whole.
 */
export function outputStepMs(args: {
  requestIntervalMs: number;
  minIntervalMs: number;
  visibleRangeMs: number;
  resolutionMs?: number;
}): number {
  const wantedMs = args.resolutionMs ?? args.requestIntervalMs;
  // Two points of margin: Grafana aligns start and end to the step, which can add one step to the range.
  const safeMs = Math.ceil(args.visibleRangeMs / (MAX_POINTS_PER_SERIES - 2));
  const stepMs = Math.max(wantedMs, args.minIntervalMs, safeMs, 1);
  if (stepMs === args.resolutionMs) {
    // A resolution typed in the editor is taken as it is; a season it does not divide is reported by name.
    return stepMs;
  }
  return OUTPUT_STEPS_MS.find((s) => s >= stepMs) ?? stepMs;
}

/** Error text when a range exceeds Prometheus' point limit, naming the numbers; undefined when it fits. */
export function pointLimitProblem(range: FetchRange, what: string): string | undefined {
  const points = rangePoints(range);
  if (points <= MAX_POINTS_PER_SERIES) {
    return undefined;
  }
  return (
    `${what} at a ${formatDurationMs(range.stepMs)} step is ${points} points; ` +
    `Prometheus allows ${MAX_POINTS_PER_SERIES}: choose a coarser resolution or a shorter window`
  );
}
