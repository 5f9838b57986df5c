/**
 * Parameter transforms that keep AR polynomials stationary during optimisation, and the MA root flip
 * that makes a fitted MA polynomial invertible.
 *
 * The AR transform maps unconstrained reals to partial autocorrelations in (−1, 1) with tanh and then to
 * AR coefficients with the Durbin–Levinson recursion (Jones 1980, "Maximum likelihood fitting of ARMA
 * models to time series with missing observations"; Monahan 1984), as R's `partrans` in `arima.c`.
 */

import { polynomialRoots, Complex } from './roots';

/** Partial autocorrelations (each in (−1, 1)) to AR coefficients via the Durbin–Levinson recursion. */
export function pacfToAr(pacf: ArrayLike<number>): number[] {
  const p = pacf.length;
  const phi = new Array<number>(p).fill(0);
  const work = new Array<number>(p).fill(0);
  for (let j = 0; j < p; j++) {
    const a = pacf[j];
    for (let k = 0; k < j; k++) {
      work[k] = phi[k] - a * phi[j - k - 1];
    }
    for (let k = 0; k < j; k++) {
      phi[k] = work[k];
    }
    phi[j] = a;
  }
  return phi;
}

/**
 * AR coefficients to partial autocorrelations (the Durbin–Levinson recursion run backwards). Returns
 * null when the polynomial is not stationary (some |pacf| ≥ 1), which is the Schur–Cohn test.
 */
export function arToPacf(phi: ArrayLike<number>): number[] | null {
  const p = phi.length;
  const cur = Array.from(phi);
  const pacf = new Array<number>(p).fill(0);
  for (let j = p - 1; j >= 0; j--) {
    const a = cur[j];
    if (!(Math.abs(a) < 1)) {
      return null;
    }
    pacf[j] = a;
    const denom = 1 - a * a;
    const next = new Array<number>(j);
    for (let k = 0; k < j; k++) {
      next[k] = (cur[k] + a * cur[j - k - 1]) / denom;
    }
    for (let k = 0; k < j; k++) {
      cur[k] = next[k];
    }
  }
  return pacf;
}

/** Unconstrained reals to stationary AR coefficients: tanh then Durbin–Levinson (R `partrans`). */
export function transformAr(raw: ArrayLike<number>): number[] {
  return pacfToAr(Array.from(raw, Math.tanh));
}

/** Inverse of {@link transformAr} (R `invpartrans`); null when `phi` is not stationary. */
export function untransformAr(phi: ArrayLike<number>): number[] | null {
  const pacf = arToPacf(phi);
  return pacf === null ? null : pacf.map(Math.atanh);
}

/** True when 1 − Σ φₖzᵏ has all roots outside the unit circle (R `arCheck`). */
export function isStationary(phi: ArrayLike<number>): boolean {
  return arToPacf(phi) !== null;
}

/**
 * Makes an MA polynomial 1 + Σ θₖzᵏ invertible by replacing each root inside the unit circle with its
 * reciprocal (R `maInvert` in `stats::arima`). The exact Gaussian likelihood is unchanged up to σ², so
 * this picks the invertible member of an observationally equivalent pair.
 */
export function invertMa(theta: ArrayLike<number>): number[] {
  const q = theta.length;
  let q0 = q;
  while (q0 > 0 && theta[q0 - 1] === 0) {
    q0--;
  }
  if (q0 === 0) {
    return Array.from(theta);
  }
  const roots = polynomialRoots([1, ...Array.from(theta).slice(0, q0)]);
  if (roots.every((z) => Math.hypot(z.re, z.im) >= 1)) {
    return Array.from(theta);
  }
  if (q0 === 1) {
    const out = new Array<number>(q).fill(0);
    out[0] = 1 / theta[0];
    return out;
  }
  const flipped: Complex[] = roots.map((z) => {
    const m2 = z.re * z.re + z.im * z.im;
    return m2 < 1 ? { re: z.re / m2, im: -z.im / m2 } : z;
  });
  return maFromRoots(flipped, q);
}

/**
 * Moves the roots of the MA polynomial 1 + Σ θₖzᵏ that lie within `tolerance` of the unit circle radially to
 * modulus `modulus`, or null when none lies there. The start of a second ML search away from the stationary
 * point the exact likelihood has on the unit circle (see `escapeMaUnitRoot`).
 */
export function moveUnitMaRoots(theta: ArrayLike<number>, modulus: number, tolerance: number): number[] | null {
  let q0 = theta.length;
  while (q0 > 0 && theta[q0 - 1] === 0) {
    q0--;
  }
  if (q0 === 0) {
    return null;
  }
  const roots = polynomialRoots([1, ...Array.from(theta).slice(0, q0)]);
  const onCircle = (z: Complex): boolean => Math.abs(Math.hypot(z.re, z.im) - 1) < tolerance;
  if (!roots.some(onCircle)) {
    return null;
  }
  const moved = roots.map((z) => {
    const scale = modulus / Math.hypot(z.re, z.im);
    return onCircle(z) ? { re: z.re * scale, im: z.im * scale } : z;
  });
  return maFromRoots(moved, theta.length);
}

/** The coefficients θ₁…θ_q of Π(1 − z/rᵢ) (constant term 1), padded with zeros to length q. */
function maFromRoots(roots: Complex[], q: number): number[] {
  let re = [1];
  let im = [0];
  for (const r of roots) {
    const m2 = r.re * r.re + r.im * r.im;
    const invRe = r.re / m2;
    const invIm = -r.im / m2;
    const nextRe = new Array<number>(re.length + 1).fill(0);
    const nextIm = new Array<number>(re.length + 1).fill(0);
    for (let k = 0; k < re.length; k++) {
      nextRe[k] += re[k];
      nextIm[k] += im[k];
      nextRe[k + 1] -= re[k] * invRe - im[k] * invIm;
      nextIm[k + 1] -= re[k] * invIm + im[k] * invRe;
    }
    re = nextRe;
    im = nextIm;
  }
  const out = new Array<number>(q).fill(0);
  for (let k = 1; k < re.length; k++) {
    out[k - 1] = re[k];
  }
  return out;
}
