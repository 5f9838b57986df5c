/**
 * Scoring at the native (fine) step while the seasonal model runs on a coarser grid (issue 13).
 *
 * The model predicts bucket means (e.g. hourly means of 1-minute data: a daily season of 24 steps instead of
 * 1440). A fine point of bucket k arrives before bucket k is complete, so it is scored at once against the
 * model's prediction of bucket k made from buckets up to k − 1:
 * - expected value: the predicted means of buckets k and k + 1 and the cleaned mean of bucket k − 1, each
 *   placed at its bucket's centre and linearly interpolated to the fine point's time (daily shapes change
 *   within an hour);
 * - its spread: the error of the bucket-mean prediction plus the fine point's own deviation within its bucket,
 *   taken as independent: sd² = sd_bucket² + s_w², s_w a robust scale (1.4826·MAD) of recent fine deviations
 *   within completed buckets (`logFineBucket`). Bands use the model's prediction variance for sd_bucket and the
 *   deviations from the expected shape within the bucket for s_w, so that on clean data about 95 % of fine
 *   points lie inside the 95 % band. Scores use the robust scale of recent bucket errors (as on the model grid)
 *   and the deviations from the bucket's mean, which also count the movement within the bucket: the
 *   conservative scale the NAB-tuned thresholds were set with.
 * A point is anomalous at the fine step when it leaves the weak band with |score| ≥ minScore and the series'
 * own calibration agrees (its record, `record.ts`); sustained tests run on completed buckets (`backtest.ts`).
 */
import { cloneState, forecastSarima, predictNext, type FilterState, type SarimaModel } from '../sarima';
import type { RegularSeries } from '../series';
import { logError, scoreScale, type ErrorLog } from './errorScale';
import { beatsRecord, pointRecordWindow, pushRecord, recordMax, type RecordWindow } from './record';
import { robustScale } from './robustScale';
import { cappedSeed } from './seedRecord';
import type { Detection } from './types';
import type { Walk } from './walk';
import { spanPoints } from './config';
import { normalQuantile } from '../sarima/normal';
import { DAY_MS } from '../timeUnits';

/** The fine grid and its link to the model grid. */
export interface FineGrid {
  series: RegularSeries;
  /** For each model slot, the fine slot that completed it (-1: a model slot before the fine data). */
  endIndex: number[];
}

/** State of the fine layer; internal to `detect/`. */
export interface FineWalk {
  grid: FineGrid;
  /** Fine slots per model slot. */
  factor: number;
  /** |score| the fine point test needs ({@link fineThreshold}). */
  threshold: number;
  /** Recent deviations of fine points from their completed bucket's mean (scores). */
  deviations: ErrorLog;
  /** Robust scale of `deviations` (NaN until the first bucket completes). */
  within: number;
  /** Recent deviations of fine points from the expected shape within their completed bucket (bands). */
  shapeDeviations: ErrorLog;
  /** Robust scale of `shapeDeviations`, computed with `within`. */
  bandWithin: number;
  /** Refit count when `within` was last computed. */
  withinAt: number;
  scaleWindow: number;
  /** The series' own recent extremes (`record.ts`). */
  record: RecordWindow;
  /**
   * Per fine point: |score| where the point test flagged it (0 elsewhere), or the model slot's strength where a bucket
   * test flagged. An alert is as strong as the test that raised it (as in `warmup.ts`): a fine |z| under the fine
   * record is no anomaly, and counting it would raise the bar a later anomaly must clear to escalate.
   */
  strength: number[];
  /**
   * Per fine point: onset (model slot) of the excursion in progress when it is scored (after the previous bucket; its
   * own bucket may start one once complete), or the model slot's where a bucket test flagged.
   */
  excursionOnset: number[];
  out: Detection;
}

/** Completed buckets of fine deviations before the fine point test runs (a MAD of a few is unreliable). */
const MIN_DEVIATION_BUCKETS = 24;

/** Fine deviations kept for the within-bucket scale: enough for a stable MAD, cheap to sort at each refit. */
const MAX_DEVIATIONS = 4096;

/**
 * Threshold of the fine point test: the |score| whose one-sided tail probability is that of `minScore` divided
 * by the number of fine points per bucket (a Šidák-style correction: a bucket of 60 one-minute points must not
 * give 60 chances of a false alarm where an hourly point gave one). The default 4.2 → 4.73 for 12 points, 5.05
 * for 60; a 6σ spike still passes at once.
 */
