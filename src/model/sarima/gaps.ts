/**
 * Exact likelihood of a differenced series with gaps, by the complete-data filter: missing values are
 * filled with zeros and each one gets a dummy regressor with a diffuse coefficient (Gómez & Maravall
 * 1994, "Estimation, prediction, and interpolation for nonstationary series with the Kalman filter",
 * JASA 89; Kohn & Ansley 1986). Integrating the coefficients out gives the density of the observed
 * values — the quantity R's `ARIMA_Like` computes with its κ prior — as
 *
 *   −2 log L = (N − k) log 2πσ² + Σ log Fₜ + log det(EᵀF⁻¹E) + ssq_min/σ²,
 *
 * where E holds the innovations of the k dummy columns, which pass through the same (rank-one, O(r))
 * filter as the series. Costs O(N·r·k + N·k²) instead of the O(N·r²) of the Riccati filter.
 */

import { choleskyLower, forwardSubstitute } from './hessian';
import { advanceGain, chandrasekharStart, LikelihoodParts } from './likelihood';
import { ArmaSystem } from './stateSpace';

/**
 * Likelihood parts of the differenced series `w` (zeros where undefined) whose undifferenced series had
 * missing values at differenced positions `gaps` (sorted, ≥ 0), for the differencing coefficients
 * `delta`. Returns null when the dummy design is singular (the gaps are not identifiable) or the
 * recursion loses accuracy; the caller then uses the general filter. Over 60 lines because the gain
 * recursion, the innovations of every column and the GLS sums share one hot loop over the series.
 */
// eslint-disable-next-line max-lines-per-function -- one likelihood pass with its gap bookkeeping, kept whole to match the derivation
export function gapLikelihood(
  sys: ArmaSystem,
  w: ArrayLike<number>,
  gaps: number[],
  delta: number[]
): LikelihoodParts | null {
  const { r, phi } = sys;
  const n = w.length;
  const k = gaps.length;
  const nd = delta.length;
  // States of the series (column 0) and of each dummy (columns 1..k), each r + 1 long (trailing 0).
  const stride = r + 1;
  const states = new Float64Array((k + 1) * stride);
  const innov = new Float64Array(k + 1);
  const gain = chandrasekharStart(sys);
  const kbar = gain.kbar;
  let steady = false;
  let sumlog = 0;
  // A = EᵀF⁻¹E (k×k), b = EᵀF⁻¹e, c = eᵀF⁻¹e.
  const A = new Float64Array(k * k);
  const b = new Float64Array(k);
  let c = 0;
  let active = 0;
  for (let t = 0; t < n; t++) {
    while (active < k && gaps[active] <= t) {
      active++;
    }
    const F = gain.F;
    sumlog += Math.log(F);
    // Innovations: series value (or dummy value) minus the first state entry.
    for (let col = 0; col <= active; col++) {
      let x: number;
      if (col === 0) {
        x = w[t];
      } else {
        const lag = t - gaps[col - 1];
        x = lag === 0 ? 1 : lag - 1 < nd ? -delta[lag - 1] : 0;
      }
      innov[col] = x - states[col * stride];
    }
    const e = innov[0];
    c += (e * e) / F;
    for (let i = 0; i < active; i++) {
      const ei = innov[i + 1] / F;
      b[i] += ei * e;
      for (let j = 0; j <= i; j++) {
        A[i * k + j] += ei * innov[j + 1];
      }
    }
    // a ← T a + K̄ v/F for every active column.
    for (let col = 0; col <= active; col++) {
      const base = col * stride;
      const a0 = states[base];
      const g = innov[col] / F;
      for (let i = 0; i < r; i++) {
        states[base + i] = phi[i] * a0 + states[base + i + 1] + kbar[i] * g;
      }
    }
    if (!steady) {
      const status = advanceGain(gain, phi, r);
      if (status === 'lost') {
        return null;
      }
      steady = status === 'steady';
    }
  }
  const gls = solveGls(A, b, k);
  if (gls === null) {
    return null;
  }
  return { ssq: Math.max(0, c - gls.quad), sumlog: sumlog + gls.logDet, nu: n - k };
}

/**
 * From the lower triangle of A (positive definite) and b: bᵀA⁻¹b and log det A by one Cholesky
 * factorisation A = LLᵀ (bᵀA⁻¹b = |L⁻¹b|²); null when A is not positive definite.
 */
function solveGls(A: Float64Array, b: Float64Array, k: number): { quad: number; logDet: number } | null {
  const L = choleskyLower(A, k);
  if (L === null) {
    return null;
  }
  let logDet = 0;
  for (let j = 0; j < k; j++) {
    logDet += 2 * Math.log(L[j * k + j]);
  }
  const z = forwardSubstitute(L, k, b);
  let quad = 0;
  for (let i = 0; i < k; i++) {
    quad += z[i] * z[i];
  }
  return { quad, logDet };
}
