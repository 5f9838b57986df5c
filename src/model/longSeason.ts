/**
 * Long and multiple seasons: dynamic harmonic regression (Fourier terms as regressors with ARIMA errors;
 * Hyndman & Athanasopoulos, "Forecasting: Principles and Practice", 3rd ed., §12.1 and §10.5; R
 * `forecast::fourier` with `auto.arima(xreg = …, seasonal = FALSE)`).
 *
 * When (rule used by `autoSarima`):
 * - one season with m ≤ 48 → seasonal ARIMA, SARIMA(p,d,q)(P,D,Q)[m];
 * - one season with m > 48 (e.g. 288 five-minute steps a day), or two seasons (daily + weekly) → Fourier
 *   terms for every season and non-seasonal ARIMA errors. A seasonal AR/MA polynomial of degree m·P makes
 *   the state dimension and the cost grow with m, while K Fourier pairs cost 2K regressors whatever m is.
 *
 * How many harmonics: for each season in ascending order, K is chosen from 1..6 (K < m/2, and at most 8 for all
 * seasons together, see MAX_TOTAL_HARMONICS) by the AICc of a least-squares regression of y on an intercept,
 * a linear trend and the Fourier terms (earlier seasons at their chosen K), after quasi-differencing with the
 * lag-one autocorrelation of the widest regression's residuals (Cochrane–Orcutt), since autocorrelated
 * errors make plain least-squares AICc add spurious harmonics. This screens K in a few cross-product passes;
 * the ARIMA errors are then chosen for that K. For a season that is a multiple of a
 * shorter one (weekly = 7 × daily), K stays below the ratio (< 7): higher weekly harmonics coincide with
 * daily ones and would be collinear.
 */
import { buildGram, regressionAicc, subsetFit, subsetRss } from './stats/gram';
import { FourierTerm } from './types';

/** Longest season fitted as seasonal ARIMA; longer seasons use Fourier terms. */
export const MAX_SARIMA_PERIOD = 48;

/** Candidate numbers of harmonics per season. */
export const HARMONIC_GRID = [1, 2, 3, 4, 5, 6];

/**
 * Default cap on the harmonics of all seasons together (16 regressors). The fit concentrates the regression
 * coefficients out of the likelihood (`sarima/gls.ts`), so more harmonics no longer multiply the optimiser's
 * work; the cap stays as the limit the automatic choice was evaluated with.
 */
export const MAX_TOTAL_HARMONICS = 8;

/** Seasonal ARIMA or regression on Fourier terms with ARIMA errors (rule in the module comment). */
export type SeasonStrategy = 'sarima' | 'fourier';

/**
 * Chooses the strategy for the detected seasons (ascending periods, [] = none).
 * @param maxSarimaPeriod longest period fitted as seasonal ARIMA [48]
 */
export function seasonStrategy(periods: number[], maxSarimaPeriod = MAX_SARIMA_PERIOD): SeasonStrategy {
  if (periods.length >= 2) {
    return 'fourier';
  }
  return periods.length === 1 && periods[0] > maxSarimaPeriod ? 'fourier' : 'sarima';
}

/** Largest K allowed for `period` given the shorter seasons before it (rule in the module comment). */
export function maxHarmonics(period: number, shorter: number[]): number {
  let limit = Math.ceil(period / 2) - 1;
  for (const s of shorter) {
    const ratio = period / s;
    if (Math.abs(ratio - Math.round(ratio)) < 1e-9) {
      limit = Math.min(limit, Math.round(ratio) - 1);
    }
  }
  return limit;
}

/**
 * Chooses the number of harmonics for each period by regression AICc (module comment), in ascending period
 * order. Seasons whose every K is collinear, too long for the data or beyond the budget are dropped.
 *
 * @param y series on a regular grid, NaN = missing
 * @param periods season lengths in steps
 * @param maxTotalHarmonics cap on ΣK over all seasons [MAX_TOTAL_HARMONICS]
 */
