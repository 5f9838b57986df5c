/**
 * Where a series' data comes from when its model grid is coarser than the step it is shown or scored at: the
 * training window at the model step, the recent part at the output step, so that a long window at a fine step
 * stays within the point limit of one Prometheus range query. Shared by the data source and the service.
 */
import type { Samples } from '../series';
import { seriesKey } from './seriesKey';

/** The expression to run for `range`: `expr` itself, or its bucket means for a range of `meanOfStepMs`. */
export function rangeExpr(expr: string, range: FetchRange): string {
  return range.meanOfStepMs === undefined ? expr : bucketMeanExpr(expr, range.stepMs, range.meanOfStepMs);
}

/**
 * What pairs the two parts of one series: its labels without `__name__`, which Prometheus drops from the result of a
 * function (the history's `avg_over_time`, {@link rangeExpr}) but keeps on a plain selector's recent part.
 */
export function joinKey(labels: Record<string, string>): string {
  const { __name__: _name, ...rest } = labels;
  return seriesKey(rest);
}

/**
 * Steps chosen from: each divides a day, so daily seasons stay whole and a coarse step is a whole number of any
 * finer one below an hour (Grafana rounds its intervals to a similar list).
 */
export const NICE_STEPS_MS = [
  15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000,
  43_200_000, 86_400_000,
];

/**
 * Output-step data fetched before the output range, so the fine-step noise is known when that range starts. Two
 * days: the detector scores fine points once it has 24 completed buckets of fine deviations (`detect/fine.ts`), and
 * one day, starting on a whole bucket before a partial last one, holds only 23 — a service detector, whose output
 * is its newest sample, then never scored anything.
 */
export const FINE_WARMUP_MS = 2 * 86_400_000;

/** Points per season the automatic model step aims at: hourly points for a daily season. */
const POINTS_PER_SEASON = 24;

/** One upstream range query; both ends included, `fromMs` a multiple of `stepMs` since the epoch. */
export interface FetchRange {
  fromMs: number;
  toMs: number;
  stepMs: number;
  /**
   * Each point is the mean of the query's values at this finer step over (t − stepMs, t] ({@link bucketMeanExpr}),
   * not the value at t: the coarse history of a mixed grid, averaged like the buckets the pipeline makes of the
   * fine part (`aggregateSeries`, labelled by completion time).
   */
  meanOfStepMs?: number;
}

/**
 * PromQL for the mean of `expr` evaluated every `innerStepMs` over (t − `bucketMs`, t], at each step t of a range
 * query: a subquery, which works around any expression (range functions and subqueries included). The subquery's
 * range is one millisecond short of the bucket so that it covers exactly the `bucketMs / innerStepMs` instants
 * after t − `bucketMs`: Prometheus 2.x includes the range's start, 3.x excludes it, and subquery instants are
 * multiples of the inner step since the epoch, as the fine part's points are.
 */
function bucketMeanExpr(expr: string, bucketMs: number, innerStepMs: number): string {
  return `avg_over_time((${expr})[${bucketMs - 1}ms:${innerStepMs}ms])`;
}

/**
 * Automatic model step: the nice step closest (on a log scale) to season/24 that divides the season into a whole
 * number (≥ 2) of points; undefined when none does. Hourly steps for a daily season, as the NAB-tuned detector uses.
 */
export function autoModelStepMs(seasonMs: number): number | undefined {
  const targetMs = seasonMs / POINTS_PER_SEASON;
  const candidates = NICE_STEPS_MS.filter((s) => seasonMs % s === 0 && seasonMs / s >= 2);
  let best = candidates[0];
  for (const candidate of candidates) {
    if (Math.abs(Math.log(candidate / targetMs)) < Math.abs(Math.log(best / targetMs))) {
      best = candidate;
    }
  }
  return best;
}

/**
 * Model-grid step for output step `fineMs`: `autoModelMs` when it is a whole number of fine steps, else the largest
 * multiple of `fineMs` below it that divides `seasonMs`; `fineMs` itself when it is not finer.
 */
