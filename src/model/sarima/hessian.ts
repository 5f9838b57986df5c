/** Numerical Hessian and its inverse, for the standard errors of the fitted coefficients. */

import { ConvergenceError } from '../errors';

/**
 * Central-difference Hessian of f at x with steps h (R `optimHess` uses the same second differences of
 * f, here without an analytic gradient). Returns null when any evaluation is not finite.
 */
export function numericalHessian(
  f: (x: Float64Array) => number,
  x: ArrayLike<number>,
  h: ArrayLike<number>
): Float64Array | null {
  const k = x.length;
  const H = new Float64Array(k * k);
  const z = Float64Array.from(x);
  const f0 = f(z);
  if (!Number.isFinite(f0)) {
    return null;
  }
  const at = (i: number, di: number, j: number, dj: number): number => {
    z[i] += di;
    z[j] += dj;
    const v = f(z);
    z[i] = x[i];
    z[j] = x[j];
    return v;
  };
  for (let i = 0; i < k; i++) {
    const fp = at(i, h[i], i, 0);
    const fm = at(i, -h[i], i, 0);
    if (!Number.isFinite(fp) || !Number.isFinite(fm)) {
      return null;
    }
    H[i * k + i] = (fp - 2 * f0 + fm) / (h[i] * h[i]);
    for (let j = 0; j < i; j++) {
      const fpp = at(i, h[i], j, h[j]);
      const fpm = at(i, h[i], j, -h[j]);
      const fmp = at(i, -h[i], j, h[j]);
      const fmm = at(i, -h[i], j, -h[j]);
      if (![fpp, fpm, fmp, fmm].every(Number.isFinite)) {
        return null;
      }
      const v = (fpp - fpm - fmp + fmm) / (4 * h[i] * h[j]);
      H[i * k + j] = v;
      H[j * k + i] = v;
    }
  }
  return H;
}

/**
 * Lower Cholesky factor L (A = LLᵀ) of a symmetric k×k matrix, row-major; null when a pivot is ≤ 1e-12 times the
 * largest diagonal entry (not numerically positive definite). Golub & Van Loan, Matrix Computations, alg. 4.2.1.
 */
export function choleskyLower(A: Float64Array, k: number): Float64Array | null {
  const L = new Float64Array(k * k);
  let maxDiag = 0;
  for (let i = 0; i < k; i++) {
    maxDiag = Math.max(maxDiag, Math.abs(A[i * k + i]));
  }
  for (let j = 0; j < k; j++) {
    let s = A[j * k + j];
    for (let m = 0; m < j; m++) {
      s -= L[j * k + m] * L[j * k + m];
    }
    if (!(s > 1e-12 * maxDiag)) {
      return null;
    }
    const ljj = Math.sqrt(s);
    L[j * k + j] = ljj;
    for (let i = j + 1; i < k; i++) {
      let v = A[i * k + j];
      for (let m = 0; m < j; m++) {
        v -= L[i * k + m] * L[j * k + m];
      }
      L[i * k + j] = v / ljj;
    }
  }
  return L;
}

/** Solves L z = b for a lower-triangular k×k L (row-major) by forward substitution. */
export function forwardSubstitute(L: Float64Array, k: number, b: ArrayLike<number>): Float64Array {
  const z = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let v = b[i];
    for (let m = 0; m < i; m++) {
      v -= L[i * k + m] * z[m];
    }
    z[i] = v / L[i * k + i];
  }
  return z;
}

/**
 * Inverse of a symmetric matrix by Cholesky factorisation; null when it is not positive definite (a
 * pivot ≤ 1e-12 times the largest diagonal entry), i.e. the optimum is not a strict local minimum.
 */
export function invertPositiveDefinite(A: Float64Array, k: number): Float64Array | null {
  const L = choleskyLower(A, k);
  if (!L) {
    return null;
  }
  // inv(A) = inv(L)ᵀ inv(L)
  const Linv = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    Linv[i * k + i] = 1 / L[i * k + i];
    for (let j = 0; j < i; j++) {
      let v = 0;
      for (let m = j; m < i; m++) {
        v -= L[i * k + m] * Linv[m * k + j];
      }
      Linv[i * k + j] = v / L[i * k + i];
    }
  }
  const inv = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let v = 0;
      for (let m = i; m < k; m++) {
        v += Linv[m * k + i] * Linv[m * k + j];
      }
      inv[i * k + j] = v;
      inv[j * k + i] = v;
    }
  }
  return inv;
}

/**
 * Covariance matrix (row-major k×k) of the estimates: the inverse of the numerically differentiated
 * Hessian of the negative log-likelihood `negLoglik` at `params`. Tries steps 1e-4 and 1e-5 times each
 * parameter's scale and inverts S·H·S (S = diag(scale)) so that the definiteness test does not depend on
 * the data's units. Returns a description of the failure ('not finite', 'not positive definite') instead
 * when neither step works.
 */
export function covarianceFromHessian(
  params: Float64Array,
  scale: ArrayLike<number>,
  negLoglik: (x: Float64Array) => number
): Float64Array | string {
  const k = params.length;
  let detail = 'not finite';
  for (const step of [1e-4, 1e-5]) {
    const h = Array.from(scale, (s) => step * s);
    const H = numericalHessian(negLoglik, params, h);
    if (H === null) {
      continue;
    }
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) {
        H[i * k + j] *= scale[i] * scale[j];
      }
    }
    const inv = invertPositiveDefinite(H, k);
    if (inv === null) {
      detail = 'not positive definite';
      continue;
    }
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) {
        inv[i * k + j] *= scale[i] * scale[j];
      }
    }
    if (inv.every(Number.isFinite)) {
      return inv;
    }
  }
  return detail;
}

/**
 * Standard errors (square roots of the diagonal of {@link covarianceFromHessian}); throws
 * {@link ConvergenceError} naming `label` when the Hessian is not finite or not positive definite — the
 * point is then not a strict local optimum, and the documented behaviour is to fail rather than report
 * undefined standard errors.
 */
export function standardErrors(
  params: Float64Array,
  scale: ArrayLike<number>,
  negLoglik: (x: Float64Array) => number,
  label: string
): Float64Array {
  const k = params.length;
  const cov = covarianceFromHessian(params, scale, negLoglik);
  if (typeof cov === 'string') {
    throw new ConvergenceError(
      `${label}: Hessian of the log-likelihood at the optimum is ${cov}, so the fit is not a strict local ` +
        `maximum and has no standard errors`
    );
  }
  return Float64Array.from({ length: k }, (_, i) => Math.sqrt(cov[i * k + i]));
}
