/**
 * The analysis pipeline shared by the browser worker, the companion service and the CLI: one input series in,
 * causal one-step-ahead bands, anomaly flags and windows over its history, a forecast past its end, and the
 * model summary out.
 *
 * Steps: regular grid (`prepareSeries`) → orders (fixed, or `autoSarima` once per cache entry) → causal walk
 * with scheduled refits (`runDetector`, fits memoised by training window) → forecast from the final filter
 * state (`forecastSarima`, R `predict()` intervals; with a Box-Cox `transform`, `transformedForecast.ts`) → output
 * from `outputFromMs` on.
 */
import { autoSarima, type AutoCandidate } from '../auto';
import { runDetector, type DetectorRun } from '../detect/backtest';
import { DEFAULT_DETECTOR_CONFIG, spanPoints } from '../detect/config';
import type { Detection } from '../detect/types';
import { anomalyWindows } from '../detect/windows';
import { InsufficientDataError } from '../errors';
import { formatTimeMs, type RegularSeries } from '../series';
import { floorPastNonNegative, isNonNegative } from '../seriesTransform';
import { forecastWithTransform } from '../transformedForecast';
import type { Forecast } from '../types';
import { memoFitHook, type MemoFit } from './fitMemo';
import { scheduledFits } from './fitSchedule';
import { modelGrid, modelStepOf, prepareInput } from './mixedGrid';
import { detectorConfig, validateSettings, type ResolvedOrders } from './settings';
import { summarize } from './summary';
import type { AnomalyWindow, ModelSettings, SeriesAnalysis, SeriesInput, SeriesPoints } from './types';

/** What a caller keeps per series between calls (plain JSON): the fits seen so far and automatic choices. */
export interface AnalysisCacheEntry {
  /** Settings and step the entry belongs to; a different key means the entry is ignored. */
  settingsKey: string;
  /** End of the training window of the model the last call ended with, unix ms. */
  refittedAtMs: number;
  /** Last input time seen, unix ms. */
  lastTimeMs: number;
  fits: MemoFit[];
  /** Orders to fit (chosen by automatic selection when a setting is 'auto'), reused while the settings stay. */
  choice?: OrderChoice;
}

/** Orders to fit, with the candidates automatic selection ranked (absent when the orders were fixed). */
export interface OrderChoice {
  orders: ResolvedOrders;
  candidates?: AutoCandidate[];
}

/** Options of {@link analyzeSeries}. */
export interface AnalyzeOptions {
  /** Return points from this time on; earlier points only train and warm up the model. */
  outputFromMs?: number;
  /** The entry a previous call returned for the same series. */
  cached?: AnalysisCacheEntry;
}

/**
 * Analyse one series. With a `cached` entry for the same settings, fits already made for the same training
 * window are recalled, so a refresh costs a Kalman filter pass plus at most the newly scheduled refits.
 * @throws ModelError subclasses (invalid settings or series, too little data for the first fit)
 */
