/**
 * The state-space form of an ARMA process used by every filter here (Harvey 1989, "Forecasting,
 * Structural Time Series Models and the Kalman Filter", §3.3; the form R `makeARIMA` builds):
 *
 *   xₜ = Z αₜ,  αₜ₊₁ = T αₜ + R εₜ₊₁,  Z = (1, 0, …, 0),  R = (1, θ₁, …, θ_{r−1})ᵀ,
 *
 * where T has φ in its first column and ones on its superdiagonal, r = max(p′, q′ + 1) with p′, q′ the
 * orders of the expanded (seasonal × non-seasonal) polynomials, and the innovation variance is 1 (σ² is
 * concentrated out of the likelihood, as in R `stats::arima`).
 */

import { ConvergenceError } from '../errors';

/** Expanded ARMA polynomials of one model, padded to the state dimension. */
export interface ArmaSystem {
  /** State dimension r. */
  r: number;
  /** φ₁…φ_r (zeros beyond p′). */
  phi: Float64Array;
  /** θ₀ = 1, θ₁…θ_{r−1} (zeros beyond q′): the R vector of the state equation. */
  rVec: Float64Array;
  /** Indices k (0-based, lag k+1) with φ nonzero, for sparse loops. */
  phiNonzero: Int32Array;
  /** Indices k with rVec[k] nonzero. */
  rNonzero: Int32Array;
}

/** Builds the ARMA system from expanded AR and MA coefficients (R `makeARIMA` without Delta). */
export function armaSystem(phi: ArrayLike<number>, theta: ArrayLike<number>): ArmaSystem {
  let pEff = phi.length;
  while (pEff > 0 && phi[pEff - 1] === 0) {
    pEff--;
  }
  let qEff = theta.length;
  while (qEff > 0 && theta[qEff - 1] === 0) {
    qEff--;
  }
  const r = Math.max(pEff, qEff + 1);
  const phiPad = new Float64Array(r);
  const rVec = new Float64Array(r);
  rVec[0] = 1;
  for (let k = 0; k < pEff; k++) {
    phiPad[k] = phi[k];
  }
  for (let k = 0; k < qEff; k++) {
    rVec[k + 1] = theta[k];
  }
  return { r, phi: phiPad, rVec, phiNonzero: nonzeroIndices(phiPad), rNonzero: nonzeroIndices(rVec) };
}

/** Indices of the nonzero entries of v, ascending (called once per objective evaluation: no temporaries). */
function nonzeroIndices(v: Float64Array): Int32Array {
  let count = 0;
  for (let k = 0; k < v.length; k++) {
    if (v[k] !== 0) {
      count++;
    }
  }
  const out = new Int32Array(count);
  let at = 0;
  for (let k = 0; k < v.length; k++) {
    if (v[k] !== 0) {
      out[at++] = k;
    }
  }
  return out;
}

/**
 * ψ-weights ψ₀…ψ_{count−1} of the MA(∞) representation xₜ = Σ ψⱼ εₜ₋ⱼ (Box & Jenkins §3.4; R `ARMAtoMA`
 * with ψ₀ = 1 prepended).
 */
export function psiWeights(sys: ArmaSystem, count: number): Float64Array {
  const psi = new Float64Array(count);
  for (let j = 0; j < count; j++) {
    let v = j < sys.r ? sys.rVec[j] : 0;
    for (let idx = 0; idx < sys.phiNonzero.length; idx++) {
      const k = sys.phiNonzero[idx];
      if (k + 1 > j) {
        break;
      }
      v += sys.phi[k] * psi[j - k - 1];
    }
    psi[j] = v;
  }
  return psi;
}

/**
 * Autocovariances γ(0)…γ(maxLag) of the unit-innovation ARMA process, by solving the first p′+1
 * Yule–Walker-type equations and recursing beyond (Brockwell & Davis 1991, §3.3, "third method").
 * Throws {@link ConvergenceError} when the system is singular (AR on the unit circle).
 */
export function autocovariances(sys: ArmaSystem, psi: Float64Array, maxLag: number): Float64Array {
  const r = sys.r;
  let p = r;
  while (p > 0 && sys.phi[p - 1] === 0) {
    p--;
  }
  // c[k] = Σ_{j≥k} θⱼ ψ_{j−k}, the right-hand side of γ(k) − Σ φᵢ γ(k−i) = c[k].
  const c = new Float64Array(Math.max(maxLag, p) + 1);
  for (let k = 0; k < c.length && k < r; k++) {
    let v = 0;
    for (let j = k; j < r; j++) {
      v += sys.rVec[j] * psi[j - k];
    }
    c[k] = v;
  }
  const gamma = new Float64Array(Math.max(maxLag, p) + 1);
  if (p === 0) {
    gamma.set(c.subarray(0, gamma.length));
  } else {
    solveYuleWalker(sys.phi, sys.phiNonzero, p, c, gamma);
    for (let k = p + 1; k < gamma.length; k++) {
      let v = c[k];
      for (let idx = 0; idx < sys.phiNonzero.length; idx++) {
        const i = sys.phiNonzero[idx];
        v += sys.phi[i] * gamma[k - i - 1];
      }
      gamma[k] = v;
    }
  }
  return gamma.subarray(0, maxLag + 1);
}

