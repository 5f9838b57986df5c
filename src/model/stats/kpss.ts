/**
 * KPSS test of level stationarity (Kwiatkowski, Phillips, Schmidt & Shin, "Testing the null hypothesis of
 * stationarity against the alternative of a unit root", J. Econometrics 54, 1992) and the number of
 * differences it asks for, as R `forecast::ndiffs(x, alpha = 0.05, test = "kpss", type = "level")`.
 */
import { difference, dropMissing, isConstant } from './fill';

/** Critical values of the level statistic (KPSS 1992, Table 1) at the significance levels below. */
const CRITICAL_VALUES = [0.347, 0.463, 0.574, 0.739];
const SIGNIFICANCE = [0.1, 0.05, 0.025, 0.01];

/** Result of {@link kpssTest}. */
export interface KpssResult {
  statistic: number;
  /** Truncation lag of the Bartlett-weighted long-run variance. */
  lags: number;
  /** p-value interpolated in the critical-value table and clamped to [0.01, 0.10], as urca's table. */
  pValue: number;
}

/**
 * KPSS level-stationarity statistic η = Σ S_t² / (n² · s²(l)) with S_t the partial sums of x − x̄ and s²(l)
 * the Newey–West long-run variance with Bartlett weights 1 − s/(l+1), as R `urca::ur.kpss(type = "mu")`.
 *
 * @param x complete series (no NaN), at least 2 values
 * @param lags truncation lag; default trunc(3·√n/13), the choice `forecast::ndiffs` passes to ur.kpss
 */
export function kpssTest(x: ArrayLike<number>, lags = Math.trunc((3 * Math.sqrt(x.length)) / 13)): KpssResult {
  const n = x.length;
  let mean = 0;
  for (let i = 0; i < n; i++) {
    mean += x[i];
  }
  mean /= n;
  const e = Array.from({ length: n }, (_, i) => x[i] - mean);
  let partial = 0;
  let sumSquaredPartials = 0;
  let longRun = 0;
  for (let i = 0; i < n; i++) {
    partial += e[i];
    sumSquaredPartials += partial * partial;
    longRun += e[i] * e[i];
  }
  for (let s = 1; s <= lags; s++) {
    let cross = 0;
    for (let t = s; t < n; t++) {
      cross += e[t] * e[t - s];
    }
    longRun += 2 * (1 - s / (lags + 1)) * cross;
  }
  longRun /= n;
  const statistic = sumSquaredPartials / (n * n * longRun);
  return { statistic, lags, pValue: interpolatePValue(statistic) };
}

function interpolatePValue(statistic: number): number {
  if (statistic <= CRITICAL_VALUES[0]) {
    return SIGNIFICANCE[0];
  }
  for (let i = 1; i < CRITICAL_VALUES.length; i++) {
    if (statistic <= CRITICAL_VALUES[i]) {
      const w = (statistic - CRITICAL_VALUES[i - 1]) / (CRITICAL_VALUES[i] - CRITICAL_VALUES[i - 1]);
      return SIGNIFICANCE[i - 1] + w * (SIGNIFICANCE[i] - SIGNIFICANCE[i - 1]);
    }
  }
  return SIGNIFICANCE[SIGNIFICANCE.length - 1];
}

/** Options of {@link ndiffs}. */
export interface NdiffsOptions {
  /** Test level, clamped to [0.01, 0.10] as R does. Default 0.05. */
  alpha?: number;
  /** Maximum number of differences. Default 2. */
  maxD?: number;
}

/**
 * Number of first differences d needed for KPSS not to reject level stationarity: difference while the
 * p-value is below alpha, up to maxD; stop early when the differenced series is constant. Missing values
 * are dropped first. Matches R `forecast::ndiffs` (8.x) with test = "kpss".
 */
export function ndiffs(values: ArrayLike<number>, options: NdiffsOptions = {}): number {
  const alpha = Math.min(0.1, Math.max(0.01, options.alpha ?? 0.05));
  const maxD = options.maxD ?? 2;
  let x = dropMissing(values);
  if (x.length < 2 || isConstant(x)) {
    return 0;
  }
  let d = 0;
  let reject = kpssTest(x).pValue < alpha;
  while (reject && d < maxD) {
    d++;
    x = difference(x);
    if (x.length < 2 || isConstant(x)) {
      return d;
    }
    reject = kpssTest(x).pValue < alpha;
  }
  return d;
}
