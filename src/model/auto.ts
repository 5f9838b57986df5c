/**
 * Automatic SARIMA order selection, after R `forecast::auto.arima` (Hyndman & Khandakar, "Automatic time
 * series forecasting: the forecast package for R", J. Statistical Software 27(3), 2008):
 * 1. season: the given period, or `detectSeason` when 'auto';
 * 2. strategy (`longSeason.ts`): seasonal ARIMA for one season ≤ 48 steps, otherwise Fourier terms with
 *    non-seasonal ARIMA errors, K chosen by regression AICc;
 * 3. D by the seasonal-strength heuristic (`nsdiffs`, F_s > 0.64), d by KPSS (`ndiffs`, alpha 0.05) on the
 *    seasonally differenced series, or on the Fourier-regression residuals;
 * 4. stepwise search by AICc (`stepwise.ts`), p, q ≤ 5, P, Q ≤ 2, p + q + P + Q ≤ 5, at most 94 fits, with
 *    the constant toggled as R: a mean when d + D = 0, a drift (`include.drift`) when d + D = 1; beyond R,
 *    a bounded round of jumps the stepwise neighbourhood lacks once the walk stops (`AUTO_EXTRA_FITS`);
 *    fits whose AR or MA roots lie within 1.01 of the unit circle are rejected, as in R;
 * 5. with more than 150 points or a period above 12 (R's `approximation` rule) the search screens with CSS
 *    fits ranked by n*·log σ² + AICc penalty, then refits the best screened orders with the full method
 *    until one succeeds (at most `maxRefits`, default 5, skipping orders whose MA or seasonal MA part a
 *    previous refit put on the unit circle; if all fail, the best CSS fit is kept, with a note);
 * 6. on the Fourier route the search runs on the residuals of the Fourier regression (no regressors, so each
 *    screening fit costs as much as a plain ARMA), and only the final model is fitted jointly with the
 *    Fourier terms (plus an intercept when d = 0), best screened order first until one fits.
 * Fits that fail are recorded with their error message; if every fit fails a NoModelFittedError names the reasons.
 */
import { ConstantSeriesError, InsufficientDataError, NoModelFittedError } from './errors';
import { fourierResiduals, MAX_SARIMA_PERIOD, seasonStrategy, SeasonStrategy, selectFourierTerms } from './longSeason';
import { attachFilterState, FitOptions, fitWithoutState, SarimaFit, SarimaModel } from './sarima/fit';
import { polynomialRoots } from './sarima/roots';
import { detectSeason, nsdiffs, SeasonOptions, SeasonResult } from './season';
import { dropMissing, isConstant } from './stats/fill';
import { ndiffs } from './stats/kpss';
import { SearchLimits, SearchOrder, stepwiseSearch } from './stepwise';
import { FourierTerm, SarimaSpec } from './types';

/**
 * Models the stepwise order search fits at most per series by default: R `forecast::auto.arima`'s `nmodels` (94).
 * Also the service's admission cost of an automatic order (service/src/admission.ts).
 */
export const AUTO_MAX_FITS = 94;

/**
 * Beyond R: orders the stepwise neighbourhood cannot reach in one move (p ± 2, q ± 2, a non-seasonal and a
 * seasonal order together) fitted once the walk stops, at most this many, and only when walk and round stay
 * within half the fit budget (`stepwise.ts`).
 */
export const AUTO_EXTRA_FITS = 4;

/** Options of {@link autoSarima}; defaults as R `auto.arima` unless noted. */
export interface AutoOptions {
  /** Season length in steps, or 'auto' to detect it [auto]. */
  period?: number | 'auto';
  /** Grid step in ms, so detection can prefer calendar periods. */
  stepMs?: number;
  /** Options of season detection when period is 'auto' (`detectSeason`; its stepMs is the one above). */
  seasonOptions?: Omit<SeasonOptions, 'stepMs'>;
  /** Fixed non-seasonal / seasonal differencing (tested when absent). */
  d?: number;
  D?: number;
  maxP?: number;
  maxQ?: number;
  maxSP?: number;
  maxSQ?: number;
  maxOrder?: number;
  maxD?: number;
  maxSD?: number;
  /** Allow a drift term when d + D = 1, as R `allowdrift` [true]. */
  allowDrift?: boolean;
  /** Fit budget of the search [{@link AUTO_MAX_FITS}]. */
  maxFits?: number;
  /** Screen with CSS fits [n > 150 or period > 12]. */
  approximation?: boolean;
  /** Method of the final fit (and of the search without approximation) [CSS-ML]. */
  method?: FitOptions['method'];
  /** Longest period fitted as seasonal ARIMA [48]. */
  maxSarimaPeriod?: number;
  /** Final-method refits tried before falling back to the best screened CSS fit [5]. */
  maxRefits?: number;
  /** Jumps fitted once the stepwise walk stops (`stepwise.ts`; 0 = R's search only) [{@link AUTO_EXTRA_FITS}]. */
  extraFits?: number;
}

