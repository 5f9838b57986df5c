/**
 * Classical additive decomposition (R `stats::decompose(type = "additive")`) and the seasonal strength of
 * Wang, Smith & Hyndman, "Characteristic-based clustering for time series data", Data Mining and Knowledge
 * Discovery 13, 2006: F_s = max(0, 1 − Var(R) / Var(S + R)).
 *
 * R's `forecast::nsdiffs` computes the strength on an STL decomposition (`mstl`); the classical moving-average
 * decomposition used here is cheaper (O(n) per period, which matters when season detection scores many
 * candidate periods) and agrees with it on regular seasonal patterns.
 */

/** Result of {@link decomposeSeasonal}. */
export interface SeasonalDecomposition {
  period: number;
  /** Seasonal index by phase (t mod period, t from the first value), summing to zero. */
  seasonalIndex: number[];
  /** Detrended values x − trend (NaN where the centred moving average is undefined, at both ends). */
  detrended: number[];
  /** Number of finite detrended values. */
  used: number;
}

/**
 * Centred moving-average trend (a 2×m MA for even m), detrended series and seasonal indices as phase means
 * of the detrended values, as R `decompose`. `x` must be complete (no NaN).
 */
export function decomposeSeasonal(x: ArrayLike<number>, period: number): SeasonalDecomposition {
  const n = x.length;
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    prefix[i + 1] = prefix[i] + x[i];
  }
  const half = Math.floor(period / 2);
  const detrended = new Array<number>(n).fill(NaN);
  const sums = new Array<number>(period).fill(0);
  const counts = new Array<number>(period).fill(0);
  let used = 0;
  for (let t = half; t < n - half; t++) {
    let trend: number;
    if (period % 2 === 1) {
      trend = (prefix[t + half + 1] - prefix[t - half]) / period;
    } else {
      // 2×m MA: the two end points get weight 1/2 so the window stays centred on t.
      const inner = prefix[t + half] - prefix[t - half + 1];
      trend = (inner + 0.5 * (x[t - half] + x[t + half])) / period;
    }
    detrended[t] = x[t] - trend;
    sums[t % period] += detrended[t];
    counts[t % period]++;
    used++;
  }
  const raw = sums.map((s, j) => (counts[j] > 0 ? s / counts[j] : 0));
  const level = raw.reduce((a, b) => a + b, 0) / period;
  return { period, seasonalIndex: raw.map((s) => s - level), detrended, used };
}

/**
 * Seasonal strength F_s of a complete series at `period` (Wang, Smith & Hyndman 2006), in [0, 1].
 *
 * With `dfCorrected` (default true) the remainder variance is divided by its residual degrees of freedom
 * (used − period) instead of (used − 1): phase means fitted to noise would otherwise make every long period,
 * and every multiple of the true period, look seasonal. Returns 0 when fewer than two full cycles of
 * detrended values exist, or when the detrended series has no variance.
 */
export function seasonalStrength(x: ArrayLike<number>, period: number, dfCorrected = true): number {
  if (period < 2 || x.length < 3 * period) {
    return 0;
  }
  const dec = decomposeSeasonal(x, period);
  let mean = 0;
  for (const v of dec.detrended) {
    mean += Number.isNaN(v) ? 0 : v;
  }
  mean /= dec.used;
  let total = 0;
  let remainderSum = 0;
  let remainderSquares = 0;
  dec.detrended.forEach((v, t) => {
    if (!Number.isNaN(v)) {
      total += (v - mean) * (v - mean);
      const r = v - dec.seasonalIndex[t % period];
      remainderSum += r;
      remainderSquares += r * r;
    }
  });
  const remainder = remainderSquares - (remainderSum * remainderSum) / dec.used;
  if (total <= 0) {
    return 0;
  }
  const remainderVariance = remainder / (dfCorrected ? dec.used - period : dec.used - 1);
  return Math.max(0, Math.min(1, 1 - remainderVariance / (total / (dec.used - 1))));
}
