/**
 * State of the causal walk of `backtest.ts`: the configuration resolved to model-grid points and everything
 * the detector carries from one point to the next. Internal to `detect/`.
 */
import type { FilterState, SarimaModel } from '../sarima';
import type { SarimaSpec } from '../types';
import { normalQuantile } from '../sarima/normal';
import type { RegularSeries } from '../series';
import { StepMismatchError } from '../errors';
import { directionAllows, spanPoints, type DetectorConfig, type Span } from './config';
import { errorLogKeep, NO_WEEK, type ErrorLog, type ErrorScales, type WeekGrid } from './errorScale';
import type { Excursion } from './excursion';
import { createGapRuns, type GapRuns } from './gapRuns';
import { createRecordWindow, pointRecordWindow, type RecordWindow } from './record';
import { createBucketScores, type BucketScores } from './bucketLikelihood';
import { createSpikeTally, SPIKE_BUDGET_SPAN_MS, type SpikeTally } from './spikeBudget';
import type { ModelChoice } from './refit';
import { createMosum, type Mosum } from './mosum';
import type { Detection } from './types';
import { DAY_MS, WEEK_MS } from '../timeUnits';

/** Spans of the configuration resolved to model-grid points. */
export interface Resolved {
  season: number;
  train: number;
  minTrain: number;
  refit: number;
  scaleWindow: number;
  sustain: number;
  maxReplace: number;
  /** `recordWindow` in points: gaps are routine when others ended this recently (`gapRuns.ts`). */
  routineGapWindow: number;
  gapSuppress: number;
  /** Longest excursion followed against its onset's band: one season, or one day without a season. */
  excursion: number;
  /** Span over which spikes are counted for the replacement budget (`spikeBudget.ts`). */
  spikeSpan: number;
  /** Points per week when a week is a whole number of steps longer than the season, else 0. */
  weekly: number;
  /** Days of the week on the grid, for the score's day-of-week factor (`errorScale.ts`); NO_WEEK when none. */
  week: WeekGrid;
  /** Errors kept in the log: the scale window and the day factors' weeks (`errorLogKeep`). */
  errorKeep: number;
  multipliers: [number, number];
}

/**
 * Fits the model of one scheduled refit. `trainStartMs`/`trainEndMs` bound the training window (end exclusive),
 * so a caller can memoise fits by window (the data source's model cache does). Default: `fitSarima`.
 */
export type FitHook = (train: number[], spec: SarimaSpec, trainStartMs: number, trainEndMs: number) => SarimaModel;

/** Mutable state of the walk. */
export interface Walk {
  cfg: DetectorConfig;
  /** Replaces `fitSarima` at refits when set. */
  fitHook?: FitHook;
  /** Grid time of the last successful fit's end (exclusive), NaN before the first. */
  lastFitEndMs: number;
  r: Resolved;
  stepMs: number;
  y: number[];
  clean: number[];
  model?: SarimaModel;
  state?: FilterState;
  /** States before the points since the last refit, for predictions more than one step ahead. */
  history: Array<{ index: number; state: FilterState }>;
  lastFit: number;
  /** Training points of the last fit (refits come sooner while the history is still short). */
  lastTrainPoints: number;
  /** Model kind of the last fit, and why a fallback was used. */
  choice?: ModelChoice;
  /** Recent standardized errors e/r. */
  errors: ErrorLog;
  scales: ErrorScales;
  /** Anomalous points absorbed as observed (not replaced): the model's seasonal lag holds them. */
  tainted: Uint8Array;
  /** Points judged spikes (replaced or not, echoes excluded), for the replacement budget (`spikeBudget.ts`). */
  spikes: Uint8Array;
  /** How many of the last `r.spikeSpan` points were spikes (`spikeBudget.ts`). */
  spikeTally: SpikeTally;
  replaced: number;
  /** Moving sums of the scores of the last 2 … `r.sustain` observed points. */
  sustained: Mosum;
  /** The series' own recent extremes of the moving-sum statistic (`record.ts`). */
  sustainedRecord: RecordWindow;
  /** The runs of missing model slots, to tell an outage from the series' routine gaps (`gapRuns.ts`). */
  gaps: GapRuns;
  /** The series' own recent extremes of |score| (`record.ts`). */
  record: RecordWindow;
  /** The series' own recent bucket |scores|, which calibrate the bucket test of finer data (`bucketLikelihood.ts`). */
  bucketScores: BucketScores;
  /** True when the model grid is the input grid (no fine layer): the point test is then calibrated here. */
  native: boolean;
  /** The anomaly in progress, compared with the band expected before it (`excursion.ts`). */
  excursion?: Excursion;
  /** Per point: the larger of |score| and the MOSUM statistic (the escalation of `hygiene.ts`). */
  strength: number[];
  /** Per point: onset slot of the excursion it belongs to (NaN = none), known when the point is judged. */
  excursionOnset: number[];
  /** True when a score of this sign may be flagged (`direction`). */
  allows: (score: number) => boolean;
  out: Detection;
}

/**
 * Season length in steps of `stepMs`.
 * @throws StepMismatchError for a duration that is not a whole number of steps
 */
