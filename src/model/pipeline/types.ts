/**
 * Inputs and outputs of the analysis pipeline (`analyzeSeries`): settings, one input series, and the per-point
 * result with its model summary and anomaly windows. Plain JSON only (no classes, no Date) so the same objects
 * cross `postMessage` and HTTP unchanged; `src/contract/fit.ts` wraps them in versioned request/response DTOs.
 */

import type { Direction, Sensitivity } from '../detect/config';
import type { TransformSetting } from '../seriesTransform';

/** Orders as the public API names them (words, not letters: STYLE.md §3). */
export interface OrderSetting {
  p: number;
  d: number;
  q: number;
}

/** Seasonal order without the period (the period is `seasonalPeriod`). */
export interface SeasonalOrderSetting {
  P: number;
  D: number;
  Q: number;
}

/** Model and detection settings for one analysis. Every field has a default (`DEFAULT_MODEL_SETTINGS`). */
export interface ModelSettings {
  /** Season length in steps, or 'auto' (detected from the data). */
  seasonalPeriod: number | 'auto';
  order: OrderSetting | 'auto';
  seasonalOrder: SeasonalOrderSetting | 'auto';
  /** Band levels in percent: [weak, strong], e.g. [95, 99]. */
  levelsPct: [number, number];
  /** Consecutive out-of-band points before an anomaly is raised. */
  minConsecutive: number;
  /** Flag only the first point of a run, then hold off for `holdOffMs`. */
  onsetOnly: boolean;
  holdOffMs: number;
  /** Forecast steps past the last observation. */
  horizonSteps: number;
  /** Refit the model after this many milliseconds of new data; between refits, filter only. */
  refitEveryMs: number;
  /** Length of the trailing window a model is fitted on, in milliseconds. */
  trainingWindowMs: number;
  /** Estimation method (R `stats::arima` `method`). */
  method: 'CSS-ML' | 'ML' | 'CSS';
  /** Box-Cox transform of the forecast past the end (`transformedForecast.ts`); default 'none'. */
  transform?: TransformSetting;
  /** Thresholds of the anomaly tests (`withSensitivity` in detect/config.ts); default 'medium'. */
  sensitivity?: Sensitivity;
  /** Which deviations are flagged; default 'both'. */
  direction?: Direction;
}

/** One input series on any grid; the pipeline regularises it. `key` identifies the series (e.g. its labels). */
export interface SeriesInput {
  key: string;
  labels: Record<string, string>;
  /** Unix milliseconds, one per value. */
  timesMs: number[];
  /** NaN or null = missing. */
  values: Array<number | null>;
  /** Expected sample spacing (e.g. the Prometheus query step), milliseconds; the output step. */
  stepMs: number;
  /**
   * Mixed grid: samples before `untilMs` lie on the coarser grid `stepMs` (a long training window fetched at the
   * model step within Prometheus' 11,000 points per query), the rest on the grid `SeriesInput.stepMs`.
   */
  coarse?: { stepMs: number; untilMs: number };
}

/** What was fitted, for frame meta and the analyst's diagnostics. */
export interface ModelSummary {
  order: OrderSetting;
  seasonalOrder: SeasonalOrderSetting;
  seasonalPeriod: number;
  /** Fourier regressors used for long seasons ([] when none). */
  fourier: Array<{ period: number; harmonics: number }>;
  /** Steps were aggregated by this factor before fitting (1 = native resolution); scoring is at the native step. */
  aggregation: number;
  /**
   * Which model the detector ended with: the configured 'seasonal' one, or a fallback — 'non-seasonal' (too
   * little data for the season, or its fit failed), 'seasonal naive' (the series repeats its season exactly) or
   * 'naive' (a flat or near-constant series: last value, band of its observed noise or a minimum width).
   */
  kind?: 'seasonal' | 'non-seasonal' | 'seasonal naive' | 'naive';
  /** Why a fallback was used (the errors of the preferred models). */
  fallbackReason?: string;
  /** Transform of the forecast when one was set (not 'none'): the setting and the Box-Cox λ used (null = none). */
  transform?: { setting: TransformSetting; lambda: number | null };
  coefficients: Array<{ name: string; value: number; standardError: number }>;
  sigma2: number;
  loglik: number;
  aic: number;
  aicc: number;
  bic: number;
  /** Ljung–Box p-value of the standardized residuals (Ljung & Box 1978). */
  ljungBoxPValue: number;
  /** Share of training points inside the weak band, 0..1. */
  trainingCoverage: number;
  fitTimeMs: number;
  trainingStartMs: number;
  trainingEndMs: number;
  /** When the model was (re)fitted, unix ms. */
  refittedAtMs: number;
  /** Ranked candidates when the order was chosen automatically. */
  candidates?: Array<{ label: string; aicc: number | null; error?: string }>;
}

/** A run of anomalous points, for annotations and alert text. */
export interface AnomalyWindow {
  startMs: number;
  endMs: number;
  peakMs: number;
  /** Signed standardized score at the peak (positive = above the expected range). */
  peakScore: number;
  /** 1 weak, 2 strong. */
  severity: 1 | 2;
  /** Expected range at the peak, weak level. */
  expectedLower: number;
  expectedUpper: number;
  observed: number;
  /**
   * 'silence': the bursts (or idle dips) of an intermittent series stopped (activity-stopped test); 'deviation': the values left the expected range. Absent from older services: read as 'deviation'.
   */
  kind?: 'deviation' | 'silence';
  /** The pause of a 'silence' window, at its alert. */
  pause?: WindowPause;
}

/** How long an intermittent series' activity had stopped when it paged, against its own record. */
export interface WindowPause {
  /** Time since the last burst. */
  pauseMs: number;
  /** Longest pause of the series within the last `recordWindowMs`, which this one exceeded. */
  recordPauseMs: number;
  recordWindowMs: number;
  /**
   * Side the value stays on: 'below' when bursts above an idle level stopped, 'above' when a busy series' idle dips
   * stopped. Absent from older services: read as 'below'.
   */
  direction?: 'above' | 'below';
}

/** One band level's bounds, aligned with `timesMs`; null where undefined (warm-up, gaps). */
export interface BandSeries {
  levelPct: number;
  lower: Array<number | null>;
  upper: Array<number | null>;
}

/** Per-point output aligned on one regular grid, history followed by the forecast horizon. */
export interface SeriesPoints {
  timesMs: number[];
  /** Observed values; null in the forecast horizon and for missing points. */
  actual: Array<number | null>;
  /**
   * One-step-ahead prediction in history, h-step forecast in the horizon; like `bands`, floored at 0 for a series
   * with no negative value (display only: `score`, `anomaly` and the windows come from the unclipped values).
   */
  forecast: Array<number | null>;
  /** [weak, strong]. */
  bands: [BandSeries, BandSeries];
  /** 0 none, 1 weak, 2 strong; 0 in the horizon. */
  anomaly: number[];
  /** Signed standardized residual; null where undefined. */
  score: Array<number | null>;
  /** Index of the first forecast-horizon point (= timesMs.length when no horizon). */
  horizonStart: number;
}

/** Successful analysis of one series. */
export interface SeriesAnalysis {
  status: 'ok';
  key: string;
  labels: Record<string, string>;
  model: ModelSummary;
  points: SeriesPoints;
  windows: AnomalyWindow[];
  /** Repairs applied to the input (sorted, duplicates dropped, …), as readable sentences. */
  notices: string[];
}