// eslint-disable-next-line max-lines-per-function -- the pipeline in order (prepare, orders, detector, forecast, output), read top to bottom
export function analyzeSeries(
  input: SeriesInput,
  settings: ModelSettings,
  options: AnalyzeOptions = {}
): { analysis: SeriesAnalysis; cache: AnalysisCacheEntry } {
  validateSettings(settings);
  const prepared = prepareInput(input);
  const series = prepared.fine;
  const modelStepMs = modelStepOf(input);
  const settingsKey = JSON.stringify({ settings, stepMs: series.stepMs, modelStepMs });
  const cached = options.cached?.settingsKey === settingsKey ? options.cached : undefined;
  // The pipeline aggregates once, so orders, fit schedule and detector all see the same model grid; the
  // detector still scores every input point at its own step (`detect/fine.ts`). A mixed grid's coarse history
  // enters the model grid only (endIndex -1).
  const modelGridOf = modelGrid(prepared, modelStepMs);
  const grid = modelGridOf.series;
  const trainPoints = spanPoints({ ms: settings.trainingWindowMs }, grid.stepMs);
  const choice = cached?.choice ?? chooseOrders(grid, settings, trainPoints);
  const minTrainPoints = spanPoints(DEFAULT_DETECTOR_CONFIG.minTrain, grid.stepMs);
  const config = detectorConfig(settings, choice.orders, 0, minTrainPoints);
  const fitIndices = scheduledFits(grid, settings.refitEveryMs, minTrainPoints, options.outputFromMs);
  const fits = cached ? cached.fits.slice() : [];
  const memo = memoFitHook(fits, config.method, settings.levelsPct[0]);
  const run = runDetector(series, config, { fitHook: memo.hook, fitIndices, modelGrid: modelGridOf });
  const finalFit = run.final && fitOf(run.final, fits);
  if (!run.final || !finalFit) {
    throw new InsufficientDataError(
      `no model could be fitted: the first fit needs ${minTrainPoints} points on a ${grid.stepMs / 1000} s grid ` +
        `before a scheduled refit time (every ${settings.refitEveryMs / 1000} s), got ${grid.values.length}`
    );
  }
  const forecastRun =
    settings.horizonSteps > 0
      ? forecastWithTransform(run.final.model, run.final.state, {
          series: grid.values,
          trainPoints,
          horizonSteps: settings.horizonSteps,
          levelsPct: settings.levelsPct,
          transform: settings.transform,
          method: config.method,
        })
      : undefined;
  const forecast = forecastRun?.forecast;
  const outputFromMs = options.outputFromMs ?? -Infinity;
  const aggregation = grid.stepMs / series.stepMs;
  const notices = prepared.repairs.map((r) => r.message);
  if (prepared.history) {
    notices.push(`history before ${formatTimeMs(series.startMs)} came at the model step of ${grid.stepMs / 1000} s`);
  }
  if (aggregation > 1) {
    notices.push(
      `modelled on ${grid.stepMs / 1000} s bucket means (${aggregation} samples) to keep the daily season short; ` +
        `scored at the native ${series.stepMs / 1000} s step`
    );
  }
  if (run.final.reason) {
    notices.push(`${run.final.kind} model used: ${run.final.reason}`);
  }
  if (forecastRun?.note) {
    notices.push(forecastRun.note);
  }
  const drawn = drawnValues(grid, run.detection);
  const nonNegative = isNonNegative(drawn);
  const analysis: SeriesAnalysis = {
    status: 'ok',
    key: input.key,
    labels: input.labels,
    model: {
      ...summarize(finalFit, memo.diagnose(finalFit), aggregation, choice.candidates),
      kind: run.final.kind,
      ...(run.final.reason ? { fallbackReason: run.final.reason } : {}),
      ...(forecastRun && forecastRun.transform.setting !== 'none'
        ? { transform: { setting: forecastRun.transform.setting, lambda: forecastRun.transform.lambda } }
        : {}),
    },
    points: outputPoints(run.detection, forecast, grid, outputFromMs, drawn),
    windows: anomalyWindows(run.detection)
      .filter((w) => w.endMs >= outputFromMs)
      .map((w) => toContractWindow(w, nonNegative)),
    notices,
  };
  const lastTimeMs = series.startMs + (series.values.length - 1) * series.stepMs;
  return { analysis, cache: { settingsKey, refittedAtMs: finalFit.endMs, lastTimeMs, fits, choice } };
}

/**
 * The memo entry of the run's final model; a fallback model that was not fitted (naive, `detect/fallback.ts`)
 * gets an entry of its own so the summary can describe it.
 */
function fitOf(final: NonNullable<DetectorRun['final']>, fits: MemoFit[]): MemoFit | undefined {
  const hit = fits.find((f) => f.model === final.model);
  if (hit || (final.kind !== 'naive' && final.kind !== 'seasonal naive')) {
    return hit;
  }
  const entry: MemoFit = {
    specKey: final.kind,
    startMs: NaN,
    endMs: final.trainEndMs,
    model: final.model,
    fitTimeMs: 0,
  };
  fits.push(entry);
  return entry;
}

