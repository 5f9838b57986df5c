/**
 * Least squares over column subsets from one cross-product pass: X'X, X'y and y'y are accumulated once for
 * the widest design, then each nested model (a prefix set of columns) is solved by Cholesky in O(c³). Used to
 * choose the number of Fourier harmonics without refitting on n rows per choice.
 */

/** Cross products of a design (rows with a missing y or regressor skipped). */
export interface Gram {
  xtx: number[][];
  xty: number[];
  yty: number;
  /** Rows used. */
  n: number;
}

/**
 * Accumulates X'X, X'y, y'y for columns produced by `row(t, out)` (writes `columns` values for step t).
 */
export function buildGram(y: ArrayLike<number>, columns: number, row: (t: number, out: Float64Array) => void): Gram {
  const xtx = Array.from({ length: columns }, () => new Array<number>(columns).fill(0));
  const xty = new Array<number>(columns).fill(0);
  const x = new Float64Array(columns);
  let yty = 0;
  let n = 0;
  for (let t = 0; t < y.length; t++) {
    if (Number.isNaN(y[t])) {
      continue;
    }
    row(t, x);
    n++;
    yty += y[t] * y[t];
    for (let i = 0; i < columns; i++) {
      xty[i] += x[i] * y[t];
      for (let j = 0; j <= i; j++) {
        xtx[i][j] += x[i] * x[j];
      }
    }
  }
  for (let i = 0; i < columns; i++) {
    for (let j = i + 1; j < columns; j++) {
      xtx[i][j] = xtx[j][i];
    }
  }
  return { xtx, xty, yty, n };
}

/** Least-squares fit on a column subset. */
export interface SubsetFit {
  /** Coefficients, in the order of the requested columns. */
  beta: number[];
  rss: number;
}

/**
 * Least-squares fit on the listed columns: b = (X'X)⁻¹X'y by Cholesky, RSS = y'y − b'X'y. Returns undefined
 * when the sub-matrix is not positive definite (collinear columns).
 */
export function subsetFit(gram: Gram, columns: number[]): SubsetFit | undefined {
  const c = columns.length;
  const l = columns.map((i) => columns.map((j) => gram.xtx[i][j]));
  for (let j = 0; j < c; j++) {
    let diag = l[j][j];
    for (let k = 0; k < j; k++) {
      diag -= l[j][k] * l[j][k];
    }
    // Relative pivot floor: a column that is (nearly) a combination of earlier ones makes X'X singular.
    if (!(diag > 1e-10 * Math.max(1, gram.xtx[columns[j]][columns[j]]))) {
      return undefined;
    }
    l[j][j] = Math.sqrt(diag);
    for (let i = j + 1; i < c; i++) {
      let s = l[i][j];
      for (let k = 0; k < j; k++) {
        s -= l[i][k] * l[j][k];
      }
      l[i][j] = s / l[j][j];
    }
  }
  // Forward solve L z = X'y (then b'X'y = z'z), back solve Lᵀ b = z.
  const z = new Array<number>(c).fill(0);
  let explained = 0;
  for (let i = 0; i < c; i++) {
    let s = gram.xty[columns[i]];
    for (let k = 0; k < i; k++) {
      s -= l[i][k] * z[k];
    }
    z[i] = s / l[i][i];
    explained += z[i] * z[i];
  }
  const beta = new Array<number>(c).fill(0);
  for (let i = c - 1; i >= 0; i--) {
    let s = z[i];
    for (let k = i + 1; k < c; k++) {
      s -= l[k][i] * beta[k];
    }
    beta[i] = s / l[i][i];
  }
  return { beta, rss: Math.max(0, gram.yty - explained) };
}

/** Residual sum of squares of {@link subsetFit}; undefined for collinear columns. */
export function subsetRss(gram: Gram, columns: number[]): number | undefined {
  return subsetFit(gram, columns)?.rss;
}

/**
 * AICc of a Gaussian linear regression with `k` coefficients plus σ² (Hurvich & Tsai 1989), from its RSS:
 * −2 log L = n (log(2π RSS/n) + 1). Infinite when n ≤ k + 2.
 */
export function regressionAicc(rss: number, n: number, k: number): number {
  const params = k + 1;
  if (n - params - 1 <= 0 || rss <= 0) {
    return Infinity;
  }
  return n * (Math.log((2 * Math.PI * rss) / n) + 1) + 2 * params + (2 * params * (params + 1)) / (n - params - 1);
}
