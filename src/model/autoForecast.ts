/**
 * Automatic forecasting: the transform (`seriesTransform.ts`), `autoSarima` order selection on the
 * transformed series, forecasts with intervals from the chosen model's final filter state (R
 * `forecast(auto.arima(y, lambda), h)`), bands calibrated by in-sample multi-step errors (`calibrate.ts`),
 * mapped back to the original scale and kept ≥ 0 for a series with
 * no negative value.
 */
import { autoSarima, AutoOptions, AutoResult } from './auto';
import { calibrationFactors, rescaleBands, standardizedErrors } from './calibrate';
import { DEFAULT_LEVELS_PCT, forecastSarima } from './sarima/forecast';
import { detectSeason } from './season';
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
}

/** The selection, the transform and the forecast on the original scale. */
export interface AutoForecastResult {
  auto: AutoResult;
  transform: AppliedTransform;
  /** Band factor per level (1 = the model's own band). */
  calibration: number[];
  forecast: Forecast;
}

/**
 * Selects a model for `y` (NaN = missing) and forecasts `horizon` steps after its last value.
 * @throws the errors of `resolveTransform`, `autoSarima` and `forecastSarima`
 */
export function autoForecast(y: ArrayLike<number>, options: AutoForecastOptions): AutoForecastResult {
  const setting = options.transform ?? 'none';
  const transform = resolveTransform(y, setting, setting === 'auto' ? guerreroPeriod(y, options) : 1);
  const w = applyTransform(y, transform);
  const auto = autoSarima(w, options);
  const levelsPct = options.levelsPct ?? DEFAULT_LEVELS_PCT;
  const horizon = typeof options.horizon === 'function' ? options.horizon(auto) : options.horizon;
  const raw = forecastSarima(auto.model, auto.model.state, horizon, levelsPct);
  const calibration =
    (options.calibrate ?? true)
      ? calibrationFactors(standardizedErrors(auto.model, w, horizon), levelsPct)
      : levelsPct.map(() => 1);
  const calibrated = rescaleBands(raw, calibration);
  return { auto, transform, calibration, forecast: backTransform(calibrated, transform, options.biasAdjust ?? false) };
}

/** Block length of Guerrero's method: the given season, else the detected one (as R: frequency, at least 2). */
function guerreroPeriod(y: ArrayLike<number>, options: AutoOptions): number {
  if (typeof options.period === 'number') {
    return options.period;
  }
  return detectSeason(y, { ...options.seasonOptions, stepMs: options.stepMs }).period;
}
