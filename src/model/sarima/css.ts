/**
 * Conditional sum of squares of an ARMA model on a differenced series, as R `ARIMA_CSS` (the objective
 * of `stats::arima(method = "CSS")` and the first stage of the default "CSS-ML").
 */

import { ArmaSystem } from './stateSpace';

/**
 * Mean squared one-step residual of `w` (already differenced and regression-adjusted) conditioning on
 * its first `ncond` values: eₜ = wₜ − Σ φₖ wₜ₋ₖ − Σ θₖ eₜ₋ₖ for t ≥ ncond, with eₜ = 0 before. Missing
 * values give no residual and count as eₜ = 0 later (R lets the NaN propagate instead; this only shapes
 * the starting values). Returns ssq/nu and nu.
 */
export function conditionalSumOfSquares(
  sys: ArmaSystem,
  w: ArrayLike<number>,
  ncond: number,
  resid: Float64Array
): { meanSquare: number; nu: number } {
  const n = w.length;
  const { phi, rVec, phiNonzero, rNonzero } = sys;
  let ssq = 0;
  let nu = 0;
  resid.fill(0, 0, Math.min(ncond, n));
  for (let t = ncond; t < n; t++) {
    let e = w[t];
    for (let idx = 0; idx < phiNonzero.length; idx++) {
      const k = phiNonzero[idx];
      e -= phi[k] * w[t - k - 1];
    }
    // rNonzero[0] is θ₀ = 1, skipped.
    for (let idx = 1; idx < rNonzero.length; idx++) {
      const k = rNonzero[idx];
      if (t - k >= ncond) {
        e -= rVec[k] * resid[t - k];
      }
    }
    if (Number.isNaN(e)) {
      resid[t] = 0;
    } else {
      resid[t] = e;
      ssq += e * e;
      nu++;
    }
  }
  return { meanSquare: nu > 0 ? ssq / nu : Number.NaN, nu };
}
