/**
 * Exact Gaussian likelihood pieces of an ARMA model, in R `ARIMA_Like`'s terms: the sum of squared
 * standardized innovations `ssq`, the sum of log prediction variances `sumlog` and the count `nu`, with
 * σ² = 1 in the filter so that σ² can be concentrated out (σ̂² = ssq/nu).
 */

import { FilterSystem, initialLiveState, stepLive } from './kalman';
import { ArmaSystem, stationaryFirstRow } from './stateSpace';

/** Sufficient statistics of the concentrated likelihood. */
export interface LikelihoodParts {
  ssq: number;
  sumlog: number;
  nu: number;
}

/** Relative size of the covariance increment under which the Chandrasekhar recursion is frozen. */
const STEADY_TOLERANCE = 1e-13;

/** Start of the Chandrasekhar recursions: first innovation variance, gain and the factor of P₂ − P₁. */
export interface ChandrasekharStart {
  /** F₁ = Σ₀₀. */
  F: number;
  /** K̄₁ = TΣZᵀ, the unnormalised gain T P Zᵀ, length r. */
  kbar: Float64Array;
  /** W₁ = K̄₁ with a trailing 0 (length r + 1), so that index i + 1 needs no branch. */
  wv: Float64Array;
  /** M₁ = −1/F₁, so that P₂ − P₁ = −K̄₁K̄₁ᵀ/F₁ = W M Wᵀ. */
  M: number;
}

/**
 * Chandrasekhar recursions started from the stationary covariance P₁ = Σ (Morf, Sidhu & Kailath 1974; Harvey
 * 1989 §3.3.4), shared by the plain ARMA likelihood and the likelihood with gap dummies (`gaps.ts`).
 */
export function chandrasekharStart(sys: ArmaSystem): ChandrasekharStart {
  const { r, phi } = sys;
  const s = stationaryFirstRow(sys);
  const kbar = new Float64Array(r);
  for (let i = 0; i < r; i++) {
    kbar[i] = phi[i] * s[0] + (i + 1 < r ? s[i + 1] : 0);
  }
  const wv = new Float64Array(r + 1);
  wv.set(kbar);
  return { F: s[0], kbar, wv, M: -1 / s[0] };
}

/** Outcome of {@link advanceGain}: still moving, frozen (steady state reached), or lost accuracy (F < 1). */
export type GainStatus = 'moving' | 'steady' | 'lost';

/**
 * One step of the Chandrasekhar gain recursions on `g` (Morf, Sidhu & Kailath 1974): with b = W₀,
 * F ← F + M b², K̄ ← K̄ + TW·M·b, W ← TW − K̄·b/F_new, M ← M + (M b)²/F. 'lost' when the new F drops below 1
 * (F ≥ 1 holds exactly, as P ≥ RRᵀ: the caller falls back to another filter); 'steady' once the increment
 * M·|W|² is negligible next to F, after which the gain stays frozen. With a state `a` (length r + 1, trailing
 * 0) it also applies a ← T a + K̄ c with the old gain in the same pass (c = v/F of the step), as the
 * likelihood loop needs; on 'lost' `a` is then updated but the caller abandons it.
 */
export function advanceGain(g: ChandrasekharStart, phi: Float64Array, r: number, a?: Float64Array, c = 0): GainStatus {
  const { kbar, wv } = g;
  const b = wv[0];
  const mb = g.M * b;
  const fNew = g.F + mb * b;
  const cb = b / fNew;
  const a0 = a === undefined ? 0 : a[0];
  let norm = 0;
  for (let i = 0; i < r; i++) {
    const phiI = phi[i];
    const k = kbar[i];
    if (a !== undefined) {
      a[i] = phiI * a0 + a[i + 1] + k * c;
    }
    const tw = phiI * b + wv[i + 1];
    const kNew = k + tw * mb;
    kbar[i] = kNew;
    const wNew = tw - kNew * cb;
    wv[i] = wNew;
    norm += wNew * wNew;
  }
  if (!(fNew >= 1 - 1e-8)) {
    return 'lost';
  }
  g.M += (mb * mb) / g.F;
  g.F = fNew;
  return Math.abs(g.M) * norm <= STEADY_TOLERANCE * g.F ? 'steady' : 'moving';
}

/**
 * Exact likelihood of a complete (no missing values) stationary ARMA series `w` with the stationary
 * initial state, by the Chandrasekhar recursions (Morf, Sidhu & Kailath 1974; Herbst 2015): with the
 * stationary start, P₂ − P₁ has rank one, so the covariance increments stay rank one and each step
 * costs O(r) instead of the O(r²) of the Riccati update. Once the increment vanishes the gain is frozen
 * (steady-state filter). Gives the same numbers as the ARMA Kalman filter of R `ARIMA_Like` (d = 0).
 */
export function armaLikelihood(sys: ArmaSystem, w: ArrayLike<number>): LikelihoodParts {
  const { r, phi } = sys;
  const n = w.length;
  const a = new Float64Array(r + 1);
  const gain = chandrasekharStart(sys);
  const kbar = gain.kbar;
  let steady = false;
  let ssq = 0;
  let sumlog = 0;
  let logF = Math.log(gain.F);
  for (let t = 0; t < n; t++) {
    const F = gain.F;
    const v = w[t] - a[0];
    ssq += (v * v) / F;
    sumlog += logF;
    const c = v / F;
    if (steady) {
      // a ← T a + K̄ v / F
      const a0 = a[0];
      for (let i = 0; i < r; i++) {
        a[i] = phi[i] * a0 + a[i + 1] + kbar[i] * c;
      }
      continue;
    }
    const status = advanceGain(gain, phi, r, a, c);
    if (status === 'lost') {
      return generalLikelihood({ arma: sys, delta: [] }, w);
    }
    steady = status === 'steady';
    logF = Math.log(gain.F);
  }
  return { ssq, sumlog, nu: n };
}

/**
 * Likelihood parts of the adjusted series `u` (regression removed, not differenced; NaN = missing) by
 * the general filter with the diffuse prior on the differencing lags, as R `ARIMA_Like`: observations
 * whose prediction variance is ≥ 1e4 (the diffuse ones) are left out of ssq, sumlog and nu.
 */
export function generalLikelihood(sys: FilterSystem, u: ArrayLike<number>): LikelihoodParts {
  const live = initialLiveState(sys);
  let ssq = 0;
  let sumlog = 0;
  let nu = 0;
  for (let t = 0; t < u.length; t++) {
    const ut = u[t];
    const pred = stepLive(sys, live, ut);
    if (!Number.isNaN(ut) && pred.F < 1e4) {
      const v = ut - pred.mean;
      ssq += (v * v) / pred.F;
      sumlog += Math.log(pred.F);
      nu++;
    }
  }
  return { ssq, sumlog, nu };
}

/** R's concentrated objective 0.5·(log(ssq/nu) + sumlog/nu) (`armafn` in `stats::arima`). */
export function concentratedObjective(parts: LikelihoodParts): number {
  if (parts.nu <= 0 || !(parts.ssq > 0)) {
    return Number.POSITIVE_INFINITY;
  }
  return 0.5 * (Math.log(parts.ssq / parts.nu) + parts.sumlog / parts.nu);
}
