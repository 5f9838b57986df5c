/** Ordinary least squares for the starting values of the regression coefficients. */

import { invertPositiveDefinite } from './hessian';

/** OLS fit: coefficients, their standard errors and the residual sum of squares. */
export interface OlsFit {
  beta: number[];
  se: number[];
  rss: number;
  rows: number;
}

/**
 * Regresses y on the columns X (no implicit intercept) over rows where nothing is missing, as R
 * `lm(dx ~ dxreg - 1, na.action = na.omit)` in `stats::arima`. Returns null when X'X is singular.
 */
export function ols(y: ArrayLike<number>, X: Array<ArrayLike<number>>): OlsFit | null {
  const k = X.length;
  const n = y.length;
  const xtx = new Float64Array(k * k);
  const xty = new Float64Array(k);
  let rows = 0;
  for (let t = 0; t < n; t++) {
    const yt = y[t];
    if (Number.isNaN(yt) || X.some((col) => Number.isNaN(col[t]))) {
      continue;
    }
    rows++;
    for (let i = 0; i < k; i++) {
      const xi = X[i][t];
      xty[i] += xi * yt;
      for (let j = 0; j <= i; j++) {
        xtx[i * k + j] += xi * X[j][t];
      }
    }
  }
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < i; j++) {
      xtx[j * k + i] = xtx[i * k + j];
    }
  }
  const inv = invertPositiveDefinite(xtx, k);
  if (inv === null || rows <= k) {
    return null;
  }
  const beta = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      beta[i] += inv[i * k + j] * xty[j];
    }
  }
  let rss = 0;
  for (let t = 0; t < n; t++) {
    if (Number.isNaN(y[t]) || X.some((col) => Number.isNaN(col[t]))) {
      continue;
    }
    let e = y[t];
    for (let i = 0; i < k; i++) {
      e -= beta[i] * X[i][t];
    }
    rss += e * e;
  }
  const s2 = rss / (rows - k);
  const se = beta.map((_, i) => Math.sqrt(Math.max(0, s2 * inv[i * k + i])));
  return { beta, se, rss, rows };
}