/** One model tried by the search. */
export interface AutoCandidate {
  spec: SarimaSpec;
  /** Criterion used for ranking (CSS screening value when method is 'CSS'); null when the fit failed. */
  aicc: number | null;
  method: string;
  error?: string;
}

/** Result of {@link autoSarima}. */
export interface AutoResult {
  model: SarimaModel;
  /**
   * Every model tried, the chosen one first: then the final-method refits that failed, then the screened
   * models best criterion first, failures last.
   */
  candidates: AutoCandidate[];
  strategy: SeasonStrategy;
  /** Seasonal period of the SARIMA part (1 when none or when Fourier terms carry the seasons). */
  period: number;
  /** Seasons modelled, ascending ([] when none). */
  periods: number[];
  /** Detection result when period was 'auto'. */
  season?: SeasonResult;
  d: number;
  D: number;
  approximation: boolean;
  /** Decisions worth showing, e.g. a season dropped for lack of data. */
  notes: string[];
}

interface Plan {
  period: number;
  periods: number[];
  fourier: FourierTerm[];
  strategy: SeasonStrategy;
  d: number;
  D: number;
  notes: string[];
  season?: SeasonResult;
}

/**
 * Selects and fits a SARIMA model automatically (steps in the module comment), as R `forecast::auto.arima`
 * with stepwise search, ic = "aicc", test = "kpss", seasonal.test = "seas".
 *
 * @param y series on a regular grid, NaN = missing
 * @throws InsufficientDataError, ConstantSeriesError, or NoModelFittedError naming why every candidate failed
 */
export function autoSarima(y: ArrayLike<number>, options: AutoOptions = {}): AutoResult {
  const present = dropMissing(y);
  if (present.length < 4) {
    throw new InsufficientDataError(`need ≥ 4 non-missing points for automatic selection, got ${present.length}`);
  }
  if (isConstant(present)) {
    throw new ConstantSeriesError(`all ${present.length} non-missing values equal ${present[0]}; nothing to model`);
  }
  const plan = planModel(y, present.length, options);
  const approximation = options.approximation ?? (present.length > 150 || plan.period > 12);
  const fourierRoute = plan.strategy === 'fourier';
  const { screened, fits } = screenOrders(y, plan, approximation, searchLimits(present.length, plan, options), options);
  const ranked = rank(screened);
  const refits: AutoCandidate[] = [];
  let model =
    approximation || fourierRoute
      ? refitBest(y, ranked, options.method ?? 'CSS-ML', refits, plan, options.maxRefits ?? 5)
      : bestFit(ranked, fits, y);
  let candidates = [...rank(refits), ...ranked];
  if (!model && approximation && !fourierRoute) {
    // Every refit failed (typically ML drives a seasonal MA root onto the unit circle): keep the best CSS
    // fit, which passed the root check, rather than spend more full fits.
    model = bestFit(ranked, fits, y);
    plan.notes.push(
      `final ${options.method ?? 'CSS-ML'} fits failed for ${refits.length} orders; kept the best CSS fit`
    );
    candidates = [ranked[0], ...rank(refits), ...ranked.slice(1)];
  }
  if (!model) {
    const all = [...screened, ...refits];
    const reasons = [...new Set(all.map((c) => c.error).filter(Boolean))].slice(0, 3).join('; ');
    throw new NoModelFittedError(`no SARIMA model could be fitted: all ${all.length} candidates failed (${reasons})`);
  }
  return {
    model,
    candidates,
    strategy: plan.strategy,
    period: plan.period,
    periods: plan.periods,
    season: plan.season,
    d: plan.d,
    D: plan.D,
    approximation,
    notes: plan.notes,
  };
}

/**
 * Runs the stepwise search. On the Fourier route orders are searched on the regression residuals without
 * regressors (each fit with 2K regressors would cost far more); only the final model is fitted jointly.
 */
