/**
 * Two seasons (e.g. daily + weekly on hourly data): the automatic choice between
 * - one season: seasonal ARIMA at the short period, the long season ignored;
 * - two seasons: seasonal ARIMA at the short period plus Fourier terms for the long one (regression with
 *   SARIMA errors, the coefficients concentrated out of the likelihood by GLS, `sarima/gls.ts`);
 * - Fourier only: Fourier terms for both seasons with non-seasonal ARIMA errors (`longSeason.ts`);
 * by AICc on the same data (Hyndman & Athanasopoulos, FPP3 §12.1 compare such models by AICc; R's
 * `auto.arima` compares AICc only between models with the same d and D, because the likelihood of a
 * differenced model is that of fewer observations).
 *
 * Comparable AICc (the rule): every candidate is scored on the same observations y_{T0+1}, …, y_n given the
 * first T0 = max(d + m·D) over the candidates. For a model with d + m·D = T0 its exact likelihood already is
 * that conditional density (differencing has unit Jacobian, so the diffuse likelihood of y equals the density
 * of the later values given the first d + m·D); for a model with fewer differences the prediction-error
 * decomposition gives it as the sum of the one-step Gaussian log densities from T0 on (Harvey 1989 §3.4).
 * The penalty uses that same sample size n* = non-missing values after T0 and each model's own number of
 * estimated parameters (ARMA, regression coefficients and σ²): AICc = −2ℓ + 2k + 2k(k + 1)/(n* − k − 1).
 */

import { autoSarima, AutoOptions, AutoResult } from './auto';
import { ModelError, NoModelFittedError } from './errors';
import { fourierResiduals, MAX_SARIMA_PERIOD, selectFourierTerms } from './longSeason';
import { runFilter } from './sarima/filter';
import { fitSarima, SarimaModel } from './sarima/fit';
import { FourierTerm, SarimaSpec } from './types';

/** The three structures compared. */
export type SeasonModelKind = 'one-season' | 'two-seasons' | 'fourier-only';

/** One candidate structure: its fitted model (null when the fit failed) and its comparable AICc. */
export interface SeasonCandidate {
  kind: SeasonModelKind;
  model: SarimaModel | null;
  /** The order search behind the model (on the Fourier-regression residuals where Fourier terms are used). */
  search?: AutoResult;
  /** AICc on the common sample (module comment); null when the fit failed. */
  comparableAicc: number | null;
  error?: string;
}

/** Result of {@link chooseSeasonModel}. */
export interface SeasonChoice {
  kind: SeasonModelKind;
  model: SarimaModel;
  /** Every candidate, the chosen one first. */
  candidates: SeasonCandidate[];
  /** T0: the first T0 values are conditioned on by every candidate's comparable likelihood. */
  conditionedOn: number;
}

/**
 * Fits the three structures for a short and a long season (steps) and keeps the one with the lowest AICc on
 * the same data (rule in the module comment). Orders come from `autoSarima` (on the Fourier-regression
 * residuals where Fourier terms are used, as its Fourier route does); the final fits carry the regressors.
 *
 * @param y series on a regular grid, NaN = missing
 * @param periods two season lengths in steps; the shorter must be ≤ `options.maxSarimaPeriod` [48]
 * @param fourierOnly the Fourier-only selection when already made (`autoSarima` with both seasons), reused
 * @throws NoModelFittedError naming each candidate's failure when none could be fitted
 */
export function chooseSeasonModel(
  y: ArrayLike<number>,
  periods: [number, number],
  options: AutoOptions = {},
  fourierOnly?: AutoResult
): SeasonChoice {
  const [short, long] = [...periods].sort((a, b) => a - b);
  const maxSarima = options.maxSarimaPeriod ?? MAX_SARIMA_PERIOD;
  if (!(short > 1 && short <= maxSarima && long > short)) {
    throw new ModelError(`need a short season 2..${maxSarima} and a longer one, got ${periods.join(' and ')}`);
  }
  const both = selectFourierTerms(y, [short, long]);
  const longTerms = both.filter((term) => term.period === long);
  const attempts: Array<[SeasonModelKind, () => AutoResult]> = [
    ['one-season', () => autoSarima(y, { ...options, period: short })],
    ['two-seasons', () => withFourier(y, longTerms, short, options)],
    ['fourier-only', () => fourierOnly ?? withFourier(y, both, 1, options)],
  ];
  const fitted = attempts.map(([kind, fit]): SeasonCandidate => {
    try {
      const search = fit();
      return { kind, model: search.model, search, comparableAicc: null };
    } catch (e) {
      if (e instanceof ModelError) {
        return { kind, model: null, comparableAicc: null, error: e.message };
      }
      throw e;
    }
  });
  const conditionedOn = Math.max(0, ...fitted.map((c) => (c.model ? differencingLength(c.model.spec) : 0)));
  for (const c of fitted) {
    c.comparableAicc = c.model ? comparableAicc(c.model, y, conditionedOn) : null;
  }
  const ranked = [...fitted].sort((a, b) => (a.comparableAicc ?? Infinity) - (b.comparableAicc ?? Infinity));
  const best = ranked[0];
  if (!best.model || best.comparableAicc === null) {
    throw new NoModelFittedError(
      `no season structure could be fitted: ${fitted.map((c) => `${c.kind}: ${c.error}`).join('; ')}`
    );
  }
  return { kind: best.kind, model: best.model, candidates: ranked, conditionedOn };
}

