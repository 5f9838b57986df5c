/**
 * The last-resort models of the detector, for series the SARIMA fit cannot take: constant and near-constant
 * series (a flat line, a 0/1 metric that has not moved yet, a queue that is always 0), and series that repeat
 * their season exactly. They are the naive and seasonal naive forecasts, ARIMA(0,1,0) and
 * ARIMA(0,0,0)(0,1,0)[m] (Hyndman & Athanasopoulos, "Forecasting: principles and practice", 3rd ed., §5.2):
 * the prediction is the last value (of the same phase), and its σ is the observed noise of those differences,
 * never below a minimum width relative to the level. Any step away from a flat line is then many σ out and
 * flagged, and the model follows the new level at once.
 */
import { runFilter, type SarimaModel } from '../sarima';
import { initialFilterState } from '../sarima/filter';
import { robustScale } from './robustScale';

/** σ floor relative to the level: a step of 1 % of a flat line's level is 10 σ away. */
export const MIN_RELATIVE_SIGMA = 1e-3;
/** σ floor of a flat line at 0 (a 0/1 metric, an empty queue), in the units of the series. */
export const MIN_ABSOLUTE_SIGMA = 1e-6;

/**
 * The naive model ARIMA(0,1,0) (`period` 1) or seasonal naive ARIMA(0,0,0)(0,1,0)[period], with
 * σ = max(robust σ of the lag-`period` differences / √2, 1e-3·|median level|, 1e-6), filtered over `train`
 * (NaN = missing). A plain `SarimaModel`, so the walk and the forecasts treat it like a fitted one; its
 * likelihood fields are NaN (nothing was estimated).
 */
export function naiveModel(train: ArrayLike<number>, period = 1): SarimaModel {
  const lag = Math.max(1, Math.round(period));
  const finite: number[] = [];
  const diffs: number[] = [];
  for (let i = 0; i < train.length; i++) {
    const y = train[i];
    if (Number.isFinite(y)) {
      finite.push(y);
      if (i >= lag && Number.isFinite(train[i - lag])) {
        diffs.push(y - train[i - lag]);
      }
    }
  }
  const level = finite.length > 0 ? Math.abs(finite.sort((a, b) => a - b)[finite.length >> 1]) : 0;
  // A difference of two independent noisy values has twice the variance of one.
  const noise = diffs.length > 0 ? robustScale(diffs) / Math.SQRT2 : 0;
  const sigma = Math.max(Number.isFinite(noise) ? noise : 0, MIN_RELATIVE_SIGMA * level, MIN_ABSOLUTE_SIGMA);
  const none = { ar: [], ma: [], sar: [], sma: [], intercept: 0, xreg: [] };
  const model: SarimaModel = {
    spec: {
      order: { p: 0, d: lag > 1 ? 0 : 1, q: 0 },
      seasonal: lag > 1 ? { P: 0, D: 1, Q: 0, period: lag } : { P: 0, D: 0, Q: 0, period: 1 },
      includeMean: false,
      fourier: [],
    },
    coefficients: none,
    standardErrors: { ...none, ar: [], ma: [], sar: [], sma: [], xreg: [] },
    sigma2: sigma * sigma,
    loglik: NaN,
    aic: NaN,
    aicc: NaN,
    bic: NaN,
    nObs: diffs.length,
    nParams: 0,
    converged: true,
    iterations: 0,
    restarts: 0,
    method: 'naive',
    initialState: initialFilterState(lag),
    state: initialFilterState(lag),
  };
  model.state = runFilter(model, train).state;
  return model;
}