function screenOrders(
  y: ArrayLike<number>,
  plan: Plan,
  approximation: boolean,
  limits: SearchLimits,
  options: AutoOptions
): { screened: AutoCandidate[]; fits: Map<string, SarimaFit> } {
  const fourierRoute = plan.strategy === 'fourier';
  const searchSeries = fourierRoute ? fourierResiduals(y, plan.fourier) : y;
  const searchPlan: Plan = { ...plan, fourier: [] };
  const method = approximation ? 'CSS' : (options.method ?? 'CSS-ML');
  const screened: AutoCandidate[] = [];
  const fits = new Map<string, SarimaFit>();
  stepwiseSearch(limits, (order) => {
    const outcome = tryFit(searchSeries, specFor(order, searchPlan), method, approximation);
    if (fourierRoute) {
      outcome.candidate.method = `${method} on Fourier residuals`;
      outcome.candidate.spec = specFor(order, plan);
    }
    screened.push(outcome.candidate);
    if (outcome.model) {
      fits.set(JSON.stringify(outcome.candidate.spec), outcome.model);
    }
    return outcome.candidate.aicc ?? Infinity;
  });
  return { screened, fits };
}

function planModel(y: ArrayLike<number>, n: number, options: AutoOptions): Plan {
  const notes: string[] = [];
  let season: SeasonResult | undefined;
  let periods: number[];
  if (options.period === undefined || options.period === 'auto') {
    season = detectSeason(y, { ...options.seasonOptions, stepMs: options.stepMs });
    periods = season.periods;
    notes.push(
      periods.length
        ? `detected season(s) ${periods.join(', ')} (strength ${season.strength.toFixed(2)})`
        : 'no seasonality detected'
    );
  } else {
    periods = options.period > 1 ? [Math.round(options.period)] : [];
  }
  const strategy = seasonStrategy(periods, options.maxSarimaPeriod ?? MAX_SARIMA_PERIOD);
  if (strategy === 'fourier') {
    const fourier = selectFourierTerms(y, periods);
    notes.push(`Fourier terms ${fourier.map((f) => `${f.period}:K=${f.harmonics}`).join(', ') || 'none'}`);
    const d = options.d ?? ndiffs(fourierResiduals(y, fourier), { maxD: options.maxD ?? 2 });
    return { period: 1, periods, fourier, strategy, d, D: 0, notes, season };
  }
  let period = periods[0] ?? 1;
  if (period > 1 && n <= 2 * period && options.D === undefined) {
    // As R: with two seasons or fewer, seasonality cannot be estimated.
    notes.push(`season ${period} dropped: need > ${2 * period} points, got ${n}`);
    period = 1;
  }
  const D = period > 1 ? (options.D ?? nsdiffs(y, period, { maxD: options.maxSD ?? 1 })) : 0;
  const seasonallyDifferenced = D > 0 ? Array.from({ length: y.length - period }, (_, t) => y[t + period] - y[t]) : y;
  const d = options.d ?? ndiffs(seasonallyDifferenced, { maxD: options.maxD ?? 2 });
  return { period, periods: period > 1 ? [period] : [], fourier: [], strategy, d, D, notes, season };
}

function searchLimits(n: number, plan: Plan, options: AutoOptions): SearchLimits {
  const m = plan.period;
  // As R: at most n/3 (and n/3m seasonal) lags, so every model leaves data to estimate it.
  return {
    maxP: Math.min(options.maxP ?? 5, Math.floor(n / 3)),
    maxQ: Math.min(options.maxQ ?? 5, Math.floor(n / 3)),
    maxSP: m > 1 ? Math.min(options.maxSP ?? 2, Math.floor(n / 3 / m)) : 0,
    maxSQ: m > 1 ? Math.min(options.maxSQ ?? 2, Math.floor(n / 3 / m)) : 0,
    maxOrder: options.maxOrder ?? 5,
    maxFits: options.maxFits ?? AUTO_MAX_FITS,
    extraFits: options.extraFits ?? AUTO_EXTRA_FITS,
    seasonal: m > 1,
    // As R: a mean when d + D = 0, a drift when d + D = 1. On the Fourier route the search runs on zero-mean
    // residuals: the final fit gets the intercept when d = 0, and a drift only when the search chose one.
    allowConstant:
      plan.d + plan.D === 0
        ? plan.strategy === 'sarima'
        : plan.d + plan.D === 1 && (options.allowDrift ?? true) && (plan.strategy === 'sarima' || plan.d === 1),
  };
}

function specFor(o: SearchOrder, plan: Plan): SarimaSpec {
  return {
    order: { p: o.p, d: plan.d, q: o.q },
    seasonal: { P: o.P, D: plan.D, Q: o.Q, period: plan.period },
    includeMean: o.constant && plan.d + plan.D === 0,
    includeDrift: o.constant && plan.d + plan.D === 1,
    fourier: plan.fourier,
  };
}

const FACTOR_NAMES: Record<Factor, string> = { ar: 'AR', ma: 'MA', sar: 'seasonal AR', sma: 'seasonal MA' };

