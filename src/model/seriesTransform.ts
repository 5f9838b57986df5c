/**
 * The transform setting of automatic forecasting: resolve 'auto' / 'none' / 'log' / λ to a Box-Cox λ (or none)
 * for a training series, and map forecasts back to the original scale.
 *
 * Rule for 'auto' (beyond R, whose `auto.arima` default is no transform): for a series with no negative
 * value, λ by Guerrero's method restricted to [0, 1] (between log and none) on blocks of the detected season;
 * λ ≥ 0.9 is treated as none (the transform would change almost nothing). λ = 0 (log) needs strictly
 * positive values; with zeros present λ stays above 0, so zeros stay representable.
 */
import { boxCox, guerreroLambda, invBoxCox } from './boxCox';
import { InvalidSeriesError } from './errors';
import { PredictionInterval } from './types';

/** Transform setting: automatic, none, log, or a fixed Box-Cox λ. */
export type TransformSetting = 'auto' | 'none' | 'log' | number;

/** The transform applied, for diagnostics. */
export interface AppliedTransform {
  /** Box-Cox λ (0 = log), or null when none. */
  lambda: number | null;
  /** The setting that produced it. */
  setting: TransformSetting;
  /** The training data has no negative value, so forecasts and bands are kept ≥ 0. */
  nonNegative: boolean;
}

/** Smallest λ 'auto' uses when the series has zeros: Box-Cox at λ → 0 sends 0 to −∞. */
const MIN_LAMBDA_WITH_ZEROS = 0.1;
/** 'auto' leaves the series untransformed from this λ on. */
const NONE_FROM_LAMBDA = 0.9;

/**
 * Resolves `setting` for the training values `y` (NaN = missing) with season `period` (1 = none).
 * @throws InvalidSeriesError when 'log' or λ ≤ 0 meets a value ≤ 0, or λ is not finite
 */
export function resolveTransform(y: ArrayLike<number>, setting: TransformSetting, period: number): AppliedTransform {
  const present = Array.from(y).filter(Number.isFinite);
  const nonNegative = isNonNegative(present);
  const positive = present.every((v) => v > 0);
  const lambda = lambdaFor(setting, present, period, nonNegative, positive);
  return { lambda, setting, nonNegative };
}

/**
 * True when no present value of `y` is negative (NaN = missing): the series is a count, rate or size, whose forecasts
 * and bands are shown at 0 where they reach below it (every floor in this module decides by this).
 */
export function isNonNegative(y: ArrayLike<number>): boolean {
  for (let i = 0; i < y.length; i++) {
    if (y[i] < 0) {
      return false;
    }
  }
  return true;
}

function lambdaFor(
  setting: TransformSetting,
  present: number[],
  period: number,
  nonNegative: boolean,
  positive: boolean
): number | null {
  if (setting === 'none') {
    return null;
  }
  if (setting === 'auto') {
    if (!nonNegative) {
      return null;
    }
    const lambda = Math.max(positive ? 0 : MIN_LAMBDA_WITH_ZEROS, guerreroLambda(present, period, 0, 1));
    return lambda >= NONE_FROM_LAMBDA ? null : lambda;
  }
  const lambda = setting === 'log' ? 0 : setting;
  if (!Number.isFinite(lambda)) {
    throw new InvalidSeriesError(`Box-Cox λ must be a finite number, got ${lambda}`);
  }
  if (lambda <= 0 && !positive) {
    const smallest = Math.min(...present);
    throw new InvalidSeriesError(
      `transform ${setting === 'log' ? 'log' : `λ = ${lambda}`} needs values > 0; the smallest is ${smallest}`
    );
  }
  if (!nonNegative) {
    throw new InvalidSeriesError(`Box-Cox λ = ${lambda} needs values ≥ 0; the smallest is ${Math.min(...present)}`);
  }
  return lambda;
}

/** The series on the transformed scale (unchanged when λ is null). */
export function applyTransform(y: ArrayLike<number>, t: AppliedTransform): number[] {
  return t.lambda === null ? Array.from(y) : boxCox(y, t.lambda);
}

/**
 * Maps a forecast back: means by `invBoxCox` (bias-adjusted with the transformed-scale variance se² when
 * `biasAdjust`, as R `biasadj = TRUE`, else the median), interval bounds by `invBoxCox`, se by the delta method
 * se·dy/dw = se·y^(1−λ); then everything is clipped at 0 for a non-negative series.
 */
export function backTransform(
  forecast: { mean: number[]; se: number[]; intervals: PredictionInterval[] },
  t: AppliedTransform,
  biasAdjust: boolean
) {
  const lambda = t.lambda;
  const floor = (v: number) => (t.nonNegative ? Math.max(0, v) : v);
  const median = forecast.mean.map((w) => (lambda === null ? w : invBoxCox(w, lambda)));
  const mean = forecast.mean.map((w, k) =>
    floor(lambda === null || !biasAdjust ? median[k] : invBoxCox(w, lambda, forecast.se[k] ** 2))
  );
  const se = forecast.se.map((s, k) => (lambda === null ? s : s * Math.max(0, median[k]) ** (1 - lambda)));
  const intervals = forecast.intervals.map((band) => ({
    levelPct: band.levelPct,
    lower: band.lower.map((w) => floor(lambda === null ? w : invBoxCox(w, lambda))),
    upper: band.upper.map((w) => floor(lambda === null ? w : invBoxCox(w, lambda))),
  }));
  return { mean, se, intervals };
}

/**
 * A forecast of a series whose training values are never negative (counts, rates, bytes), with means and bands
 * floored at 0; any other forecast unchanged. For models fitted without a transform, e.g. the detector's.
 */
export function floorNonNegative<F extends { mean: number[]; se: number[]; intervals: PredictionInterval[] }>(
  forecast: F,
  training: ArrayLike<number>
): F {
  const t = resolveTransform(training, 'none', 1);
  return t.nonNegative ? { ...forecast, ...backTransform(forecast, t, false) } : forecast;
}

/**
 * One-step predictions and bands over a series' history as drawn and exported (frames, the service's derived
 * series, the CLI's CSV): values below 0 shown as 0 when the series has no negative value, by the same decision as
 * {@link floorNonNegative} takes for the forecast past the end, so history and horizon agree; any other series'
 * unchanged. NaN (no prediction) stays NaN. A Gaussian band around a count's prediction can reach thousands below 0
 * when the count drops (nyc_taxi's blizzard), and the prediction itself below 0 after the drop, which only
 * stretches the axis and hides the data. Display only: scores and flags come from the unclipped values
 * (`detect/backtest.ts`), so nothing that decides an anomaly may read these.
 */
export function floorPastNonNegative(
  past: { forecast: number[]; bands: PredictionInterval[] },
  training: ArrayLike<number>
): { forecast: number[]; bands: PredictionInterval[] } {
  const floored = floorNonNegative({ mean: past.forecast, se: [], intervals: past.bands }, training);
  return { forecast: floored.mean, bands: floored.intervals };
}
