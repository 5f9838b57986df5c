/**
 * Point and interval accuracy measures of the M4 competition (Makridakis, Spiliotis & Assimakopoulos, "The M4
 * Competition: 100,000 time series and 61 forecasting methods", Int. J. Forecasting 36, 2020): sMAPE, MASE
 * and MSIS, plus the empirical coverage of the interval. Missing actual values (NaN) are skipped.
 */

/** A forecast with one central interval. */
export interface IntervalForecast {
  mean: number[];
  lower: number[];
  upper: number[];
}

/** Accuracy of one forecast; NaN when no actual value is present. */
export interface ForecastScores {
  smape: number;
  mase: number;
  msis: number;
  /** Fraction of present actual values inside [lower, upper]. */
  coverage: number;
  /** Present actual values scored. */
  points: number;
}

/**
 * Mean absolute seasonal difference of the training data, |y_t − y_{t−m}| over the pairs where both are
 * present (the in-sample seasonal-naive error that scales MASE and MSIS); lag 1 when the data is shorter
 * than m + 2 points.
 */
export function seasonalScale(train: number[], period: number): number {
  const lag = train.length > period + 1 ? period : 1;
  let sum = 0;
  let count = 0;
  for (let t = lag; t < train.length; t++) {
    const e = Math.abs(train[t] - train[t - lag]);
    if (Number.isFinite(e)) {
      sum += e;
      count++;
    }
  }
  return count > 0 ? sum / count : NaN;
}

/**
 * Scores a forecast against `actual`: sMAPE = mean 200|y − ŷ|/(|y| + |ŷ|) (a 0/0 term counts 0), MASE = mean
 * |y − ŷ| / scale, MSIS = mean [(u − l) + (2/α)(l − y)⁺ + (2/α)(y − u)⁺] / scale with α = 1 − level.
 */
export function scoreForecast(
  forecast: IntervalForecast,
  actual: number[],
  scale: number,
  levelPct: number
): ForecastScores {
  const alpha = 1 - levelPct / 100;
  let smape = 0;
  let abs = 0;
  let interval = 0;
  let inside = 0;
  let points = 0;
  actual.forEach((y, k) => {
    if (!Number.isFinite(y)) {
      return;
    }
    const f = forecast.mean[k];
    const l = forecast.lower[k];
    const u = forecast.upper[k];
    const denominator = Math.abs(y) + Math.abs(f);
    smape += denominator > 0 ? (200 * Math.abs(y - f)) / denominator : 0;
    abs += Math.abs(y - f);
    interval += u - l + (2 / alpha) * Math.max(0, l - y) + (2 / alpha) * Math.max(0, y - u);
    inside += y >= l && y <= u ? 1 : 0;
    points++;
  });
  if (points === 0) {
    return { smape: NaN, mase: NaN, msis: NaN, coverage: NaN, points };
  }
  return {
    smape: smape / points,
    mase: abs / points / scale,
    msis: interval / points / scale,
    coverage: inside / points,
    points,
  };
}