function tryFit(
  y: ArrayLike<number>,
  spec: SarimaSpec,
  method: NonNullable<FitOptions['method']>,
  screening: boolean
): { candidate: AutoCandidate; model?: SarimaFit; nearUnitRoot?: Factor } {
  try {
    // Ranking needs no filter state: only the model kept gets one (attachFilterState).
    const model = fitWithoutState(y, spec, { method });
    const root = smallestRoot(model);
    if (root.modulus < 1.01) {
      const error = `rejected: a ${FACTOR_NAMES[root.factor]} root has modulus ${root.modulus.toFixed(4)} < 1.01 (near the unit circle)`;
      return { candidate: { spec, aicc: null, method, error }, nearUnitRoot: root.factor };
    }
    const aicc = screening ? screeningAicc(model) : model.aicc;
    return { candidate: { spec, aicc, method }, model };
  } catch (e) {
    const error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return { candidate: { spec, aicc: null, method, error } };
  }
}

/**
 * R's approximate criterion for CSS fits: n*·log σ² + 2k + 2k(k+1)/(n* − k − 1), k = coefficients + 1,
 * n* = observations after differencing (R adds a constant offset, irrelevant for ranking).
 */
function screeningAicc(model: SarimaFit): number {
  const k = model.nParams + 1;
  const n = model.nObs;
  const aicc = n * Math.log(model.sigma2) + 2 * k + (2 * k * (k + 1)) / (n - k - 1);
  return Number.isFinite(aicc) && n - k - 1 > 0 ? aicc : Infinity;
}

type Factor = 'ar' | 'ma' | 'sar' | 'sma';

/**
 * The polynomial factor with the smallest root modulus and that modulus, checked factor by factor: a root w
 * of the seasonal polynomial Φ(B^m) corresponds to roots of modulus |w|^(1/m) in B.
 */
function smallestRoot(model: SarimaFit): { factor: Factor; modulus: number } {
  const m = model.spec.seasonal.period;
  const parts: Array<[Factor, number, number]> = [
    ['ar', -1, 1],
    ['ma', 1, 1],
    ['sar', -1, m],
    ['sma', 1, m],
  ];
  let smallest: { factor: Factor; modulus: number } = { factor: 'ar', modulus: Infinity };
  for (const [factor, sign, power] of parts) {
    const coefficients = model.coefficients[factor];
    if (coefficients.length === 0 || coefficients.every((c) => c === 0)) {
      continue;
    }
    const roots = polynomialRoots([1, ...coefficients.map((c) => sign * c)]);
    const modulus = Math.min(...roots.map((r) => Math.hypot(r.re, r.im) ** (1 / power)));
    if (modulus < smallest.modulus) {
      smallest = { factor, modulus };
    }
  }
  return smallest;
}

function rank(candidates: AutoCandidate[]): AutoCandidate[] {
  return [...candidates].sort((a, b) => (a.aicc ?? Infinity) - (b.aicc ?? Infinity));
}

function bestFit(ranked: AutoCandidate[], fits: Map<string, SarimaFit>, y: ArrayLike<number>): SarimaModel | undefined {
  const best = ranked.find((c) => c.aicc !== null);
  const fit = best ? fits.get(JSON.stringify(best.spec)) : undefined;
  return fit && attachFilterState(y, fit);
}

/**
 * As R: refit screened orders best first with the full method until one fits, but at most `maxRefits` (R
 * has no cap; a full ML fit of a long seasonal series costs seconds), skipping orders with an MA or seasonal
 * MA part once a refit was rejected for a unit root in that part. On the Fourier route the refit adds the
 * Fourier regressors and an intercept when d = 0.
 */
function refitBest(
  y: ArrayLike<number>,
  ranked: AutoCandidate[],
  method: NonNullable<FitOptions['method']>,
  refits: AutoCandidate[],
  plan: Plan,
  maxRefits: number
): SarimaModel | undefined {
  // An MA part that the full fit pushes onto the unit circle (over-differencing, deterministic seasonality)
  // does so for the other orders with that part too: skip them instead of paying a full fit each.
  let skipMa = false;
  let skipSma = false;
  for (const candidate of ranked.filter((c) => c.aicc !== null)) {
    const { order, seasonal } = candidate.spec;
    if (refits.length >= maxRefits || (skipMa && order.q > 0) || (skipSma && seasonal.Q > 0)) {
      continue;
    }
    const spec = plan.strategy === 'fourier' ? { ...candidate.spec, includeMean: plan.d === 0 } : candidate.spec;
    const outcome = tryFit(y, spec, method, false);
    refits.push(outcome.candidate);
    if (outcome.model) {
      return attachFilterState(y, outcome.model);
    }
    skipMa = skipMa || outcome.nearUnitRoot === 'ma';
    skipSma = skipSma || outcome.nearUnitRoot === 'sma';
  }
  return undefined;
}
