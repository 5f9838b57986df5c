/**
 * Lag-polynomial helpers: multiplying the non-seasonal and seasonal factors of a SARIMA model into the
 * single AR, MA and differencing polynomials that the filters use.
 */

/**
 * Expands (1 − Σ φᵢBⁱ)(1 − Σ Φⱼ B^{jm}) into 1 − Σ cₖBᵏ and returns c (c[k−1] is the lag-k coefficient).
 * With `sign = +1` it expands the MA product (1 + Σ θᵢBⁱ)(1 + Σ Θⱼ B^{jm}) into 1 + Σ cₖBᵏ instead.
 * Matches the expansion in R's `ARIMA_transPars` (src/library/stats/src/arima.c).
 */
export function expandSeasonal(
  nonSeasonal: ArrayLike<number>,
  seasonal: ArrayLike<number>,
  period: number,
  sign: 1 | -1
): number[] {
  const length = seasonal.length > 0 ? nonSeasonal.length + seasonal.length * period : nonSeasonal.length;
  const out = new Float64Array(length);
  expandSeasonalInto(out, nonSeasonal, seasonal, period, sign);
  return Array.from(out);
}

/**
 * {@link expandSeasonal} into `out` (length ≥ p + m·P when P > 0, else ≥ p; entries beyond are zeroed), for
 * objectives evaluated thousands of times per fit. Returns the expanded length.
 */
export function expandSeasonalInto(
  out: Float64Array,
  nonSeasonal: ArrayLike<number>,
  seasonal: ArrayLike<number>,
  period: number,
  sign: 1 | -1
): number {
  const p = nonSeasonal.length;
  const sp = seasonal.length;
  out.fill(0);
  for (let i = 0; i < p; i++) {
    out[i] = nonSeasonal[i];
  }
  for (let j = 0; j < sp; j++) {
    const lag = (j + 1) * period;
    out[lag - 1] += seasonal[j];
    // Cross terms: (−φᵢ)(−Φⱼ) enters 1 − Σ c as −c, so c gets −φᵢΦⱼ; for MA θᵢΘⱼ enters directly.
    for (let i = 0; i < p; i++) {
      out[lag + i] += sign * nonSeasonal[i] * seasonal[j];
    }
  }
  return sp > 0 ? p + sp * period : p;
}

/**
 * Coefficients δ of the differencing operator (1 − B)^d (1 − B^m)^D written as yₜ = Σ δₖ yₜ₋ₖ + wₜ,
 * i.e. R's `Delta` in `stats::arima` (the negated tail of the expanded polynomial). Length d + m·D.
 */
export function differencingCoefficients(d: number, seasonalD: number, period: number): number[] {
  let poly = [1];
  const multiply = (factor: number[]): void => {
    const next = new Array<number>(poly.length + factor.length - 1).fill(0);
    for (let i = 0; i < poly.length; i++) {
      for (let j = 0; j < factor.length; j++) {
        next[i + j] += poly[i] * factor[j];
      }
    }
    poly = next;
  };
  for (let i = 0; i < d; i++) {
    multiply([1, -1]);
  }
  const seasonalFactor = new Array<number>(period + 1).fill(0);
  seasonalFactor[0] = 1;
  seasonalFactor[period] = -1;
  for (let i = 0; i < seasonalD; i++) {
    multiply(seasonalFactor);
  }
  return poly.slice(1).map((c) => (c === 0 ? 0 : -c));
}

/**
 * Applies the differencing operator to `y`: w[t] = y[t] − Σ δₖ y[t−k] for t ≥ δ.length. Returns the
 * differenced series of length y.length − δ.length (NaN propagates, as in R `diff`).
 */
export function applyDifferencing(y: ArrayLike<number>, delta: number[]): Float64Array {
  const nd = delta.length;
  const n = Math.max(0, y.length - nd);
  const w = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    let v = y[t + nd];
    for (let k = 0; k < nd; k++) {
      if (delta[k] !== 0) {
        v -= delta[k] * y[t + nd - k - 1];
      }
    }
    w[t] = v;
  }
  return w;
}
