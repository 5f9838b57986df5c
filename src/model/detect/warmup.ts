/**
 * Warm-up test for young series: before the first model exists (the detector needs `minTrain` of history, three
 * days by default), a point is judged against the series' own level so far. Its score is the robust z of the
 * value against the trailing day of data before it, z = (y − median) / (1.4826·MAD) (Hampel 1974: median and
 * MAD are barely moved by the outliers being looked for), and it counts when |z| reaches the point threshold
 * and beats every warm-up |z| the series has had so far: the record calibration of `record.ts`, which stands in
 * for the missing model. The record starts from the first day's own extremes on the same yardstick, and scoring
 * starts only once a whole day is there (a daily cycle seen in part would look like a departure). A series that
 * spikes routinely has shown such a spike on its first day and is not paged for the next; a quiet series that
 * suddenly leaves its level is. This is the robust z-score that
 * Hochenbaum, Vallis & Kejariwal (arXiv:1704.07706, 2017) apply to residuals, here on the raw values because
 * no model has been fitted yet; it is deliberately conservative (a daily cycle widens the MAD).
 */
import { DAY_MS } from '../timeUnits';
import { MIN_ABSOLUTE_SIGMA, MIN_RELATIVE_SIGMA } from './fallback';
import { robustScale } from './robustScale';
import type { Detection } from './types';

/** Trailing history of a warm-up score: one day, so a level that has moved since the first hours is the level. */
const WARMUP_WINDOW_MS = DAY_MS;
/** History before the first warm-up score: one day (a whole daily cycle) and at least 24 points. */
const WARMUP_MIN_MS = DAY_MS;
const WARMUP_MIN_POINTS = 24;

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

/** Median of sorted values. */
function medianOf(sorted: number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
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
  let record = 0;
  let seeded = false;
  for (let j = 0; j < end; j++) {
    const y = values[j];
    if (!Number.isFinite(y)) {
      continue;
    }
    const history: number[] = [];
    for (let k = Math.max(0, j - options.windowPoints); k < j; k++) {
      if (Number.isFinite(values[k])) {
        history.push(values[k]);
      }
    }
    if (history.length < options.minPoints) {
      continue;
    }
    history.sort((a, b) => a - b);
    const median = medianOf(history);
    const floor = Math.max(MIN_RELATIVE_SIGMA * Math.abs(median), MIN_ABSOLUTE_SIGMA);
    const scale = Math.max(robustScale(history), floor);
    if (!seeded) {
      // The record starts from the extremes of the history itself, judged the same way (see the module comment).
      record = Math.max(Math.abs(history[0] - median), Math.abs(history[history.length - 1] - median)) / scale;
      seeded = true;
    }
    const z = (y - median) / scale;
    strength[j] = Math.abs(z);
    if (Math.abs(z) >= options.threshold && Math.abs(z) > record && options.allows(z)) {
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
