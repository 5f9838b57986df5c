/**
 * Multi-step forecasts with prediction intervals from a filter state, as R `predict.Arima`
 * (`KalmanForecast` on the full ARIMA state, so the variances include the differencing).
 */

import { InvalidSettingsError } from '../errors';
import { Forecast, PredictionInterval } from '../types';
import type { SarimaModel } from './fit';
import { FilterState, toLive } from './filter';
import { LiveState, stepLive } from './kalman';
import { normalQuantile } from './normal';
import { ModelSystem, systemOf } from './system';

/** Default interval levels in percent. */
export const DEFAULT_LEVELS_PCT = [80, 95, 99];

/**
 * Forecasts `horizon` steps after `state` (use `model.state` for the steps after the training data).
 * mean[k] and se[k] are for step state.t + k; intervals are mean ± z·se with z the standard normal
 * quantile of (1 + level/100)/2, as R `forecast::forecast.Arima`. Throws {@link InvalidSettingsError} for a
 * horizon that is not a non-negative integer or a level outside (0, 100).
 */
export function forecastSarima(
  model: SarimaModel,
  state: FilterState,
  horizon: number,
  levelsPct: number[] = DEFAULT_LEVELS_PCT
): Forecast {
  if (!Number.isInteger(horizon) || horizon < 0) {
    throw new InvalidSettingsError(`forecast horizon must be a non-negative integer, got ${horizon}`);
  }
  for (const level of levelsPct) {
    if (!(level > 0 && level < 100)) {
      throw new InvalidSettingsError(`interval level must be in (0, 100) percent, got ${level}`);
    }
  }
  const sys = systemOf(model);
  const live = toLive(sys, state);
  const path = live.mode === 'exact' ? forecastKnownLags(sys, live, horizon) : forecastByFilter(sys, live, horizon);
  const mean = path.mean;
  const se = path.variance.map((v) => Math.sqrt(Math.max(0, v) * model.sigma2));
  const intervals: PredictionInterval[] = levelsPct.map((levelPct) => {
    const z = normalQuantile(0.5 + levelPct / 200);
    return {
      levelPct,
      lower: mean.map((m, k) => m - z * se[k]),
      upper: mean.map((m, k) => m + z * se[k]),
    };
  });
  return { mean, se, intervals };
}

/** Forecast means and variances (units of σ²) of the regression-adjusted series plus the regression. */
interface ForecastPath {
  mean: number[];
  variance: number[];
}

/**
 * General path: Kalman prediction steps without observations on the full state (R `KalmanForecast`).
 * Used when some lagged values are uncertain (recent missing values) or still diffuse.
 */
export function forecastByFilter(sys: ModelSystem, live: LiveState, horizon: number): ForecastPath {
  const mean: number[] = [];
  const variance: number[] = [];
  for (let k = 0; k < horizon; k++) {
    const reg = sys.regression(live.t);
    const pred = stepLive(sys, live, NaN);
    mean.push(pred.mean + reg);
    variance.push(pred.F);
  }
  return { mean, variance };
}

/**
 * Fast path when the lagged values are known (no recent missing values): the forecast error of step k
 * is gₖ(α − a) + Σᵢ ψ*ₖ₋ᵢ εᵢ with gₖ = Σⱼ cₖ₋ⱼ Z Tʲ (c the coefficients of 1/δ(B), so gₖ = Z Tᵏ + Σ δₗ gₖ₋ₗ)
 * and ψ*ₘ = gₘ R the ψ-weights of the whole ARIMA model (Box & Jenkins §5.2), so
 * Var = gₖ P gₖᵀ + Σ_{m<k} ψ*ₘ². Same numbers as the full-state Kalman forecast in O(h·r²) instead of
 * O(h·(r + d + m·D)²). Over 60 lines because the mean and variance recursions share one loop over the
 * horizon.
 */
// eslint-disable-next-line max-lines-per-function -- one recursion over the state-space forecast equations, kept whole to match the reference
export function forecastKnownLags(sys: ModelSystem, live: LiveState, horizon: number): ForecastPath {
  const { r, phi, rVec } = sys.arma;
  const delta = sys.delta;
  const nd = delta.length;
  const P = live.P;
  const a = Float64Array.from(live.a);
  const lags = Float64Array.from(live.lags);
  const z = new Float64Array(r);
  z[0] = 1;
  const g = new Float64Array(horizon * r);
  const mean: number[] = [];
  const variance: number[] = [];
  let psiSum = 0;
  for (let k = 0; k < horizon; k++) {
    // Mean: x̂ = a₀, û = x̂ + Σ δⱼ lagⱼ; then a ← T a and the lags shift in û.
    let u = a[0];
    for (let j = 0; j < nd; j++) {
      u += delta[j] * lags[j];
    }
    mean.push(u + sys.regression(live.t + k));
    const a0 = a[0];
    for (let i = 0; i < r - 1; i++) {
      a[i] = phi[i] * a0 + a[i + 1];
    }
    a[r - 1] = phi[r - 1] * a0;
    for (let j = nd - 1; j > 0; j--) {
      lags[j] = lags[j - 1];
    }
    if (nd > 0) {
      lags[0] = u;
    }
    // Variance.
    const gk = g.subarray(k * r, (k + 1) * r);
    gk.set(z);
    for (let l = 0; l < nd && l < k; l++) {
      const dl = delta[l];
      if (dl !== 0) {
        const prev = g.subarray((k - l - 1) * r, (k - l) * r);
        for (let i = 0; i < r; i++) {
          gk[i] += dl * prev[i];
        }
      }
    }
    let quad = 0;
    for (let i = 0; i < r; i++) {
      let v = 0;
      const row = i * r;
      for (let j = 0; j < r; j++) {
        v += P[row + j] * gk[j];
      }
      quad += gk[i] * v;
    }
    variance.push(quad + psiSum);
    let psiStar = 0;
    for (let i = 0; i < r; i++) {
      psiStar += gk[i] * rVec[i];
    }
    psiSum += psiStar * psiStar;
    // z ← z T: new z₀ = Σ zᵢφᵢ, new zⱼ = zⱼ₋₁.
    let z0 = 0;
    for (let i = 0; i < r; i++) {
      z0 += z[i] * phi[i];
    }
    for (let i = r - 1; i > 0; i--) {
      z[i] = z[i - 1];
    }
    z[0] = z0;
  }
  return { mean, variance };
}
