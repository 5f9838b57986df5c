/**
 * What one detector cycle fetches: with a step finer than the model grid (e.g. `step: 1m` with a daily season, fitted
 * hourly), the training window at the model step (hourly means of the 1-minute values: `rangeExpr`, as the pipeline
 * averages the recent part) and the last two days at the detector's step, so a 28-day window
 * at 1-minute steps stays within Prometheus' 11,000 points per query and every new sample is scored at its own step.
 * Season and horizon stay durations; the fit protocol turns them into steps of the model grid (`modelStepOf`).
 */
import { DAY_MS, MAX_POINTS_PER_QUERY } from '../../src/contract/constants';
import type { SeriesInput } from '../../src/contract/fit';
import { durationMs } from '../../src/contract/settings/spec';
import {
  autoModelStepMs,
  type FetchRange,
  fetchRanges,
  joinKey,
  joinSamples,
  modelStepFor,
  rangePoints,
} from '../../src/model/pipeline/fetchPlan';
import type { DetectorDefinition } from './configTypes';
import type { UpstreamSeries } from './upstream';

type Detector = Pick<DetectorDefinition, 'stepMs' | 'trainingWindowMs' | 'settings'>;

/** The fetch plan of one cycle. */
export interface DetectorFetch {
  ranges: FetchRange[];
  fineFromMs: number;
  modelStepMs: number;
}

/** Model step of a detector: hourly for a daily season (or 'auto'), never finer than its step. */
export function detectorModelStepMs(detector: Detector): number {
  const season = detector.settings.season;
  const seasonMs = season === 'auto' ? DAY_MS : (durationMs(season) ?? DAY_MS);
  return modelStepFor(detector.stepMs, autoModelStepMs(seasonMs) ?? detector.stepMs, seasonMs);
}

/** Points of the largest query a detector's cycle makes (checked against the limit at start-up). */
export function largestQueryPoints(detector: Detector): number {
  return Math.max(...detectorFetch(detector, 0).ranges.map(rangePoints));
}

/** The cycle ending at the last whole step before `nowMs`. */
export function detectorFetch(detector: Detector, nowMs: number): DetectorFetch {
  const { stepMs, trainingWindowMs } = detector;
  const endMs = Math.floor(nowMs / stepMs) * stepMs;
  const modelStepMs = detectorModelStepMs(detector);
  const { ranges, fineFromMs } = fetchRanges({
    output: { fromMs: endMs, toMs: endMs },
    trainingWindowMs,
    fineMs: stepMs,
    modelMs: modelStepMs,
    maxPoints: MAX_POINTS_PER_QUERY,
  });
  return { ranges, fineFromMs, modelStepMs };
}

/**
 * One pipeline input per series of the recent part (a series without recent samples is gone): its coarse history
 * before `fineFromMs` joined to the recent part, paired by labels apart from `__name__` (`joinKey`: Prometheus drops
 * it from the history's `avg_over_time`). `keyOf` names a series by its labels.
 */
export function joinParts(
  parts: UpstreamSeries[][],
  plan: DetectorFetch,
  stepMs: number,
  keyOf: (labels: Record<string, string>) => string
): SeriesInput[] {
  const recent = parts[parts.length - 1];
  const history = new Map(parts.length > 1 ? parts[0].map((s) => [joinKey(s.labels), s]) : []);
  return recent.map((s) => {
    const key = keyOf(s.labels);
    const old = history.get(joinKey(s.labels));
    const coarse = plan.modelStepMs > stepMs ? { stepMs: plan.modelStepMs, untilMs: plan.fineFromMs } : undefined;
    const samples = old ? joinSamples(old, s, plan.fineFromMs) : { timesMs: s.timesMs, values: s.values };
    return { key, labels: s.labels, ...samples, stepMs, ...(coarse && { coarse }) };
  });
}
