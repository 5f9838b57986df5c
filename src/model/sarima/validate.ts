/** Input checks for SARIMA fits: orders, Fourier terms and series, each failing with a named error. */

import { InsufficientDataError, InvalidOrderError, InvalidSeriesError } from '../errors';
import { FourierTerm, SarimaSpec } from '../types';

/** Largest accepted non-seasonal AR or MA order. */
export const MAX_ORDER = 20;
/** Largest accepted seasonal AR or MA order. */
export const MAX_SEASONAL_ORDER = 4;
/** Largest accepted (seasonal) differencing order. */
export const MAX_DIFFERENCING = 2;
/** Largest accepted state dimension r + d + m·D; keeps memory (r² doubles) and time bounded. */
export const MAX_STATE_DIMENSION = 2000;

function checkCount(name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new InvalidOrderError(`${name} must be an integer in [0, ${max}], got ${value}`);
  }
}

/** The SARIMA label used in messages, e.g. "SARIMA(1,1,1)(1,1,1)[24]". */
export function describeSpec(spec: SarimaSpec): string {
  const { p, d, q } = spec.order;
  const { P, D, Q, period } = spec.seasonal;
  const seasonalPart = P + D + Q > 0 ? `(${P},${D},${Q})[${period}]` : '';
  return `SARIMA(${p},${d},${q})${seasonalPart}`;
}

/**
 * Validates and resolves a spec: includeMean becomes a boolean (default true when d + D = 0, always
 * false otherwise, as R `include.mean`), fourier becomes [] when absent, a seasonal part with all orders
 * zero gets period 1. Throws {@link InvalidOrderError}.
 */
export function resolveSpec(spec: SarimaSpec): Required<SarimaSpec> {
  const { p, d, q } = spec.order;
  const { P, D, Q } = spec.seasonal;
  checkCount('p', p, MAX_ORDER);
  checkCount('q', q, MAX_ORDER);
  checkCount('d', d, MAX_DIFFERENCING);
  checkCount('P', P, MAX_SEASONAL_ORDER);
  checkCount('Q', Q, MAX_SEASONAL_ORDER);
  checkCount('D', D, MAX_DIFFERENCING);
  const seasonalUsed = P + D + Q > 0;
  const period = spec.seasonal.period;
  if (seasonalUsed && (!Number.isInteger(period) || period < 2)) {
    throw new InvalidOrderError(`seasonal period must be an integer ≥ 2 when P, D or Q > 0, got ${period}`);
  }
  if (!seasonalUsed && !(Number.isInteger(period) && period >= 0)) {
    throw new InvalidOrderError(`seasonal period must be a non-negative integer, got ${period}`);
  }
  const m = seasonalUsed ? period : 1;
  const r = Math.max(p + m * P, q + m * Q + 1);
  const nd = d + m * D;
  if (r + nd > MAX_STATE_DIMENSION) {
    throw new InvalidOrderError(
      `state dimension ${r + nd} (r = ${r}, d + m·D = ${nd}) exceeds ${MAX_STATE_DIMENSION}; ` +
        'use Fourier terms for long seasons'
    );
  }
  const fourier = (spec.fourier ?? []).map((term) => checkFourier(term));
  const includeMean = d + (seasonalUsed ? D : 0) === 0 ? (spec.includeMean ?? true) : false;
  return {
    order: { p, d, q },
    seasonal: { P, D, Q, period: seasonalUsed ? period : Math.max(period, 1) },
    includeMean,
    fourier,
  };
}

function checkFourier(term: FourierTerm): FourierTerm {
  if (!(Number.isFinite(term.period) && term.period > 2)) {
    throw new InvalidOrderError(`Fourier period must be a finite number > 2, got ${term.period}`);
  }
  if (!Number.isInteger(term.harmonics) || term.harmonics < 1 || 2 * term.harmonics >= term.period) {
    throw new InvalidOrderError(
      `Fourier harmonics must be an integer in [1, period/2) = [1, ${term.period / 2}), got ${term.harmonics}`
    );
  }
  return { period: term.period, harmonics: term.harmonics };
}

/**
 * Checks the series: every value finite or NaN (missing), at least one present. Returns the count of
 * non-missing values. Throws {@link InvalidSeriesError}.
 */
export function checkSeries(y: ArrayLike<number>): number {
  let present = 0;
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (typeof v !== 'number') {
      throw new InvalidSeriesError(`value at index ${i} is not a number`);
    }
    if (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY) {
      throw new InvalidSeriesError(`value at index ${i} is ${v}; only finite values or NaN (missing) are allowed`);
    }
    if (!Number.isNaN(v)) {
      present++;
    }
  }
  if (present === 0) {
    throw new InvalidSeriesError(`all ${y.length} values are missing`);
  }
  return present;
}

/**
 * Minimum number of non-missing points to fit `spec` with `nParams` coefficients: enough for one CSS
 * residual (d + m·D + p + m·P + 1, R's n.cond + 1) and for AICc to be defined (nObs ≥ nParams + 3).
 */
export function minimumLength(spec: Required<SarimaSpec>, nParams: number): number {
  const { p, d } = spec.order;
  const { P, D, period } = spec.seasonal;
  const nd = d + period * D;
  return Math.max(nd + p + period * P + 1, nd + nParams + 3);
}

/** Throws {@link InsufficientDataError} when fewer than {@link minimumLength} points are present. */
export function checkLength(spec: Required<SarimaSpec>, nParams: number, present: number): void {
  const need = minimumLength(spec, nParams);
  if (present < need) {
    throw new InsufficientDataError(`need ≥ ${need} points for ${describeSpec(spec)}, got ${present}`);
  }
}