export function modelStepFor(fineMs: number, autoModelMs: number, seasonMs: number): number {
  if (fineMs >= autoModelMs) {
    return fineMs;
  }
  for (let k = Math.floor(autoModelMs / fineMs); k > 1; k--) {
    if (seasonMs % (k * fineMs) === 0) {
      return k * fineMs;
    }
  }
  return fineMs;
}

/** Points of a range query from `fromMs` to `toMs` (both included) at `stepMs`. */
export function rangePoints(range: FetchRange): number {
  return Math.floor((range.toMs - range.fromMs) / range.stepMs) + 1;
}

/**
 * The ranges to fetch: with a coarser model grid, the training window at the model step up to the start of the
 * fine part (each point the mean of the output step's values over its bucket: `meanOfStepMs`), then the fine part at
 * the output step (the output range plus up to {@link FINE_WARMUP_MS} before it,
 * within `maxPoints`, Prometheus' limit per query). Both start on multiples of their step since the epoch, as Prometheus aligns
 * them, and the fine part starts on the model grid.
 * A window shorter than a model step has no coarse part. Inputs on the output step still say their model grid
 * (`SeriesInput.coarse`) whenever the model step is coarser, so the model grid never depends on the window length.
 * @returns ranges oldest first, and the start of the fine part (= the first range's start without a coarse part)
 */
export function fetchRanges(args: {
  output: { fromMs: number; toMs: number };
  trainingWindowMs: number;
  fineMs: number;
  modelMs: number;
  maxPoints: number;
}): { ranges: FetchRange[]; fineFromMs: number } {
  const { output, fineMs, modelMs } = args;
  const fetchFromMs = Math.floor((output.fromMs - args.trainingWindowMs) / modelMs) * modelMs;
  if (modelMs === fineMs) {
    return { ranges: [{ fromMs: fetchFromMs, toMs: output.toMs, stepMs: fineMs }], fineFromMs: fetchFromMs };
  }
  const earliestFineMs = output.toMs - (args.maxPoints - 1) * fineMs;
  const wantedFromMs = Math.max(output.fromMs - FINE_WARMUP_MS, earliestFineMs, fetchFromMs + modelMs);
  const fineFromMs = Math.min(Math.ceil(wantedFromMs / modelMs) * modelMs, Math.floor(output.toMs / modelMs) * modelMs);
  const fine = { fromMs: fineFromMs, toMs: output.toMs, stepMs: fineMs };
  if (fineFromMs - modelMs < fetchFromMs) {
    return { ranges: [fine], fineFromMs };
  }
  const history = { fromMs: fetchFromMs, toMs: fineFromMs - modelMs, stepMs: modelMs, meanOfStepMs: fineMs };
  return { ranges: [history, fine], fineFromMs };
}

/**
 * The samples of one series from its two parts ({@link fetchRanges}): the history's before `fineFromMs`, then the
 * recent part's from `fineFromMs` on. The history's last bucket may reach past `fineFromMs` and Prometheus may
 * answer the recent part from an earlier aligned sample; each time is kept from the part that owns it.
 */
export function joinSamples(
  history: Samples<number | null>,
  recent: Samples<number | null>,
  fineFromMs: number
): Samples<number | null> {
  const historyEnd = firstAtOrAfter(history.timesMs, fineFromMs);
  const recentStart = firstAtOrAfter(recent.timesMs, fineFromMs);
  return {
    timesMs: [...history.timesMs.slice(0, historyEnd), ...recent.timesMs.slice(recentStart)],
    values: [...history.values.slice(0, historyEnd), ...recent.values.slice(recentStart)],
  };
}

function firstAtOrAfter(timesMs: number[], fromMs: number): number {
  const i = timesMs.findIndex((t) => t >= fromMs);
  return i < 0 ? timesMs.length : i;
}
