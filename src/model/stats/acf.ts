/**
 * Sample autocorrelation function of a complete series, as R `stats::acf(x, lag.max, demean = TRUE)`:
 * r(k) = Σ_{t} (x_t − x̄)(x_{t+k} − x̄) / Σ_t (x_t − x̄)², for k = 0..maxLag (r(0) = 1).
 *
 * Direct O(n·maxLag) sums: for the series sizes we see (≤ ~10⁴ points, lags ≤ n/2) this is a few tens of
 * milliseconds and needs no FFT. A series with zero variance returns r(k) = 0 for k ≥ 1.
 */
export function autocorrelation(x: ArrayLike<number>, maxLag: number): number[] {
  const n = x.length;
  let mean = 0;
  for (let i = 0; i < n; i++) {
    mean += x[i];
  }
  mean /= n;
  const centred = new Float64Array(n);
  let denominator = 0;
  for (let i = 0; i < n; i++) {
    centred[i] = x[i] - mean;
    denominator += centred[i] * centred[i];
  }
  const lags = Math.min(maxLag, n - 1);
  const out = [1];
  for (let k = 1; k <= lags; k++) {
    let sum = 0;
    for (let t = 0; t + k < n; t++) {
      sum += centred[t] * centred[t + k];
    }
    out.push(denominator > 0 ? sum / denominator : 0);
  }
  return out;
}
