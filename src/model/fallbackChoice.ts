/**
 * Beyond R: the benchmark fallback of automatic forecasting. R's `auto.arima` always returns the ARIMA it
 * found, even where the seasonal naive or the mean forecasts better (on spiky or shifting metrics they often
 * do; FPP3 §5.2 calls them the benchmarks every method must beat). Here the searched model and the benchmarks
 * (`benchmarkModels.ts`) are compared on the same in-sample multi-step forecasts: each model's filter runs over
 * the data and forecasts up to h steps from the same origins (`calibrate.ts` `inSampleErrors`), and the
 * mean absolute error over those forecasts scores it (a rolling-origin evaluation, Tashman, "Out-of-sample
 * tests of forecasting accuracy", Int. J. Forecasting 16, 2000, without refits).
 *
 * The rule: the lowest-scoring benchmark replaces the searched model when its score is below (1 − FALLBACK_MARGIN)
 * times the searched model's (the margin is 0: the lower score wins); when no SARIMA could be fitted at all,
 * the benchmark with the lowest score is used. The searched model's coefficients were estimated on the same data, so its
 * in-sample errors are optimistic: the rule leans towards SARIMA, and a benchmark wins only where the
 * SARIMA's multi-step forecasts are clearly worse.
 */
import { inSampleErrors, type InSampleErrors } from './calibrate';
import { fitBenchmarks, type BenchmarkKind } from './benchmarkModels';
import { NoModelFittedError } from './errors';
import type { FitOptions, SarimaModel } from './sarima/fit';

/**
 * Relative margin a benchmark's in-sample error must beat the searched model's by: none, the lower error wins.
 * Measured with `npm run eval:forecast` (96 rolling-origin tasks on 25 hourly NAB series, h = 48; sMAPE / MASE /
 * MSIS / coverage): without the fallback 55.26 / 1.883 / 40.72 / 94.4 %; margin 0.1: 54.44 / 1.886 / 38.69 /
 * 93.9 %; margin 0: 53.45 / 1.864 / 38.53 / 94.4 %. An offline replay of the same tasks over margins 0–0.3
 * improved MSIS at every margin with no trend in MASE, so the rule keeps no tuned threshold.
 */
export const FALLBACK_MARGIN = 0;

/** Which model forecasts: the searched SARIMA or a benchmark. */
export type ForecastModelKind = 'sarima' | BenchmarkKind;

/** A model's score in the comparison. */
export interface ModelScore {
  kind: ForecastModelKind;
  /** Mean absolute in-sample error of forecasts up to h steps (units of the modelled series). */
  meanAbsError: number;
}

/** Result of {@link chooseForecastModel}. */
export interface ForecastModelChoice {
  kind: ForecastModelKind;
  model: SarimaModel;
  /** The chosen model's in-sample errors (the calibration uses their standardised part). */
  errors: InSampleErrors;
  /** Every model compared, in the order tried (the searched one first when there is one). */
  scores: ModelScore[];
}

/**
 * Chooses between the searched model (undefined when the search failed) and the benchmarks by the rule of the
 * module comment.
 *
 * @param y the modelled series (after any transform), NaN = missing
 * @param period season length in steps for the seasonal naive (1 = none)
 * @throws NoModelFittedError when there is neither a searched model nor a benchmark that could be fitted
 */
export function chooseForecastModel(
  searched: SarimaModel | undefined,
  y: ArrayLike<number>,
  horizon: number,
  period: number,
  method?: FitOptions['method']
): ForecastModelChoice {
  const options: Array<{ kind: ForecastModelKind; model: SarimaModel }> = [
    ...(searched ? [{ kind: 'sarima' as const, model: searched }] : []),
    ...fitBenchmarks(y, period, method),
  ];
  if (options.length === 0) {
    throw new NoModelFittedError('no SARIMA model and no benchmark (seasonal naive, mean) could be fitted');
  }
  const errors = options.map((o) => inSampleErrors(o.model, y, horizon));
  const scores = options.map((o, i) => ({ kind: o.kind, meanAbsError: mean(errors[i].absolute) }));
  // The lowest-scoring benchmark (or, without a searched model, the lowest-scoring model).
  const first = searched ? 1 : 0;
  let best = first;
  for (let i = first + 1; i < scores.length; i++) {
    best = scores[i].meanAbsError < scores[best].meanAbsError ? i : best;
  }
  const replaces =
    !searched || (best < scores.length && scores[best].meanAbsError < (1 - FALLBACK_MARGIN) * scores[0].meanAbsError);
  const chosen = replaces ? best : 0;
  return { kind: options[chosen].kind, model: options[chosen].model, errors: errors[chosen], scores };
}

/** Mean of the finite values (Infinity when there is none, so such a model never wins). */
function mean(values: number[]): number {
  let sum = 0;
  let count = 0;
  for (const v of values) {
    if (Number.isFinite(v)) {
      sum += v;
      count++;
    }
  }
  return count > 0 ? sum / count : Infinity;
}
