/**
 * The pipeline's forecast past the end of a series, with the `transform` setting (`seriesTransform.ts`).
 *
 * Without a transform (the default, or 'auto' resolving to none) the forecast comes from the detector's final
 * model and filter state, as R `predict()` on that fit, floored at 0 for a series with no negative value. With a
 * Box-Cox λ, the same orders are refitted on the transformed trailing training window, forecast there and mapped
 * back (R `forecast(Arima(y, order, lambda = λ), h)`: back-transformed medians and bounds), because the
 * detector's model describes the untransformed series and its bands cannot be re-scaled after the fact.
 */
import { ModelError } from './errors';
import { fitSarima, type FitOptions, type SarimaModel } from './sarima/fit';
import { cloneState, type FilterState } from './sarima/filter';
import { forecastSarima } from './sarima/forecast';
import {
  applyTransform,
  backTransform,
  floorNonNegative,
  resolveTransform,
  type AppliedTransform,
  type TransformSetting,
} from './seriesTransform';
import type { Forecast } from './types';

/** What {@link forecastWithTransform} needs besides the model. */
export interface ForecastRequest {
  /** The series on the model grid (NaN = missing); no negative value = forecasts and bands kept ≥ 0. */
  series: ArrayLike<number>;
  /** Trailing points of `series` the transformed refit uses (the training window). */
  trainPoints: number;
  horizonSteps: number;
  levelsPct: number[];
  /** Transform setting ['none']. */
  transform?: TransformSetting;
  /** Estimation method of the refit on the transformed scale. */
  method: NonNullable<FitOptions['method']>;
}

/** The forecast on the original scale, the transform applied, and a note when the transformed refit failed. */
export interface TransformedForecast {
  forecast: Forecast;
  transform: AppliedTransform;
  note?: string;
}

/**
 * Forecast `horizonSteps` past the end of `request.series` (method in the module comment).
 * @param model the detector's final model, fitted on the untransformed training values
 * @param state its filter state after the last training point
 * @throws InvalidSeriesError when the transform setting does not suit the data (e.g. log with a zero)
 */
export function forecastWithTransform(
  model: SarimaModel,
  state: FilterState,
  request: ForecastRequest
): TransformedForecast {
  const { series, horizonSteps, levelsPct } = request;
  const training = Array.from(series).slice(-request.trainPoints);
  const transform = resolveTransform(training, request.transform ?? 'none', model.spec.seasonal.period);
  const plain = () => floorNonNegative(forecastSarima(model, cloneState(state), horizonSteps, levelsPct), series);
  if (transform.lambda === null) {
    return { forecast: plain(), transform };
  }
  try {
    const refit = fitSarima(applyTransform(training, transform), model.spec, { method: request.method });
    const raw = forecastSarima(refit, refit.state, horizonSteps, levelsPct);
    return { forecast: { ...raw, ...backTransform(raw, transform, false) }, transform };
  } catch (error) {
    if (!(error instanceof ModelError)) {
      throw error;
    }
    // The untransformed model still forecasts; say why the transform was not used.
    const none: AppliedTransform = { ...transform, lambda: null };
    return { forecast: plain(), transform: none, note: `transform λ = ${transform.lambda} not used: ${error.message}` };
  }
}