export function selectFourierTerms(
  y: ArrayLike<number>,
  periods: number[],
  maxTotalHarmonics = MAX_TOTAL_HARMONICS
): FourierTerm[] {
  const sorted = [...periods].sort((a, b) => a - b);
  const layout = sorted.map((period, i) => {
    const allowed = HARMONIC_GRID.filter((k) => k <= maxHarmonics(period, sorted.slice(0, i)));
    return { period, maxK: allowed[allowed.length - 1] ?? 0, allowed };
  });
  // Column layout: intercept, trend, then sin/cos pairs of every season up to its largest allowed K.
  const offsets: number[] = [];
  let columns = 2;
  for (const s of layout) {
    offsets.push(columns);
    columns += 2 * s.maxK;
  }
  const row = (t: number, out: Float64Array) => {
    out[0] = 1;
    out[1] = t / Math.max(1, y.length);
    layout.forEach((s, i) => {
      for (let k = 1; k <= s.maxK; k++) {
        const angle = (2 * Math.PI * k * t) / s.period;
        out[offsets[i] + 2 * k - 2] = Math.sin(angle);
        out[offsets[i] + 2 * k - 1] = Math.cos(angle);
      }
    });
  };
  const rho = residualLagOne(y, columns, row);
  const gram = buildGram(quasiDifference(y, rho), columns, quasiDifferenced(row, columns, rho));
  const chosen: number[] = [0, 1];
  const terms: FourierTerm[] = [];
  let budget = maxTotalHarmonics;
  layout.forEach((s, i) => {
    let best = { k: 0, aicc: Infinity };
    for (const k of s.allowed.filter((k) => k <= budget)) {
      const cols = [...chosen, ...Array.from({ length: 2 * k }, (_, j) => offsets[i] + j)];
      const rss = subsetRss(gram, cols);
      const aicc = rss === undefined ? Infinity : regressionAicc(rss, gram.n, cols.length);
      if (aicc < best.aicc) {
        best = { k, aicc };
      }
    }
    if (best.k > 0) {
      budget -= best.k;
      terms.push({ period: s.period, harmonics: best.k });
      chosen.push(...Array.from({ length: 2 * best.k }, (_, j) => offsets[i] + j));
    }
  });
  return terms;
}

/**
 * Residuals of the least-squares regression of y on an intercept and the Fourier terms (NaN stays NaN), as
 * R `residuals(lm(y ~ fourier(y, K)))`, the series `auto.arima` tests for unit roots when given regressors.
 */
export function fourierResiduals(y: ArrayLike<number>, terms: FourierTerm[]): number[] {
  const columns = 1 + terms.reduce((sum, term) => sum + 2 * term.harmonics, 0);
  const row = (t: number, out: Float64Array | number[]) => {
    out[0] = 1;
    let col = 1;
    for (const term of terms) {
      for (let k = 1; k <= term.harmonics; k++) {
        const angle = (2 * Math.PI * k * t) / term.period;
        out[col++] = Math.sin(angle);
        out[col++] = Math.cos(angle);
      }
    }
  };
  const fit = subsetFit(
    buildGram(y, columns, row),
    Array.from({ length: columns }, (_, i) => i)
  );
  const x = new Array<number>(columns).fill(0);
  return Array.from({ length: y.length }, (_, t) => {
    if (!fit) {
      return y[t];
    }
    row(t, x);
    return y[t] - x.reduce((sum, v, i) => sum + v * fit.beta[i], 0);
  });
}

/**
 * Lag-one autocorrelation of the residuals of the widest regression, clamped to [0, 0.99]. Autocorrelated
 * errors make ordinary-least-squares AICc add spurious low harmonics, so the choice of K is made on the
 * quasi-differenced series y_t − ρ·y_{t−1} (Cochrane & Orcutt, J. American Statistical Association 44, 1949),
 * whose errors are closer to white.
 */
function residualLagOne(y: ArrayLike<number>, columns: number, row: (t: number, out: Float64Array) => void) {
  const all = Array.from({ length: columns }, (_, i) => i);
  const fit = subsetFit(buildGram(y, columns, row), all);
  if (!fit) {
    return 0;
  }
  const x = new Float64Array(columns);
  const residual = Array.from({ length: y.length }, (_, t) => {
    row(t, x);
    return y[t] - x.reduce((sum, v, i) => sum + v * fit.beta[i], 0);
  });
  let cross = 0;
  let squares = 0;
  for (let t = 1; t < residual.length; t++) {
    if (!Number.isNaN(residual[t]) && !Number.isNaN(residual[t - 1])) {
      cross += residual[t] * residual[t - 1];
      squares += residual[t - 1] * residual[t - 1];
    }
  }
  return squares > 0 ? Math.min(0.99, Math.max(0, cross / squares)) : 0;
}

/** y_t − ρ·y_{t−1}, NaN at t = 0 and next to missing values. */
function quasiDifference(y: ArrayLike<number>, rho: number): number[] {
  return Array.from({ length: y.length }, (_, t) => (t === 0 ? NaN : y[t] - rho * y[t - 1]));
}

/** The regressor row transformed like {@link quasiDifference}: x_t − ρ·x_{t−1}. */
function quasiDifferenced(row: (t: number, out: Float64Array) => void, columns: number, rho: number) {
  const previous = new Float64Array(columns);
  return (t: number, out: Float64Array) => {
    row(t - 1, previous);
    row(t, out);
    for (let i = 0; i < columns; i++) {
      out[i] -= rho * previous[i];
    }
  };
}