/** Orders from the settings, with 'auto' ones chosen by `autoSarima` on the first training window. */
function chooseOrders(grid: RegularSeries, settings: ModelSettings, trainPoints: number): OrderChoice {
  const fixed = { season: settings.seasonalPeriod };
  if (settings.order !== 'auto' && settings.seasonalOrder !== 'auto') {
    return { orders: { ...fixed, order: settings.order, seasonalOrder: settings.seasonalOrder } };
  }
  const train = grid.values.slice(0, trainPoints);
  const chosen = autoSarima(train, { period: settings.seasonalPeriod, stepMs: grid.stepMs });
  const spec = chosen.model.spec;
  // Long seasons come back as Fourier terms; the detector models seasons by SARIMA, so keep its default there.
  const seasonal =
    chosen.strategy === 'fourier'
      ? DEFAULT_DETECTOR_CONFIG.seasonalOrder
      : { P: spec.seasonal.P, D: spec.seasonal.D, Q: spec.seasonal.Q };
  return {
    orders: {
      order: settings.order === 'auto' ? { ...spec.order } : settings.order,
      seasonalOrder: settings.seasonalOrder === 'auto' ? seasonal : settings.seasonalOrder,
      season: chosen.period > 1 ? chosen.period : settings.seasonalPeriod,
    },
    candidates: chosen.candidates,
  };
}

const toNullable = (v: number) => (Number.isFinite(v) ? v : null);

/**
 * History from `outputFromMs` on, one row per input grid point, followed by the forecast horizon on the model
 * grid (the forecast starts at the bucket after the last complete one). The history's predictions and bands are
 * floored at 0 for a non-negative series (`floorPastNonNegative`), decided on the model grid's values as the
 * forecast's floor is and on the values drawn with them: a bucket mean hides a negative sample at a finer step, which
 * would then be drawn below a band floored at 0 though the detector judged it inside (the CLI decides on the same
 * input values). The detection keeps the unclipped values its scores and flags came from.
 */
function outputPoints(
  detection: Detection,
  forecast: Forecast | undefined,
  grid: RegularSeries,
  outputFromMs: number,
  drawn: number[]
): SeriesPoints {
  const modelStepMs = grid.stepMs;
  const lastModelMs = grid.startMs + (grid.values.length - 1) * modelStepMs;
  const first = detection.timesMs.findIndex((t) => t >= outputFromMs);
  const from = first < 0 ? detection.timesMs.length : first;
  const history = (a: number[]) => a.slice(from).map(toNullable);
  const horizon = forecast?.mean.length ?? 0;
  const shown = floorPastNonNegative(detection, drawn);
  const band = (k: 0 | 1) => ({
    levelPct: shown.bands[k].levelPct,
    lower: [...history(shown.bands[k].lower), ...(forecast?.intervals[k].lower ?? []).map(toNullable)],
    upper: [...history(shown.bands[k].upper), ...(forecast?.intervals[k].upper ?? []).map(toNullable)],
  });
  const timesMs = detection.timesMs.slice(from);
  return {
    timesMs: [...timesMs, ...Array.from({ length: horizon }, (_, h) => lastModelMs + (h + 1) * modelStepMs)],
    actual: [...history(detection.values), ...new Array<null>(horizon).fill(null)],
    forecast: [...history(shown.forecast), ...(forecast?.mean ?? []).map(toNullable)],
    bands: [band(0), band(1)],
    anomaly: [...detection.anomaly.slice(from), ...new Array<number>(horizon).fill(0)],
    score: [...history(detection.score), ...new Array<null>(horizon).fill(null)],
    horizonStart: timesMs.length,
  };
}

/**
 * The values a series' floor at 0 is decided on: the model grid (as the forecast's floor) and the values drawn (a
 * bucket mean hides a negative sample at a finer step).
 */
function drawnValues(grid: RegularSeries, detection: Detection): number[] {
  return [...grid.values, ...detection.values];
}

/**
 * A window for the contract; a non-negative series' expected range is floored at 0 as its drawn bands are, so the
 * annotation of a count's drop reads "expected 0 to 475", not a range thousands below what the count can reach.
 */
function toContractWindow(w: ReturnType<typeof anomalyWindows>[number], nonNegative: boolean): AnomalyWindow {
  const floor = (v: number) => (nonNegative ? Math.max(0, v) : v);
  return {
    startMs: w.startMs,
    endMs: w.endMs,
    peakMs: w.peakMs,
    peakScore: w.peakScore,
    severity: w.level >= 2 ? 2 : 1,
    expectedLower: floor(w.expectedLower),
    expectedUpper: floor(w.expectedUpper),
    observed: w.observed,
    kind: w.kind,
    ...(w.silence ? { pause: { ...w.silence } } : {}),
  };
}
