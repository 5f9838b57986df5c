/** Complex roots of real polynomials, for the MA invertibility flip. */

/** A complex number as plain data. */
export interface Complex {
  re: number;
  im: number;
}

/**
 * All complex roots of c₀ + c₁z + … + cₙzⁿ (cₙ ≠ 0) by the Aberth–Ehrlich simultaneous iteration
 * (Aberth 1973), the method behind many `polyroot` replacements. Degrees here are small (MA orders).
 * Over 60 lines because the complex arithmetic is written out inline.
 */
// eslint-disable-next-line max-lines-per-function -- companion-matrix QR iteration in one routine, as in the reference algorithm
export function polynomialRoots(coefficients: number[]): Complex[] {
  let n = coefficients.length - 1;
  while (n > 0 && coefficients[n] === 0) {
    n--;
  }
  if (n <= 0) {
    return [];
  }
  const c = coefficients.slice(0, n + 1).map((v) => v / coefficients[n]);
  // Start on a circle of the Cauchy-bound radius, rotated off the real axis to break symmetry.
  let radius = 0;
  for (let k = 0; k < n; k++) {
    radius = Math.max(radius, Math.abs(c[k]));
  }
  radius = 1 + radius;
  const zr = new Float64Array(n);
  const zi = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const angle = (2 * Math.PI * k) / n + 0.4;
    zr[k] = 0.5 * radius * Math.cos(angle);
    zi[k] = 0.5 * radius * Math.sin(angle);
  }
  for (let iter = 0; iter < 500; iter++) {
    let maxStep = 0;
    for (let k = 0; k < n; k++) {
      // Horner for p and p'.
      let pr = 1;
      let pi = 0;
      let dr = 0;
      let di = 0;
      for (let j = n - 1; j >= 0; j--) {
        const ndr = dr * zr[k] - di * zi[k] + pr;
        const ndi = dr * zi[k] + di * zr[k] + pi;
        dr = ndr;
        di = ndi;
        const npr = pr * zr[k] - pi * zi[k] + c[j];
        const npi = pr * zi[k] + pi * zr[k];
        pr = npr;
        pi = npi;
      }
      // ratio = p/p'
      const dd = dr * dr + di * di;
      if (dd === 0) {
        continue;
      }
      const rr = (pr * dr + pi * di) / dd;
      const ri = (pi * dr - pr * di) / dd;
      // sum of 1/(z_k − z_j)
      let sr = 0;
      let si = 0;
      for (let j = 0; j < n; j++) {
        if (j !== k) {
          const ar = zr[k] - zr[j];
          const ai = zi[k] - zi[j];
          const m = ar * ar + ai * ai;
          sr += ar / m;
          si += -ai / m;
        }
      }
      // w = ratio / (1 − ratio·s)
      const denr = 1 - (rr * sr - ri * si);
      const deni = -(rr * si + ri * sr);
      const dm = denr * denr + deni * deni;
      const wr = (rr * denr + ri * deni) / dm;
      const wi = (ri * denr - rr * deni) / dm;
      zr[k] -= wr;
      zi[k] -= wi;
      maxStep = Math.max(maxStep, Math.hypot(wr, wi) / Math.max(1, Math.hypot(zr[k], zi[k])));
    }
    if (maxStep < 1e-15) {
      break;
    }
  }
  const out: Complex[] = [];
  for (let k = 0; k < n; k++) {
    out.push({ re: zr[k], im: zi[k] });
  }
  return out;
}
