/**
 * Automatic forecasting: the transform (`seriesTransform.ts`), `autoSarima` order selection on the
 * transformed series, with two seasons the choice of their structure (`seasonChoice.ts`), the comparison
 * with the seasonal naive and mean benchmarks (`fallbackChoice.ts`; a benchmark also stands in when no SARIMA
 * can be fitted), forecasts with intervals from the chosen model's final filter state (R
 * `forecast(auto.arima(y, lambda), h)`), bands calibrated by in-sample multi-step errors (`calibrate.ts`),
 * mapped back to the original scale and kept ≥ 0 for a series with no negative value.
 */
import { autoSarima, AutoOptions, AutoResult } from './auto';
import { fitBenchmarks } from './benchmarkModels';
import { calibrationFactors, inSampleErrors, rescaleBands } from './calibrate';
import { NoModelFittedError } from './errors';
import { chooseForecastModel, ForecastModelChoice, ForecastModelKind, ModelScore } from './fallbackChoice';
import { DEFAULT_LEVELS_PCT, forecastSarima } from './sarima/forecast';
import { calendarPeriods, detectSeason } from './season';
import { withSeasonChoice } from './seasonChoice';
import { AppliedTransform, applyTransform, backTransform, resolveTransform, TransformSetting } from './seriesTransform';
import { Forecast } from './types';

/** Options of {@link autoForecast}. */
export interface AutoForecastOptions extends AutoOptions {
  /** Steps to forecast after the last observation, or a function of the selection giving them. */
  horizon: number | ((auto: AutoResult) => number);
  /** Interval levels in percent [80, 95, 99]. */
  levelsPct?: number[];
  /** Transform before modelling ['none': on eval:forecast 'auto' gained 4 % MASE but lost 10 % MSIS]. */
  transform?: TransformSetting;
  /** Calibrate the bands from in-sample multi-step errors (`calibrate.ts`) [true]. */
  calibrate?: boolean;
  /** Back-transformed means are bias-adjusted means instead of medians, as R `biasadj` [false, as R]. */
  biasAdjust?: boolean;
  /** Compare the searched model with the seasonal naive and mean benchmarks (`fallbackChoice.ts`) [true]. */
  benchmarks?: boolean;
}

/** The selection, the transform and the forecast on the original scale. */
export interface AutoForecastResult {
  /**
   * The selection; its `model` is the model that forecast (a benchmark's when one was chosen, with a note), its
   * `candidates` stay those of the order search.
   */
  auto: AutoResult;
  /** Which model forecast: the searched SARIMA or a benchmark. */
  chosen: ForecastModelKind;
  /** The in-sample multi-step errors compared (empty when the benchmarks were off). */
  scores: ModelScore[];
  transform: AppliedTransform;
  /** Band factor per level (1 = the model's own band). */
  calibration: number[];
  forecast: Forecast;
}

/**
 * Selects a model for `y` (NaN = missing) and forecasts `horizon` steps after its last value.
 * @throws the errors of `resolveTransform` and `forecastSarima`; InsufficientDataError, ConstantSeriesError,
 *   or NoModelFittedError when neither a SARIMA model nor a benchmark could be fitted
 */
export function autoForecast(y: ArrayLike<number>, options: AutoForecastOptions): AutoForecastResult {
  const setting = options.transform ?? 'none';
  const transform = resolveTransform(y, setting, setting === 'auto' ? seasonOf(y, options) : 1);
  const w = applyTransform(y, transform);
  const search = searchSelection(w, options);
  const horizon = typeof options.horizon === 'function' ? options.horizon(search.auto) : options.horizon;
  const choice = chooseModel(w, search, horizon, options);
  const auto: AutoResult = choice.kind === 'sarima' ? search.auto : withBenchmark(search, choice);
  const levelsPct = options.levelsPct ?? DEFAULT_LEVELS_PCT;
  const raw = forecastSarima(auto.model, auto.model.state, horizon, levelsPct);
  const calibration =
    (options.calibrate ?? true) ? calibrationFactors(choice.errors.standardized, levelsPct) : levelsPct.map(() => 1);
  const calibrated = rescaleBands(raw, calibration);
  return {
    auto,
    chosen: choice.kind,
    scores: choice.scores,
    transform,
    calibration,
    forecast: backTransform(calibrated, transform, options.biasAdjust ?? false),
  };
}

