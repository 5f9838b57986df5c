/**
 * Conditional sum of squares of an ARMA model on a differenced series, as R `ARIMA_CSS` (the objective
 * of `stats::arima(method = "CSS")` and the first stage of the default "CSS-ML").
 */

import { expandSeasonalInto } from './polynomial';

/** Orders of the four ARMA blocks and the period: the layout [ar, ma, sar, sma] of a parameter vector. */
export interface ArmaLayout {
  p: number;
  q: number;
  P: number;
  Q: number;
  period: number;
}

/**
 * Buffers of {@link conditionalSumOfSquares}, made once per fit: the objective runs thousands of times per
 * fit, and building the expanded polynomials afresh each time cost as much as the recursion itself.
 */
export interface CssScratch {
  /** Expanded AR coefficients: phi[k − 1] is the lag-k coefficient. */
  phi: Float64Array;
  /** Expanded MA coefficients: theta[k − 1] is the lag-k coefficient. */
  theta: Float64Array;
  /** Lags k with a nonzero coefficient, ascending; the first `count` entries are valid. */
  phiLags: Int32Array;
  thetaLags: Int32Array;
}

/** Buffers for a layout. */
export function cssScratch(layout: ArmaLayout): CssScratch {
  const m = layout.period;
  const arLength = layout.P > 0 ? layout.p + m * layout.P : layout.p;
  const maLength = layout.Q > 0 ? layout.q + m * layout.Q : layout.q;
  return {
    phi: new Float64Array(arLength),
    theta: new Float64Array(maLength),
    phiLags: new Int32Array(arLength),
    thetaLags: new Int32Array(maLength),
  };
}

/** Writes the 1-based lags of the nonzero entries of `coefficients` to `lags`; returns their count. */
function nonzeroLags(coefficients: Float64Array, lags: Int32Array): number {
  let count = 0;
  for (let k = 0; k < coefficients.length; k++) {
    if (coefficients[k] !== 0) {
      lags[count++] = k + 1;
    }
  }
  return count;
}

/**
 * Mean squared one-step residual of `w` (already differenced and regression-adjusted) conditioning on
 * its first `ncond` values: eₜ = wₜ − Σ φₖ wₜ₋ₖ − Σ θₖ eₜ₋ₖ for t ≥ ncond, with eₜ = 0 before, where φ and θ
 * are the seasonal products of the natural parameters `arma` (layout [ar, ma, sar, sma]). Missing values
 * give no residual and count as eₜ = 0 later (R lets the NaN propagate instead; this only shapes the
 * starting values). Returns ssq/nu and nu.
 */
export function conditionalSumOfSquares(
  arma: Float64Array,
  layout: ArmaLayout,
  w: ArrayLike<number>,
  ncond: number,
  resid: Float64Array,
  scratch: CssScratch
): { meanSquare: number; nu: number } {
  const { p, q, P, Q, period } = layout;
  const { phi, theta, phiLags, thetaLags } = scratch;
  expandSeasonalInto(phi, arma.subarray(0, p), arma.subarray(p + q, p + q + P), period, -1);
  expandSeasonalInto(theta, arma.subarray(p, p + q), arma.subarray(p + q + P, p + q + P + Q), period, 1);
  const nPhi = nonzeroLags(phi, phiLags);
  const nTheta = nonzeroLags(theta, thetaLags);
  const n = w.length;
  let ssq = 0;
  let nu = 0;
  resid.fill(0, 0, Math.min(ncond, n));
  for (let t = ncond; t < n; t++) {
    let e = w[t];
    for (let idx = 0; idx < nPhi; idx++) {
      const k = phiLags[idx];
      e -= phi[k - 1] * w[t - k];
    }
    for (let idx = 0; idx < nTheta; idx++) {
      const k = thetaLags[idx];
      if (t - k >= ncond) {
        e -= theta[k - 1] * resid[t - k];
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
