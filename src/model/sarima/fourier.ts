/**
 * Fourier regressors for regression with SARIMA errors (dynamic harmonic regression; Hyndman &
 * Athanasopoulos, FPP3 §10.5; R `forecast::fourier`). Regressors are a function of the step index t
 * counted from the first training observation, so filters and forecasts can generate future values.
 */

import { FourierTerm } from '../types';

/** Number of regressor columns of `terms`: two (sin, cos) per harmonic. */
export function fourierColumnCount(terms: FourierTerm[]): number {
  return terms.reduce((sum, term) => sum + 2 * term.harmonics, 0);
}

/**
 * Writes the regressors at step t into `out` in the order sin₁, cos₁, sin₂, cos₂, … per term, with
 * sinₖ = sin(2πkt/period), cosₖ = cos(2πkt/period).
 */
export function fourierRow(terms: FourierTerm[], t: number, out: Float64Array | number[], offset = 0): void {
  let col = offset;
  for (const term of terms) {
    for (let k = 1; k <= term.harmonics; k++) {
      const angle = (2 * Math.PI * k * t) / term.period;
      out[col++] = Math.sin(angle);
      out[col++] = Math.cos(angle);
    }
  }
}

/** The regression part intercept + Σ βⱼ xⱼ(t) at step t. */
export function regressionAt(terms: FourierTerm[], intercept: number, beta: ArrayLike<number>, t: number): number {
  let v = intercept;
  let col = 0;
  for (const term of terms) {
    for (let k = 1; k <= term.harmonics; k++) {
      const angle = (2 * Math.PI * k * t) / term.period;
      v += beta[col] * Math.sin(angle) + beta[col + 1] * Math.cos(angle);
      col += 2;
    }
  }
  return v;
}