function seasonSteps(season: number | Span, stepMs: number): number {
  if (typeof season === 'number' || 'points' in season) {
    return typeof season === 'number' ? season : season.points;
  }
  const steps = season.ms / stepMs;
  if (!Number.isInteger(steps)) {
    throw new StepMismatchError(`season ${season.ms} ms is not a whole number of ${stepMs} ms steps (${steps})`);
  }
  return steps;
}

/** Resolve the spans of `cfg` at the model step; 'auto' season = one day when a whole number ≥ 2 of steps. */
function resolveConfig(cfg: DetectorConfig, stepMs: number, startMs: number): Resolved {
  const daily = DAY_MS / stepMs;
  const season =
    cfg.season === 'auto' ? (Number.isInteger(daily) && daily >= 2 ? daily : 1) : seasonSteps(cfg.season, stepMs);
  const weekly = WEEK_MS / stepMs;
  // A season of whole weeks already scales each weekday's hours apart (`errorScales` per phase): a day factor on top
  // would count a busy day's wider errors twice.
  const week: WeekGrid =
    Number.isInteger(weekly) && Number.isInteger(daily) && daily >= 2 && season % weekly !== 0
      ? { dayPoints: daily, weekPoints: weekly, startPoints: (((startMs % WEEK_MS) + WEEK_MS) % WEEK_MS) / stepMs }
      : NO_WEEK;
  const scaleWindow = spanPoints(cfg.scaleWindow, stepMs);
  return {
    season,
    train: spanPoints(cfg.trainWindow, stepMs),
    minTrain: spanPoints(cfg.minTrain, stepMs),
    refit: spanPoints(cfg.refitEvery, stepMs),
    scaleWindow,
    sustain: spanPoints(cfg.sustainWindow, stepMs, 0),
    maxReplace: spanPoints(cfg.maxReplace, stepMs, 0),
    gapSuppress: spanPoints(cfg.gapSuppress, stepMs, 0),
    routineGapWindow: spanPoints(cfg.recordWindow, stepMs, 0),
    excursion: season > 1 ? season : spanPoints({ ms: DAY_MS }, stepMs),
    spikeSpan: spanPoints({ ms: SPIKE_BUDGET_SPAN_MS }, stepMs),
    weekly: Number.isInteger(weekly) && weekly > season ? weekly : 0,
    week,
    errorKeep: errorLogKeep(scaleWindow, week),
    multipliers: [normalQuantile(0.5 + cfg.levelsPct[0] / 200), normalQuantile(0.5 + cfg.levelsPct[1] / 200)],
  };
}

/**
 * The bucket scores' window: as long as the point records remember an extreme (`recordWindow` + `recordFade`; off
 * with them when `recordWindow` is 0), giving a bar from one day of buckets on.
 */
function bucketScoreWindow(config: DetectorConfig, stepMs: number): BucketScores {
  const full = spanPoints(config.recordWindow, stepMs, 0);
  const length = full > 0 ? full + spanPoints(config.recordFade, stepMs, 0) : 0;
  return createBucketScores(length, spanPoints({ ms: DAY_MS }, stepMs));
}

/** A fresh walk over `series` (the model grid); `endIndex` maps its slots to the input grid. */
export function newWalk(series: RegularSeries, config: DetectorConfig, endIndex: number[], fitHook?: FitHook): Walk {
  const n = series.values.length;
  const nan = () => new Array<number>(n).fill(NaN);
  const r = resolveConfig(config, series.stepMs, series.startMs);
  const w: Walk = {
    cfg: config,
    fitHook,
    lastFitEndMs: NaN,
    r,
    stepMs: series.stepMs,
    y: series.values,
    clean: series.values.slice(),
    history: [],
    lastFit: -Infinity,
    lastTrainPoints: 0,
    errors: { index: [], value: [] },
    scales: { overall: NaN, byPhase: [NaN], byDay: [1], week: NO_WEEK },
    tainted: new Uint8Array(n),
    spikes: new Uint8Array(n),
    spikeTally: createSpikeTally(r.spikeSpan),
    replaced: 0,
    // Clipping at the threshold itself is the widest clip at which one score alone cannot reach it (at most
    // threshold/√2 over the shortest run), so two or three strong scores in a row count at full weight.
    sustained: createMosum(r.sustain, config.sustainScore),
    gaps: createGapRuns(),
    strength: new Array<number>(n).fill(NaN),
    excursionOnset: new Array<number>(n).fill(NaN),
    record: pointRecordWindow(config, series.stepMs),
    bucketScores: bucketScoreWindow(config, series.stepMs),
    sustainedRecord: createRecordWindow(spanPoints(config.recordWindow, series.stepMs, 0)),
    native: true,
    allows: (score) => directionAllows(config.direction, score),
    out: {
      timesMs: series.values.map((_, i) => series.startMs + i * series.stepMs),
      values: series.values.slice(),
      forecast: nan(),
      bands: config.levelsPct.map((levelPct) => ({ levelPct, lower: nan(), upper: nan() })),
      score: nan(),
      level: new Array<number>(n).fill(0),
      extent: new Array<number>(n).fill(0),
      anomaly: [],
      inputIndex: endIndex,
      refits: 0,
    },
  };
  return w;
}
