/**
 * Interval calibration from in-sample multi-step errors. SARIMA intervals assume the model and its
 * coefficients are exact; on real metrics (level shifts, changing seasons) h-step errors are wider than
 * the model's se_h says, and sometimes narrower.
 *
 * Method: the fitted model's filter runs over the training data (no refit); from every `stride`-th origin
 * in the last two thirds of the data it forecasts up to `horizon` steps (fewer near the end) and records
 * the standardised errors z = (y − ŷ)/se_h. For each interval level L the factor is c_L = q_L(|z|)/z_L, with
 * q_L the empirical L-quantile of |z| and z_L the normal one, clamped to [MIN_FACTOR, MAX_FACTOR] (widen
 * only); bands become ŷ ± c_L·z_L·se_h (on the modelled scale, before any back-transform). With fewer
 * than MIN_ERRORS errors the factors are 1. This is a split-free variant of conformal calibration of
 * standardised residuals (Vovk, Gammerman & Shafer, "Algorithmic Learning in a Random World", 2005).
 */
import { absorb, cloneState } from './sarima/filter';
import type { SarimaModel } from './sarima/fit';
import { forecastSarima } from './sarima/forecast';
import { normalQuantile } from './sarima/normal';
import { Forecast } from './types';

/**
 * Bounds of a calibration factor: never shrink a band (in-sample errors are optimistic: the model was fitted
 * to them, so a factor below 1 shrank bands that were already too narrow out of sample in the evaluation), and
 * never widen it beyond four times.
 */
const MIN_FACTOR = 1;
export const MAX_FACTOR = 4;
/** Fewest standardised errors a factor is estimated from. */
const MIN_ERRORS = 50;

/** Standardised in-sample errors of forecasts up to `horizon` steps (method in the module comment). */
export function standardizedErrors(model: SarimaModel, y: ArrayLike<number>, horizon: number): number[] {
  const n = y.length;
  const first = Math.floor(n / 3);
  const stride = Math.max(1, Math.round(horizon / 8));
  const state = cloneState(model.initialState);
  const z: number[] = [];
  for (let t = 0; t < n - 1; t++) {
    absorb(model, state, y[t]);
    if (t + 1 < first || (t + 1 - first) % stride !== 0) {
      continue;
    }
    const steps = Math.min(horizon, n - t - 1);
    const fc = forecastSarima(model, cloneState(state), steps, []);
    for (let k = 0; k < steps; k++) {
      const actual = y[t + 1 + k];
      if (Number.isFinite(actual) && fc.se[k] > 0) {
        z.push(Math.abs(actual - fc.mean[k]) / fc.se[k]);
      }
    }
  }
  return z;
}

/** Factor per level from standardised errors |z| (1 for every level when there are too few). */
export function calibrationFactors(absErrors: number[], levelsPct: number[]): number[] {
  if (absErrors.length < MIN_ERRORS) {
    return levelsPct.map(() => 1);
  }
  const sorted = [...absErrors].sort((a, b) => a - b);
  return levelsPct.map((level) => {
    const q = quantile(sorted, level / 100);
    const factor = q / normalQuantile(0.5 + level / 200);
    return Math.min(MAX_FACTOR, Math.max(MIN_FACTOR, factor));
  });
}

/** The forecast with every band rescaled around the mean by its level's factor. */
export function rescaleBands(forecast: Forecast, factors: number[]): Forecast {
  return {
    ...forecast,
    intervals: forecast.intervals.map((band, i) => ({
      levelPct: band.levelPct,
      lower: band.lower.map((l, k) => forecast.mean[k] - factors[i] * (forecast.mean[k] - l)),
      upper: band.upper.map((u, k) => forecast.mean[k] + factors[i] * (u - forecast.mean[k])),
    })),
  };
}

/** Linear-interpolation quantile of sorted values (R type 7). */
function quantile(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
