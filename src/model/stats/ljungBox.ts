/**
 * Ljung–Box portmanteau test of residual autocorrelation (Ljung & Box 1978), as R
 * `Box.test(x, lag, type = "Ljung-Box", fitdf)`: Q = n(n+2) Σ_{k=1..lag} r_k²/(n−k), p = P(χ²(lag − fitdf) > Q).
 */
import { autocorrelation } from './acf';
import { chiSquareUpperTail } from './gamma';
import { dropMissing } from './fill';

/** Statistic, degrees of freedom and p-value of the test. */
export interface LjungBoxResult {
  statistic: number;
  df: number;
  pValue: number;
  lag: number;
}

/**
 * Ljung–Box test on `residuals` (missing values dropped) at `lag`, with `fitdf` parameters estimated
 * (p + q + P + Q for ARMA residuals). Returns NaN statistics when fewer than lag + 2 values remain or
 * lag ≤ fitdf.
 */
export function ljungBox(residuals: ArrayLike<number>, lag: number, fitdf = 0): LjungBoxResult {
  const x = dropMissing(residuals);
  const n = x.length;
  const df = lag - fitdf;
  if (n < lag + 2 || df <= 0) {
    return { statistic: NaN, df, pValue: NaN, lag };
  }
  const r = autocorrelation(x, lag);
  let sum = 0;
  for (let k = 1; k <= lag; k++) {
    sum += (r[k] * r[k]) / (n - k);
  }
  const statistic = n * (n + 2) * sum;
  return { statistic, df, pValue: chiSquareUpperTail(statistic, df), lag };
}

/**
 * The lag Hyndman & Athanasopoulos (FPP3 §5.4) recommend: 10 for non-seasonal data, 2m for seasonal, at most
 * n/5 — and always more than `fitdf` so the test has degrees of freedom.
 */
export function ljungBoxLag(n: number, period: number, fitdf: number): number {
  const preferred = period > 1 ? 2 * period : 10;
  return Math.max(fitdf + 1, Math.min(preferred, Math.floor(n / 5)));
}
