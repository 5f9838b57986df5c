/**
 * Warm-up test for young series: before the first model exists (the detector needs `minTrain` of history, three
 * days by default), a point is judged against the series' own level so far. Its score is the robust z of the
 * value against the trailing day of data before it, z = (y − median) / (1.4826·MAD) (Hampel 1974: median and
 * MAD are barely moved by the outliers being looked for), and it counts when |z| reaches the point threshold
 * and beats every warm-up |z| the series has had so far (by {@link WARMUP_RECORD_MARGIN}): the record calibration
 * of `record.ts`, which stands in for the missing model. The record starts from the first day's own extremes on the
 * same yardstick, and scoring
 * starts only once a whole day is there (a daily cycle seen in part would look like a departure). A series that
 * spikes routinely has shown such a spike on its first day and is not paged for the next; a quiet series that
 * suddenly leaves its level is. This is the robust z-score that
 * Hochenbaum, Vallis & Kejariwal (arXiv:1704.07706, 2017) apply to residuals, here on the raw values because
 * no model has been fitted yet; it is deliberately conservative (a daily cycle widens the MAD).
 */
import { DAY_MS } from '../timeUnits';
import { lowerBound } from '../lowerBound';
import { MIN_ABSOLUTE_SIGMA, MIN_RELATIVE_SIGMA } from './fallback';
import { MAD_TO_SIGMA } from './robustScale';
import { beatsRecord } from './record';
import type { Detection } from './types';

/** Trailing history of a warm-up score: one day, so a level that has moved since the first hours is the level. */
const WARMUP_WINDOW_MS = DAY_MS;
/** History before the first warm-up score: one day (a whole daily cycle) and at least 24 points. */
const WARMUP_MIN_MS = DAY_MS;
const WARMUP_MIN_POINTS = 24;

/**
 * A warm-up score must beat the record by this factor. The yardstick slides: the trailing day's median and MAD move
 * a little with every point, so a value equal to an earlier extreme reads a few percent higher or lower (a square
 * wave's daily peak beat the previous day's by 2 % on art_daily_small_noise and paged on its third day). Records won
 * by a hair are that drift, not a departure; a real one clears 10 % easily (fe7f93's first anomaly by 21 %).
 */
export const WARMUP_RECORD_MARGIN = 1.1;

/** Options of {@link warmupLevels}. */
export interface WarmupOptions {
  /** |z| a point needs (the detector's point threshold). */
  threshold: number;
  /** Points of trailing history the median and MAD use. */
  windowPoints: number;
  /** Finite points of history needed before the first warm-up score. */
  minPoints: number;
  /** True when a score of this sign may be flagged (the detector's direction). */
  allows: (score: number) => boolean;
}

/** Warm-up verdicts of points 0 … end − 1: level 2 where anomalous (else 0) and |z| per point (NaN unscored). */
export interface WarmupResult {
  level: number[];
  strength: number[];
}

