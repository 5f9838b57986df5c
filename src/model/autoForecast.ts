/**
 * Automatic forecasting: `autoSarima` order selection, then forecasts with intervals from the chosen
 * model's final filter state (R `forecast(auto.arima(y), h)`).
 */
import { autoSarima, AutoOptions, AutoResult } from './auto';
import { DEFAULT_LEVELS_PCT, forecastSarima } from './sarima/forecast';
import { Forecast } from './types';

/** Options of {@link autoForecast}. */
export interface AutoForecastOptions extends AutoOptions {
  /** Steps to forecast after the last observation. */
  horizon: number;
  /** Interval levels in percent [80, 95, 99]. */
  levelsPct?: number[];
}

/** The selection and its forecast. */
export interface AutoForecastResult {
  auto: AutoResult;
  forecast: Forecast;
}

/**
 * Selects a model for `y` and forecasts `horizon` steps after its last value.
 * @throws the errors of `autoSarima` and `forecastSarima`
 */
export function autoForecast(y: ArrayLike<number>, options: AutoForecastOptions): AutoForecastResult {
  const auto = autoSarima(y, options);
  const forecast = forecastSarima(
    auto.model,
    auto.model.state,
    options.horizon,
    options.levelsPct ?? DEFAULT_LEVELS_PCT
  );
  return { auto, forecast };
}
