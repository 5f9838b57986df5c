/**
 * Configuration of the causal detector (`backtest.ts`), its one default, and span parsing ("14d", "288").
 */
import { parseDurationMs } from '../duration';
import { InvalidSettingsError } from '../errors';
import type { ArimaOrder } from '../types';
import { DEFAULT_ALERT_RULES, type AlertRules } from './hygiene';
import { DAY_MS, HOUR_MS } from '../timeUnits';
import type { SilenceRules } from './silence';
import { DEFAULT_BUCKET_BAR, type BucketBarRules } from './bucketLikelihood';

/** A length of history: a number of model-grid points or a duration. */
export type Span = { points: number } | { ms: number };

/** Direction of the deviations a detector flags. */
export type Direction = 'above' | 'below' | 'both';

/** True when a signed score (> 0 above the forecast) may be flagged under `direction`. */
export function directionAllows(direction: Direction, score: number): boolean {
  return direction === 'both' || (direction === 'above' ? score > 0 : score < 0);
}

/** A named sensitivity, or the point threshold itself (|score| in typical errors). */
export type Sensitivity = 'low' | 'medium' | 'high' | number;

/**
 * Point thresholds (`minScore`) of the named sensitivities: 'medium' is the default, which scores best on the
 * NAB 30-file set; 'low' pages only for deviations 25 % larger, 'high' for deviations 25 % smaller. Medium is 4.2,
 * not 4: on nab30 4.1–4.6 is a plateau (68.8–69.1), while below 4 the hourly-bucket test's extra alerts start
 * hold-off chains that hide windows (3.6: 65.8).
 */
export const SENSITIVITY_MIN_SCORE: Record<'low' | 'medium' | 'high', number> = { low: 5.25, medium: 4.2, high: 3.15 };

/**
 * `config` with its thresholds set for `sensitivity`: minScore = the named threshold (or the number), and the
 * sustained-deviation threshold and the activity-stopped test's shortest pause scaled by the same ratio to the
 * default, so one knob moves every test together (low: pauses of 15 h and more, high: 9 h). The hourly-bucket bar
 * (`bucketLikelihood.ts`) moves its floor and cap with minScore but keeps the likelihood's ε: at high (3.15) a calm
 * series' μ + 4.26σ ≈ 3.4 is over minScore, so its bucket test is a little less sensitive than 3.15 says (scaling the
 * tail quantile by the ratio as well: nab30 low 67.46 / high 67.53 against 68.14 / 67.79).
 * @throws InvalidSettingsError when a number is not positive and finite
 */
export function withSensitivity(config: DetectorConfig, sensitivity: Sensitivity): DetectorConfig {
  const minScore = typeof sensitivity === 'number' ? sensitivity : SENSITIVITY_MIN_SCORE[sensitivity];
  if (!(Number.isFinite(minScore) && minScore > 0)) {
    throw new InvalidSettingsError(`sensitivity must be low, medium, high or a positive number, got ${sensitivity}`);
  }
  const ratio = minScore / DEFAULT_DETECTOR_CONFIG.minScore;
  return {
    ...config,
    minScore,
    sustainScore: DEFAULT_DETECTOR_CONFIG.sustainScore * ratio,
    silence: { ...config.silence, minPauseMs: DEFAULT_DETECTOR_CONFIG.silence.minPauseMs * ratio },
  };
}

/** Seasonal order without the period (the period comes from `season`). */
export interface SeasonalOrderSpec {
  P: number;
  D: number;
  Q: number;
}

