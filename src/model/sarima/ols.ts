/** Ordinary least squares for the starting values of the regression coefficients. */

import { crossProducts } from './gls';
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
  const [yc, ...Xc] = completeRows(y, X);
  const rows = yc.length;
  const G = crossProducts([yc, ...Xc], 0, rows);
  const xtx = new Float64Array(k * k);
  const xty = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    xty[i] = G[(i + 1) * (k + 1)];
    for (let j = 0; j <= i; j++) {
      xtx[i * k + j] = G[(i + 1) * (k + 1) + j + 1];
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
  const resid = Float64Array.from(yc);
  for (let i = 0; i < k; i++) {
    const col = Xc[i];
    for (let t = 0; t < rows; t++) {
      resid[t] -= beta[i] * col[t];
    }
  }
  let rss = 0;
  for (let t = 0; t < rows; t++) {
    rss += resid[t] * resid[t];
  }
  const s2 = rss / (rows - k);
  const se = beta.map((_, i) => Math.sqrt(Math.max(0, s2 * inv[i * k + i])));
  return { beta, se, rss, rows };
}

/** y and the columns of X at the rows where none is missing, as compact arrays (no copy when all are present). */
function completeRows(y: ArrayLike<number>, X: Array<ArrayLike<number>>): Float64Array[] {
  const n = y.length;
  const keep: number[] = [];
  for (let t = 0; t < n; t++) {
    if (!Number.isNaN(y[t]) && X.every((col) => !Number.isNaN(col[t]))) {
      keep.push(t);
    }
  }
  return [y, ...X].map((col) =>
    keep.length === n && col instanceof Float64Array ? col : Float64Array.from(keep, (t) => col[t])
  );
}