export function fineThreshold(minScore: number, factor: number): number {
  // Upper tail of minScore by bisection on the normal quantile (monotone): q = 1 − Φ(minScore).
  let lo = 0.5;
  let hi = 1;
  for (let k = 0; k < 80; k++) {
    const mid = (lo + hi) / 2;
    if (normalQuantile(mid) < minScore) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  const tail = 1 - lo;
  return factor > 1 ? normalQuantile(1 - tail / factor) : minScore;
}

/** A fresh fine layer over `grid` for the walk `w` (same config). */
export function newFineWalk(w: Walk, grid: FineGrid): FineWalk {
  const n = grid.series.values.length;
  const stepMs = grid.series.stepMs;
  const nan = () => new Array<number>(n).fill(NaN);
  const factor = Math.max(1, Math.round(w.stepMs / stepMs));
  return {
    grid,
    factor,
    threshold: fineThreshold(w.cfg.minScore, factor),
    deviations: { index: [], value: [] },
    within: NaN,
    shapeDeviations: { index: [], value: [] },
    bandWithin: NaN,
    withinAt: -1,
    scaleWindow: Math.min(MAX_DEVIATIONS, spanPoints(w.cfg.scaleWindow, stepMs)),
    record: pointRecordWindow(w.cfg, stepMs),
    strength: nan(),
    excursionOnset: nan(),
    out: {
      timesMs: grid.series.values.map((_, j) => grid.series.startMs + j * stepMs),
      values: grid.series.values.slice(),
      forecast: nan(),
      bands: w.cfg.levelsPct.map((levelPct) => ({ levelPct, lower: nan(), upper: nan() })),
      score: nan(),
      level: new Array<number>(n).fill(0),
      extent: new Array<number>(n).fill(0),
      anomaly: [],
      inputIndex: grid.series.values.map((_, j) => j),
      refits: 0,
    },
  };
}

/**
 * Fine slot that completes model slot i: endIndex[i], or for the slot after the last one (the bucket still filling
 * at the end of the data, which the model grid drops) where it will be once complete.
 */
function bucketEnd(f: FineWalk, i: number): number {
  return i < f.grid.endIndex.length ? f.grid.endIndex[i] : f.grid.endIndex[i - 1] + f.factor;
}

/** Fine slots of model slot i: (end of i − 1, end of i], clipped to the fine grid. */
export function fineSlots(f: FineWalk, i: number): [number, number] {
  const end = bucketEnd(f, i);
  const prev = i > 0 ? f.grid.endIndex[i - 1] : end - f.factor;
  return [Math.max(0, prev + 1), Math.min(end, f.grid.series.values.length - 1)];
}

/** Expected values of bucket i's fine slots by interpolation between bucket centres (module comment). */
function expectedValues(w: Walk, f: FineWalk, model: SarimaModel, state: FilterState, i: number, to: number) {
  const from = fineSlots(f, i)[0];
  const now = predictNext(model, state).mean;
  const next = forecastSarima(model, cloneState(state), 2, []).mean[1];
  const prev = i > 0 && Number.isFinite(w.clean[i - 1]) ? w.clean[i - 1] : now;
  const centre = bucketEnd(f, i) - (f.factor - 1) / 2;
  return Array.from({ length: to - from + 1 }, (_, k) => {
    const x = (from + k - centre) / f.factor;
    return x <= 0 ? now + (now - prev) * x : now + (next - now) * x;
  });
}

/**
 * Score the fine slots of model slot i as they arrive (before the walk absorbs bucket i). Sets the fine
 * forecast, bands, score and the level of the fine point test; `suppressed` (gap, echo) keeps levels at 0.
 */
export function scoreFineBucket(w: Walk, f: FineWalk, i: number, suppressed: boolean): void {
  const { model, state } = w;
  const [from, to] = fineSlots(f, i);
  if (!model || !state || to < from) {
    return;
  }
  updateWithin(w, f);
  const pred = predictNext(model, state);
  const r2 = pred.variance / model.sigma2;
  const bucketScale = scoreScale(w.scales, model.sigma2, i, pred.mean) * Math.sqrt(r2);
  if (!Number.isFinite(f.within)) {
    return;
  }
  const within = f.within;
  const sdBand = Math.sqrt(pred.variance + f.bandWithin * f.bandWithin);
  const sdScore = Math.sqrt(bucketScale * bucketScale + within * within);
  if (f.record.t === 0) {
    seedFineRecord(f, sdScore);
  }
  const expected = expectedValues(w, f, model, state, i, to);
  const [weak, strong] = w.r.multipliers;
  for (let j = from; j <= to; j++) {
    const mean = expected[j - from];
    f.out.forecast[j] = mean;
    f.out.bands.forEach((band, k) => {
      band.lower[j] = mean - w.r.multipliers[k] * sdBand;
      band.upper[j] = mean + w.r.multipliers[k] * sdBand;
    });
    const y = f.grid.series.values[j];
    if (!Number.isFinite(y)) {
      continue;
    }
    const e = y - mean;
    const z = sdScore > 0 ? e / sdScore : NaN;
    f.out.score[j] = z;
    const bandLevel = Math.abs(e) > strong * sdBand ? 2 : Math.abs(e) > weak * sdBand ? 1 : 0;
    const record = recordMax(f.record);
    pushRecord(f.record, Math.abs(z));
    const spike = bandLevel > 0 && Math.abs(z) >= f.threshold && beatsRecord(Math.abs(z), record);
    f.out.level[j] = spike && !suppressed && w.allows(z) ? bandLevel : 0;
    f.strength[j] = f.out.level[j] > 0 ? Math.abs(z) : 0;
    f.excursionOnset[j] = w.excursion ? w.excursion.onset : NaN;
  }
}

/**
 * After bucket i is complete: log its fine points' deviations from the bucket's mean (scores) and from the expected
 * shape within the bucket (bands), and mark its fine points as part of an anomaly's extent when the bucket is (or when they
 * are anomalous). The band's deviation is y − expected with the bucket's mean of it removed: the bucket's level error is
 * the model's part of the band (sd_bucket), and the expected value already follows the level change within the
 * bucket (interpolation between centres), so a steep season (a daily sine of amplitude 20σ moves ±2.6σ within an
 * hour) must not widen the fine band a second time. Before the bucket has expected values (no model or no scale
 * yet), the shape is the same interpolation with observed means: the line through the centres of buckets i − 1
 * and i.
 */
export function logFineBucket(f: FineWalk, i: number, inExtent: boolean): void {
  const [from, to] = fineSlots(f, i);
  for (let j = from; j <= to; j++) {
    f.out.extent[j] = inExtent || f.out.level[j] >= 1 ? 1 : 0;
  }
  const values = f.grid.series.values;
  const slots = finiteSlots(values, from, to);
  if (slots.length < 2) {
    return;
  }
  const expected = slots.every((j) => Number.isFinite(f.out.forecast[j]))
    ? (j: number) => f.out.forecast[j]
    : observedShape(f, i, slots);
  const residual = (j: number) => values[j] - expected(j);
  const meanResidual = slots.reduce((sum, j) => sum + residual(j), 0) / slots.length;
  const mean = slots.reduce((sum, j) => sum + values[j], 0) / slots.length;
  // A removed mean leaves n − 1 degrees of freedom: rescale so the band's scale is unbiased for the noise sd.
  const dfScale = Math.sqrt(slots.length / (slots.length - 1));
  for (const j of slots) {
    logError(f.deviations, j, values[j] - mean, f.scaleWindow);
    logError(f.shapeDeviations, j, (residual(j) - meanResidual) * dfScale, f.scaleWindow);
  }
}

function finiteSlots(values: number[], from: number, to: number): number[] {
  const slots: number[] = [];
  for (let j = from; j <= to; j++) {
    if (Number.isFinite(values[j])) {
      slots.push(j);
    }
  }
  return slots;
}

/** The line through the observed means of buckets i − 1 and i at their centres (flat without bucket i − 1). */
function observedShape(f: FineWalk, i: number, slots: number[]): (j: number) => number {
  const values = f.grid.series.values;
  const meanOf = (js: number[]) => js.reduce((sum, j) => sum + values[j], 0) / js.length;
  const now = meanOf(slots);
  const previous = i > 0 ? finiteSlots(values, ...fineSlots(f, i - 1)) : [];
  if (previous.length < 2) {
    return () => now;
  }
  const slope = (now - meanOf(previous)) / f.factor;
  const centre = bucketEnd(f, i) - (f.factor - 1) / 2;
  return (j) => now + slope * (j - centre);
}

/** Recompute the within-bucket scale at each refit (and until it exists): a sort per day, not per bucket. */
function updateWithin(w: Walk, f: FineWalk): void {
  if (f.withinAt === w.out.refits && Number.isFinite(f.within)) {
    return;
  }
  const values = f.deviations.value.slice(-f.scaleWindow);
  if (values.length >= MIN_DEVIATION_BUCKETS * f.factor) {
    f.within = robustScale(values);
    f.bandWithin = robustScale(f.shapeDeviations.value.slice(-f.scaleWindow));
    f.withinAt = w.out.refits;
  }
}

/**
 * Seed the record of the fine point test, at the first fine score, with the series' own fine extremes so far:
 * each logged deviation of a fine point from its bucket's mean, on the score's scale. Without it the record is
 * empty when the first model starts scoring, so a young model would page for every within-bucket shape it has
 * not yet scored (a sharp daily corner, a routine burst) until a week of scores has built the record; the
 * deviations have been logged since the first bucket and hold exactly those extremes. Calibration before
 * judging, as the anomaly likelihood of Ahmad et al. (2017) learns the score distribution in its probation
 * period. The seed's extremes count only when reached on two of those days (`seedRecord.ts`).
 */
function seedFineRecord(f: FineWalk, sdScore: number): void {
  if (!(sdScore > 0)) {
    return;
  }
  // One extreme alone in the unjudged warm-up days does not set the bar: a day's high must recur (`seedRecord.ts`).
  const dayPoints = spanPoints({ ms: DAY_MS }, f.grid.series.stepMs);
  for (const v of cappedSeed(f.deviations, sdScore, f.record.length, dayPoints)) {
    pushRecord(f.record, v);
  }
}