/** Everything the detector needs; see {@link DEFAULT_DETECTOR_CONFIG} for the defaults and their reasons. */
export interface DetectorConfig {
  /** Aggregate data finer than this into bucket means before modelling; 0 keeps the native step. */
  bucketMs: number;
  /**
   * Season length in model steps (a number or `{points}`), a duration (`{ms}`, a whole number of steps), or
   * 'auto': one day when that is a whole number ≥ 2 of steps (else none), switching to one week when three
   * weeks of training data show a weekly season (`season.ts`).
   */
  season: number | Span | 'auto';
  order: ArimaOrder;
  seasonalOrder: SeasonalOrderSpec;
  /** Largest training window (trailing); the fit uses what is available until then. */
  trainWindow: Span;
  /** Data needed before the first fit. */
  minTrain: Span;
  /** Refit schedule; between refits the fitted model only filters new data. */
  refitEvery: Span;
  /** Bands and scores from predictions made this many steps earlier (1 = one-step-ahead). */
  horizonSteps: number;
  /** Band levels [weak, strong] in percent. */
  levelsPct: [number, number];
  /** |score| a point needs, besides lying outside a band, to count as anomalous. */
  minScore: number;
  /**
   * Sustained deviations: a point is also anomalous when, for some run of the last k scores with
   * 2 ≤ k ≤ `sustainWindow` points, the sum of the run (each score clipped to ±`sustainScore`) divided by √k
   * reaches `sustainScore` in absolute value (a multiscale MOSUM test on the innovations, `mosum.ts`).
   * Catches drifts the one-step prediction follows, and short runs of strong errors. Under 2 points = off.
   */
  sustainWindow: Span;
  sustainScore: number;
  /**
   * Per-series calibration (`record.ts`): a spike must also exceed every |score| of the series over this window,
   * and a sustained deviation every moving sum of the window (0 = off).
   */
  recordWindow: Span;
  /**
   * The point tests' records (native and fine, `record.ts`) do not forget an extreme at `recordWindow` but fade
   * it out over this further span: an extreme of age a > `recordWindow` counts at |score| × (1 − (a −
   * recordWindow)/(recordFade + one step)), so nothing older than recordWindow + recordFade counts
   * (`recordWeight`). 0 = the plain window. 14 days: nab30 69.12 → 70.15 (12 fewer false positives in
   * five files, the same windows); fades of 11–21 days score 69.9–70.15, of 7–10 days 68.1–69.6.
   */
  recordFade: Span;
  /** Prediction errors used for the robust scale of the score. */
  scaleWindow: Span;
  /** Which deviations may be flagged: above the expected range, below it, or both. */
  direction: Direction;
  /** Alert hygiene. */
  rules: AlertRules;
  /** Longest run of anomalous points replaced by their prediction before the model follows the data again. */
  maxReplace: Span;
  /**
   * After a gap of at least one missing model point, no alerts for this long (restarts look like anomalies),
   * unless two other gaps ended within `recordWindow` before it: then gaps are routine for the series (`gapRuns.ts`).
   */
  gapSuppress: Span;
  /**
   * Activity-stopped test (`silence.ts`): an intermittent series pages when the pause since its last burst is longer
   * than any of its pauses of the last two weeks, with its own alert memory (`backtest.ts`). burstShare 0 = off.
   */
  silence: SilenceRules;
  /**
   * Per-series calibration of the hourly-bucket test of data finer than the model grid (`bucketLikelihood.ts`): a
   * bucket also needs the bar set by the anomaly likelihood of the series' own bucket scores over `recordWindow` +
   * `recordFade`, between minScore and `capShare` × minScore.
   */
  bucketBar: BucketBarRules;
  /** Estimation method passed to the engine. */
  method: 'CSS-ML' | 'ML' | 'CSS';
}