/**
 * The choice wired into automatic forecasting (`autoForecast.ts`): when `autoSarima` found two seasons whose
 * shorter one is at most `maxSarimaPeriod` (it then took the Fourier-only route), the three structures are
 * compared by {@link chooseSeasonModel}, that selection reused as the Fourier-only candidate, and the chosen
 * structure's selection comes back with a note giving every structure's comparable AICc. Any other selection
 * comes back unchanged.
 */
export function withSeasonChoice(y: ArrayLike<number>, auto: AutoResult, options: AutoOptions = {}): AutoResult {
  const maxSarima = options.maxSarimaPeriod ?? MAX_SARIMA_PERIOD;
  if (auto.strategy !== 'fourier' || auto.periods.length !== 2 || auto.periods[0] > maxSarima) {
    return auto;
  }
  const [short, long] = auto.periods;
  const choice = chooseSeasonModel(y, [short, long], options, auto);
  const chosen = choice.candidates[0];
  const scores = choice.candidates.map((c) => `${c.kind} ${c.comparableAicc?.toFixed(1) ?? `failed (${c.error})`}`);
  const search = chosen.search ?? auto;
  return {
    ...search,
    model: choice.model,
    strategy: chosen.kind === 'fourier-only' ? 'fourier' : 'sarima',
    periods: chosen.kind === 'one-season' ? [short] : [short, long],
    season: auto.season,
    notes: [...auto.notes, `season structure: ${chosen.kind} by AICc on the same data (${scores.join(', ')})`],
  };
}

/**
 * Regression on `terms` with (S)ARIMA errors at `period`: the order chosen by `autoSarima` on the residuals
 * of the Fourier regression, then one fit of y with the terms (and a mean when nothing is differenced); the
 * search's result with that model.
 */
function withFourier(y: ArrayLike<number>, terms: FourierTerm[], period: number, options: AutoOptions): AutoResult {
  if (terms.length === 0) {
    throw new ModelError('no Fourier terms were selected for this season');
  }
  const search = autoSarima(fourierResiduals(y, terms), { ...options, period, maxSarimaPeriod: Math.max(period, 1) });
  const spec = search.model.spec;
  const differenced = spec.order.d + (spec.seasonal.period > 1 ? spec.seasonal.D : 0) > 0;
  const model = fitSarima(y, { ...spec, includeMean: !differenced, fourier: terms });
  return { ...search, model };
}

/** d + m·D of a spec: the values a differenced model conditions on. */
function differencingLength(spec: SarimaSpec): number {
  return spec.order.d + (spec.seasonal.period > 1 ? spec.seasonal.period * spec.seasonal.D : 0);
}

/**
 * AICc of `model` on y_{from+1..n} given y_{1..from} (module comment): one-step Gaussian log densities of the
 * in-sample filter from `from` on, penalised with n* = the non-missing values counted.
 */
export function comparableAicc(model: SarimaModel, y: ArrayLike<number>, from: number): number {
  const run = runFilter(model, y);
  let loglik = 0;
  let count = 0;
  for (let t = from; t < y.length; t++) {
    if (!Number.isNaN(y[t])) {
      loglik -=
        0.5 * (Math.log(2 * Math.PI * run.variance[t]) + (run.residuals[t] * run.residuals[t]) / run.variance[t]);
      count++;
    }
  }
  const k = model.nParams + 1;
  return -2 * loglik + 2 * k + (2 * k * (k + 1)) / (count - k - 1);
}