/**
 * `autoSarima` with the season structure chosen when it found two seasons; when every SARIMA candidate failed,
 * a selection holding the first benchmark (`found` false; the comparison then picks among the benchmarks).
 */
function searchSelection(w: number[], options: AutoOptions): { auto: AutoResult; found: boolean } {
  try {
    return { auto: withSeasonChoice(w, autoSarima(w, options), options), found: true };
  } catch (e) {
    // Only "no candidate could be fitted" falls back; bad input keeps its named error.
    if (!(e instanceof NoModelFittedError)) {
      throw e;
    }
    const detected = typeof options.period === 'number' ? 1 : seasonOf(w, options);
    const period = benchmarkPeriod(detected > 1 ? [detected] : [], options);
    const benchmark = fitBenchmarks(w, period, options.method)[0];
    if (!benchmark) {
      throw e;
    }
    const { spec } = benchmark.model;
    const auto: AutoResult = {
      model: benchmark.model,
      candidates: [],
      strategy: 'sarima',
      period: spec.seasonal.period,
      periods: spec.seasonal.period > 1 ? [spec.seasonal.period] : [],
      d: 0,
      D: spec.seasonal.D,
      approximation: false,
      notes: [e.message],
    };
    return { auto, found: false };
  }
}

/**
 * The selection with the chosen benchmark as its model. Without a searched model the selection's season fields
 * are the benchmark's own (the placeholder from `searchSelection` held the first benchmark, not the chosen one).
 */
function withBenchmark(search: { auto: AutoResult; found: boolean }, choice: ForecastModelChoice): AutoResult {
  if (search.found) {
    return { ...search.auto, model: choice.model, notes: [...search.auto.notes, benchmarkNote(choice)] };
  }
  const { seasonal } = choice.model.spec;
  return {
    ...search.auto,
    model: choice.model,
    period: seasonal.period,
    periods: seasonal.period > 1 ? [seasonal.period] : [],
    D: seasonal.D,
  };
}

function chooseModel(
  w: number[],
  search: { auto: AutoResult; found: boolean },
  horizon: number,
  options: AutoForecastOptions
): ForecastModelChoice {
  const { model, periods } = search.auto;
  const period = benchmarkPeriod(periods, options);
  if ((options.benchmarks ?? true) || !search.found) {
    return chooseForecastModel(search.found ? model : undefined, w, horizon, period, options.method);
  }
  const errors = (options.calibrate ?? true) ? inSampleErrors(model, w, horizon) : { absolute: [], standardized: [] };
  return { kind: 'sarima', model, errors, scores: [] };
}

function benchmarkNote(choice: ForecastModelChoice): string {
  const text = choice.scores.map((s) => `${s.kind} ${s.meanAbsError.toPrecision(4)}`).join(', ');
  return `${choice.kind} chosen over the searched SARIMA by mean absolute in-sample multi-step error (${text})`;
}

/**
 * Season of the seasonal naive benchmark: a given period; else the shortest season found (the Fourier route's
 * SARIMA period is 1), else the day in steps when the step divides it, as R's `snaive` repeats the series'
 * frequency (24 for hourly data) whether or not a test found that season; 1 (no seasonal naive) otherwise.
 */
function benchmarkPeriod(found: number[], options: AutoOptions): number {
  if (typeof options.period === 'number') {
    return options.period;
  }
  const day = options.stepMs ? calendarPeriods(options.stepMs).find((c) => c.calendar === 'daily') : undefined;
  return found[0] ?? day?.period ?? 1;
}

/**
 * The given season, else the detected one (1 when none): the block length of Guerrero's method (as R:
 * frequency) and the seasonal naive's period when the search failed.
 */
function seasonOf(y: ArrayLike<number>, options: AutoOptions): number {
  if (typeof options.period === 'number') {
    return options.period;
  }
  return detectSeason(y, { ...options.seasonOptions, stepMs: options.stepMs }).period;
}