/**
 * The one default configuration (no per-series tuning; reasons in `backtest.ts` and the report of issue 4):
 * - hourly aggregation of finer data (5-minute noise hides hour-long anomalies and costs 12× the work);
 * - SARIMA(1,0,1)(0,1,1)[1 day], or (1,0,1)(0,1,0)[1 week] when three weeks show a weekly season, fitted by
 *   CSS on a trailing 28 days (three weeks for the weekly test) and refitted daily;
 * - 95%/99% bands; a point counts when it leaves the weak band with a robust |score| ≥ 4.2, or when the
 *   moving sum of the scores of the last 2 to 6 hours reaches 5 (drifts and short runs, each score
 *   clipped at 5: with the 6-hour sum alone, NAB windows whose largest scores sat near 4 made the NAB score
 *   a knife-edge of `minScore`);
 * - each point test calibrated by the series' own extremes of the last week, which then fade out over two more
 *   weeks (`record.ts`);
 * - onset-only alerts with a two-day hold-off (a flag-rate guard: spiky series cannot alert daily);
 * - anomalous points replaced by their prediction for at most 6 hours; 6 hours of silence after a gap;
 * - an activity-stopped test on the model grid: a slot is a burst when it deviates from the last week's median by
 *   more than 5 % of the week's 99th-percentile deviation; a pause since the last burst pages when it is 15 % longer
 *   than every pause of the last 14 days and at least 12 hours, began after a week of watching, and no slot of it came
 *   within 75 % of the burst threshold (`silence.ts`). On NAB 30 files: 70.85 → 74.97 (55/62, 2 more false
 *   positives; nab7 unchanged 72.26): ec2_cpu_utilization_fe7f93 and ec2_disk_write_bytes_c0d644 window 3 (their
 *   activity stops), and rogue_agent_key_hold window 2 (at 12 h exactly, an artefact of its median flipping between
 *   its two idle levels: a shortest pause of 13.2 h loses it, 73.37). Its ±10 % neighbours then scored 73.26–74.98.
 * - on data finer than the model grid, the hourly-bucket test calibrated by the anomaly likelihood of the series' own
 *   bucket scores of the last 21 days: a bucket also needs μ + 4.265σ of them, between minScore and 1.5 × minScore
 *   (`bucketLikelihood.ts`). On NAB 30 files (with the early page's held-run rule of `hygiene.ts`): 74.97 → 77.14
 *   (56/62, 83 → 67 false positives; nab7 72.26 → 72.66); every ±10 % neighbour within 3 points.
 */
export const DEFAULT_DETECTOR_CONFIG: DetectorConfig = {
  bucketMs: HOUR_MS,
  season: 'auto',
  order: { p: 1, d: 0, q: 1 },
  seasonalOrder: { P: 0, D: 1, Q: 1 },
  trainWindow: { ms: 28 * DAY_MS },
  minTrain: { ms: 3 * DAY_MS },
  refitEvery: { ms: DAY_MS },
  horizonSteps: 1,
  levelsPct: [95, 99],
  minScore: 4.2,
  sustainWindow: { ms: 6 * HOUR_MS },
  sustainScore: 5,
  scaleWindow: { ms: 14 * DAY_MS },
  recordWindow: { ms: 7 * DAY_MS },
  recordFade: { ms: 14 * DAY_MS },
  direction: 'both',
  rules: DEFAULT_ALERT_RULES,
  maxReplace: { ms: 6 * HOUR_MS },
  gapSuppress: { ms: 6 * HOUR_MS },
  silence: {
    burstShare: 0.05,
    pauseShare: 0.75,
    margin: 0.15,
    minPauseMs: 12 * HOUR_MS,
    recordMs: 14 * DAY_MS,
    statsMs: 7 * DAY_MS,
    watchMs: 7 * DAY_MS,
  },
  bucketBar: DEFAULT_BUCKET_BAR,
  method: 'CSS',
};

/** Number of model-grid points of a span, rounded to the nearest point and at least `minPoints` (default 1). */
export function spanPoints(span: Span, stepMs: number, minPoints = 1): number {
  const points = 'points' in span ? span.points : span.ms / stepMs;
  return Math.max(minPoints, Math.round(points));
}

/**
 * Parse a span: a bare integer is a number of points, anything else a Prometheus duration (`6h`, `14d`, `1h30m`).
 * @throws InvalidSettingsError naming the text when it is neither, or zero
 */
export function parseSpan(text: string): Span {
  const s = text.trim();
  if (/^\d+$/.test(s)) {
    return { points: Number(s) };
  }
  const ms = parseDurationMs(s);
  if (ms === null || ms <= 0) {
    throw new InvalidSettingsError(`expected a number of points or a duration like 6h, 14d, 1h30m, got "${text}"`);
  }
  return { ms };
}