function solveYuleWalker(
  phi: Float64Array,
  phiNonzero: Int32Array,
  p: number,
  c: Float64Array,
  out: Float64Array
): void {
  const n = p + 1;
  const a = new Float64Array(n * n);
  const b = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    a[k * n + k] += 1;
    for (let idx = 0; idx < phiNonzero.length; idx++) {
      const i = phiNonzero[idx] + 1;
      a[k * n + Math.abs(k - i)] -= phi[i - 1];
    }
    b[k] = c[k];
  }
  // Gaussian elimination with partial pivoting.
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let row = col + 1; row < n; row++) {
      if (Math.abs(a[row * n + col]) > Math.abs(a[piv * n + col])) {
        piv = row;
      }
    }
    const pivVal = a[piv * n + col];
    if (!(Math.abs(pivVal) > 1e-300)) {
      throw new ConvergenceError(`autocovariance system is singular (AR polynomial of order ${p} on the unit circle)`);
    }
    if (piv !== col) {
      for (let k = col; k < n; k++) {
        const tmp = a[col * n + k];
        a[col * n + k] = a[piv * n + k];
        a[piv * n + k] = tmp;
      }
      const tb = b[col];
      b[col] = b[piv];
      b[piv] = tb;
    }
    for (let row = col + 1; row < n; row++) {
      const f = a[row * n + col] / pivVal;
      if (f !== 0) {
        for (let k = col; k < n; k++) {
          a[row * n + k] -= f * a[col * n + k];
        }
        b[row] -= f * b[col];
      }
    }
  }
  for (let row = n - 1; row >= 0; row--) {
    let v = b[row];
    for (let k = row + 1; k < n; k++) {
      v -= a[row * n + k] * out[k];
    }
    out[row] = v / a[row * n + row];
  }
}

/**
 * First row s of the stationary state covariance Σ (Σ = TΣTᵀ + RRᵀ): s[l] = Cov(xₜ, α_{l,t}) from the
 * autocovariances and ψ-weights, using α_{l,t} = Σⱼ φ_{l+j} xₜ₋₁₋ⱼ + θ_{l+j−1} εₜ₋ⱼ. O(r·nonzeros).
 */
export function stationaryFirstRow(sys: ArmaSystem): Float64Array {
  const r = sys.r;
  const psi = psiWeights(sys, r + 1);
  const gamma = autocovariances(sys, psi, r + 1);
  const s = new Float64Array(r);
  for (let l = 0; l < r; l++) {
    let v = 0;
    for (let idx = 0; idx < sys.phiNonzero.length; idx++) {
      const k = sys.phiNonzero[idx];
      if (k >= l) {
        v += sys.phi[k] * gamma[k - l + 1];
      }
    }
    for (let idx = 0; idx < sys.rNonzero.length; idx++) {
      const k = sys.rNonzero[idx];
      if (k >= l) {
        v += sys.rVec[k] * psi[k - l];
      }
    }
    s[l] = v;
  }
  return s;
}

/**
 * Full stationary covariance Σ (row-major r×r) of the state, from its first row and the elementwise form
 * of Σ = TΣTᵀ + RRᵀ: Σᵢₗ = Σᵢ₊₁,ₗ₊₁ + φᵢφₗΣ₀₀ + φᵢΣ₀,ₗ₊₁ + φₗΣ₀,ᵢ₊₁ + RᵢRₗ, filled from the bottom-right.
 * O(r²), so it stays usable for seasonal periods in the hundreds (R's Gardner 1980 `getQ0` is O(r⁴)).
 */
export function stationaryCovariance(sys: ArmaSystem): Float64Array {
  const r = sys.r;
  const s = stationaryFirstRow(sys);
  const sigma = new Float64Array(r * r);
  const s0 = s[0];
  for (let i = r - 1; i >= 0; i--) {
    for (let l = r - 1; l >= i; l--) {
      const next = i + 1 < r && l + 1 < r ? sigma[(i + 1) * r + l + 1] : 0;
      const si1 = i + 1 < r ? s[i + 1] : 0;
      const sl1 = l + 1 < r ? s[l + 1] : 0;
      const v = next + sys.phi[i] * sys.phi[l] * s0 + sys.phi[i] * sl1 + sys.phi[l] * si1 + sys.rVec[i] * sys.rVec[l];
      sigma[i * r + l] = v;
      sigma[l * r + i] = v;
    }
  }
  return sigma;
}