/** Median of the first `count` values of a sorted array. */
function medianOf(sorted: Float64Array, count: number): number {
  const mid = count >> 1;
  return count % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The finite values of a trailing window kept sorted as it slides, so each point costs O(window) instead of a sort
 * of the whole window (the warm-up runs on every refresh, over days of one-minute points).
 */
class SortedWindow {
  readonly values: Float64Array;
  count = 0;

  constructor(capacity: number) {
    // One spare slot: a point enters before the oldest leaves.
    this.values = new Float64Array(capacity + 1);
  }

  add(y: number): void {
    const at = this.lowerBound(y);
    this.values.copyWithin(at + 1, at, this.count);
    this.values[at] = y;
    this.count++;
  }

  remove(y: number): void {
    const at = this.lowerBound(y);
    this.values.copyWithin(at, at + 1, this.count);
    this.count--;
  }

  /**
   * 1.4826 · MAD about `center`, or √(π/2) · mean absolute deviation when the MAD is 0, exactly as
   * `robustScale` on the same values: the deviations of a sorted window are two sorted runs (below and above
   * the center), merged only up to the middle one.
   */
  scale(center: number): number {
    const v = this.values;
    const n = this.count;
    let below = this.lowerBound(center) - 1;
    let above = below + 1;
    const take = (): number => {
      const useBelow = above >= n || (below >= 0 && center - v[below] <= v[above] - center);
      return useBelow ? center - v[below--] : v[above++] - center;
    };
    const mid = n >> 1;
    let previous = 0;
    let current = 0;
    for (let i = 0; i <= mid; i++) {
      previous = current;
      current = take();
    }
    const mad = n % 2 === 1 ? current : (previous + current) / 2;
    if (mad > 0) {
      return MAD_TO_SIGMA * mad;
    }
    let sumAbs = 0;
    for (let i = 0; i < n; i++) {
      sumAbs += Math.abs(v[i] - center);
    }
    return Math.sqrt(Math.PI / 2) * (sumAbs / n);
  }

  private lowerBound(y: number): number {
    return lowerBound(this.values, y, this.count);
  }
}

/**
 * Score `values[0 … end − 1]` causally by the warm-up test (module comment): each point against the finite values
 * of the `windowPoints` before it, once `minPoints` of them exist; the record starts at the largest |z| of that
 * first history against its own median and scale. The scale is never below the detector's minimum
 * width relative to the level (`fallback.ts`), so a flat line's first step is far out and a constant one is not.
 */
export function warmupLevels(values: ArrayLike<number>, end: number, options: WarmupOptions): WarmupResult {
  const level = new Array<number>(end).fill(0);
  const strength = new Array<number>(end).fill(NaN);
  const history = new SortedWindow(options.windowPoints);
  let record = 0;
  let seeded = false;
  for (let j = 0; j < end; j++) {
    // The window holds the finite values of points j − windowPoints … j − 1.
    if (j > 0 && Number.isFinite(values[j - 1])) {
      history.add(values[j - 1]);
    }
    const leaving = j - 1 - options.windowPoints;
    if (leaving >= 0 && Number.isFinite(values[leaving])) {
      history.remove(values[leaving]);
    }
    const y = values[j];
    if (!Number.isFinite(y) || history.count < options.minPoints) {
      continue;
    }
    const median = medianOf(history.values, history.count);
    const floor = Math.max(MIN_RELATIVE_SIGMA * Math.abs(median), MIN_ABSOLUTE_SIGMA);
    const scale = Math.max(history.scale(median), floor);
    if (!seeded) {
      // The record starts from the extremes of the history itself, judged the same way (see the module comment).
      const lowest = history.values[0];
      const highest = history.values[history.count - 1];
      record = Math.max(Math.abs(lowest - median), Math.abs(highest - median)) / scale;
      seeded = true;
    }
    const z = (y - median) / scale;
    strength[j] = Math.abs(z);
    if (
      Math.abs(z) >= options.threshold &&
      beatsRecord(Math.abs(z), record, WARMUP_RECORD_MARGIN) &&
      options.allows(z)
    ) {
      level[j] = 2;
    }
    record = Math.max(record, Math.abs(z));
  }
  return { level, strength };
}

/**
 * Add the warm-up test's flags to a detection: points before its first prediction (no model yet) get level 2,
 * extent 1 and their |z| as strength where the warm-up test finds them anomalous (levels the alert rules then
 * treat like any other). `threshold` is the point threshold at this grid's step (the fine test's at a fine step).
 */
export function markWarmup(
  out: Detection,
  strength: number[],
  threshold: number,
  allows: (score: number) => boolean
): void {
  const first = out.forecast.findIndex(Number.isFinite);
  const end = first < 0 ? out.forecast.length : first;
  if (end < 2) {
    return;
  }
  const stepMs = out.timesMs[1] - out.timesMs[0];
  const result = warmupLevels(out.values, end, {
    threshold,
    windowPoints: Math.round(WARMUP_WINDOW_MS / stepMs),
    minPoints: Math.max(WARMUP_MIN_POINTS, Math.round(WARMUP_MIN_MS / stepMs)),
    allows,
  });
  for (let j = 0; j < end; j++) {
    if (result.level[j] > 0) {
      out.level[j] = result.level[j];
      out.extent[j] = 1;
      strength[j] = result.strength[j];
    }
  }
}
