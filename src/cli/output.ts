/**
 * JSON shape of a fitted model and its forecast, shared by `fit` and `auto`. Arrays are always arrays and
 * the intercept is 0 when no mean is estimated. Forecast timestamps continue the input grid and use the
 * input's timestamp format: unix seconds as numbers, ISO 8601 (UTC, `Z`) or `YYYY-MM-DD HH:MM:SS` (UTC).
 */
import { FitOptions, forecastSarima, SarimaModel } from '../model/sarima';
import { gridTimesMs } from '../model/series';
import { Forecast, SarimaCoefficients, SarimaSpec } from '../model/types';
import { formatTimestamp } from './csv';
import { CliSeries } from './input';

/** Default forecast horizon as R `forecast()`: two seasons of the longest period, else 10 steps. */
export function defaultHorizon(spec: SarimaSpec): number {
  const periods = [spec.seasonal.period, ...(spec.fourier ?? []).map((f) => f.period)].filter((m) => m > 1);
  return periods.length ? 2 * Math.max(...periods) : 10;
}

/** The spec as printed: order, seasonal, includeMean, fourier. */
export function specJson(spec: SarimaSpec) {
  return {
    order: spec.order,
    seasonal: spec.seasonal,
    includeMean: spec.includeMean ?? false,
    fourier: spec.fourier ?? [],
  };
}

function coefficientsJson(c: SarimaCoefficients) {
  return {
    ar: c.ar,
    ma: c.ma,
    sar: c.sar,
    sma: c.sma,
    intercept: c.intercept,
    ...(c.drift === undefined ? {} : { drift: c.drift }),
    xreg: c.xreg,
  };
}

/**
 * The model, the input summary and a forecast of `horizon` steps at `levelsPct` (`given`, when the caller
 * already made it, e.g. back-transformed and calibrated by `autoForecast`).
 */
export function modelJson(
  model: SarimaModel,
  input: CliSeries,
  horizon: number,
  levelsPct: number[],
  given?: Forecast
) {
  const forecast = given ?? forecastSarima(model, model.state, horizon, levelsPct);
  const { series, timeFormat } = input;
  const timestamps = gridTimesMs(series, series.values.length, horizon).map((ms) => formatTimestamp(ms, timeFormat));
  return {
    ...specJson(model.spec),
    coefficients: coefficientsJson(model.coefficients),
    standardErrors: coefficientsJson(model.standardErrors),
    sigma2: model.sigma2,
    loglik: model.loglik,
    aic: model.aic,
    aicc: model.aicc,
    bic: model.bic,
    nObs: model.nObs,
    method: model.method,
    converged: model.converged,
    input: {
      points: series.values.length,
      stepMs: series.stepMs,
      start: formatTimestamp(series.startMs, timeFormat),
      ...(input.skippedPoints ? { skippedPoints: input.skippedPoints } : {}),
      repairs: series.repairs,
    },
    forecast: {
      timestamps,
      mean: forecast.mean,
      se: forecast.se,
      intervals: forecast.intervals.map((i) => ({ level: i.levelPct, lower: i.lower, upper: i.upper })),
    },
  };
}

/** Fit methods accepted by `--method`. */
export const METHODS: Array<NonNullable<FitOptions['method']>> = ['CSS-ML', 'ML', 'CSS'];
