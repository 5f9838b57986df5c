/**
 * Shared types of the numerical core. Plain data only (no classes, no Date), so every value here crosses
 * `postMessage` and HTTP unchanged.
 *
 * Notation follows Box, Jenkins, Reinsel & Ljung, "Time Series Analysis" (5th ed.), and the argument
 * names of R `stats::arima`: SARIMA(p,d,q)(P,D,Q)[m].
 */

/** Non-seasonal ARIMA order (p, d, q), as R `arima(order = c(p, d, q))`. */
export interface ArimaOrder {
  p: number;
  d: number;
  q: number;
}

/** Seasonal order (P, D, Q) with period m in steps, as R `arima(seasonal = list(order, period))`. */
export interface SeasonalOrder {
  P: number;
  D: number;
  Q: number;
  /** Season length in steps (m). 1 or 0 means no seasonal part. */
  period: number;
}

/**
 * Fourier regressors sin(2πkt/period), cos(2πkt/period) for k = 1..harmonics, with t the step index from
 * the first training observation. Used for long or multiple seasons (dynamic harmonic regression,
 * Hyndman & Athanasopoulos, FPP3 §10.5; R `forecast::fourier`).
 */
export interface FourierTerm {
  period: number;
  harmonics: number;
}

/** Full model specification. */
export interface SarimaSpec {
  order: ArimaOrder;
  seasonal: SeasonalOrder;
  /** Estimate a mean (intercept). Default as R: true when d + D = 0. Ignored (false) when d + D > 0. */
  includeMean?: boolean;
  /**
   * Estimate a drift: a regressor t = 1, 2, … (the step index plus one, as R `forecast::Arima(include.drift =
   * TRUE)`), so a model with d + D = 1 forecasts a linear trend. Default false; ignored (false) when d + D > 1.
   */
  includeDrift?: boolean;
  /** Fourier regressors (regression with SARIMA errors). Default none. */
  fourier?: FourierTerm[];
}

/** Estimated coefficients, R/statsmodels sign convention: (1 − φ₁B − …)(…) yₜ = (1 + θ₁B + …)(…) εₜ. */
export interface SarimaCoefficients {
  ar: number[];
  ma: number[];
  sar: number[];
  sma: number[];
  /** Mean of the (undifferenced) series; 0 when no mean is estimated. */
  intercept: number;
  /** Drift per step (slope on t = step index + 1); present only when the spec includes a drift. */
  drift?: number;
  /** Fourier regression coefficients in the order sin₁, cos₁, sin₂, cos₂, … per term; [] when none. */
  xreg: number[];
}

/** One prediction interval, R `predict()` style: mean ± z·se. */
export interface PredictionInterval {
  levelPct: number;
  lower: number[];
  upper: number[];
}

/** The result shape every model returns (STYLE.md §3). */
export interface Forecast {
  mean: number[];
  /** Standard error of each forecast (sqrt of the prediction variance, σ² included). */
  se: number[];
  intervals: PredictionInterval[];
}
