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
 * false otherwise, as R `include.mean`), includeDrift a boolean (false when d + D > 1, as R `Arima`), fourier becomes [] when absent, a seasonal part with all orders
 * zero gets period 1. Throws {@link InvalidOrderError}.
 */
export function resolveSpec(spec: SarimaSpec): Required<SarimaSpec> {
  checkParts(spec);
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
  const includeDrift = d + (seasonalUsed ? D : 0) <= 1 ? (spec.includeDrift ?? false) : false;
  return {
    order: { p, d, q },
    seasonal: { P, D, Q, period: seasonalUsed ? period : Math.max(period, 1) },
    includeMean,
    includeDrift,
    fourier,
  };
}

/** JavaScript and JSON callers can leave out a part of the spec; name it rather than fail on a property read. */
function checkParts(spec: SarimaSpec): void {
  if (typeof spec !== 'object' || spec === null) {
    throw new InvalidOrderError(`spec must be an object with order and seasonal, got ${String(spec)}`);
  }
  const shapes = { order: '{ p, d, q }', seasonal: '{ P, D, Q, period } (all 0 and period 1 for none)' };
  for (const part of ['order', 'seasonal'] as const) {
    const value: unknown = spec[part];
    if (typeof value !== 'object' || value === null) {
      throw new InvalidOrderError(`spec.${part} is missing (got ${String(value)}): give ${shapes[part]}`);
    }
  }
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
 * Minimum number of non-missing points to fit `spec` with `nParams` coefficients: the d + m·D values that
 * differencing consumes, plus enough differenced observations (R's n.used)
 * - to span the longest ARMA lag, max(p + m·P, q + m·Q) + 1: with fewer, no two differenced observations
 *   lie that far apart, so the coefficient at that lag is not identified (the likelihood is flat in it and
 *   the Hessian singular; R 4 `arima` on 30 to 45 hourly points of an airline model returns the seasonal MA
 *   coefficient with a standard error of 7 to 14, and 0.8 from 51 points). This also covers R's CSS
 *   condition n.used > p + m·P;
 * - for AICc to be defined: n.used ≥ nParams + 3 (`forecast::Arima`).
 *
 * Example: SARIMA(0,1,1)(0,1,1)[24] needs 25 + max(26, 5) = 51 points.
 */
export function minimumLength(spec: Required<SarimaSpec>, nParams: number): number {
  return differencingLoss(spec) + minimumUsed(spec, nParams);
}

function differencingLoss(spec: Required<SarimaSpec>): number {
  return spec.order.d + spec.seasonal.period * spec.seasonal.D;
}

function longestLag(spec: Required<SarimaSpec>): number {
  const { p, q } = spec.order;
  const { P, Q, period } = spec.seasonal;
  return Math.max(p + period * P, q + period * Q);
}

function minimumUsed(spec: Required<SarimaSpec>, nParams: number): number {
  return Math.max(longestLag(spec) + 1, nParams + 3);
}

/**
 * Throws {@link InsufficientDataError} when fewer than {@link minimumLength} points are present. The message
 * keeps the form "need ≥ N points for SARIMA…, got M" and adds how N splits and, when `length` (the series
 * length) exceeds `present`, how many values are missing.
 */
export function checkLength(spec: Required<SarimaSpec>, nParams: number, present: number, length = present): void {
  const loss = differencingLoss(spec);
  const used = minimumUsed(spec, nParams);
  if (present < loss + used) {
    throw new InsufficientDataError(
      `need ≥ ${loss + used} points for ${describeSpec(spec)}, got ${present}${missingPart(present, length)}: ` +
        `differencing consumes ${loss}, and the differenced series needs ≥ ${used} to span the longest lag ` +
        `(${longestLag(spec)}) and estimate ${nParams} coefficients`
    );
  }
}

/**
 * Throws {@link InsufficientDataError} when fewer than `need` values of the differenced series are complete
 * (a difference is missing when any value it combines is): e.g. one value in 10 with d = D = 1 leaves none.
 * `present` and `length` only feed the message.
 */
export function checkCompleteDifferences(
  spec: Required<SarimaSpec>,
  complete: number,
  need: number,
  present: number,
  length: number
): void {
  if (complete < need) {
    throw new InsufficientDataError(
      `need ≥ ${need} complete differences for ${describeSpec(spec)}, got ${complete} ` +
        `(${present} of ${length} values present, ${missingPct(present, length)} % missing)`
    );
  }
}

/** " non-missing of 336 (89.9 % missing)", or "" when nothing is missing. */
function missingPart(present: number, length: number): string {
  return present >= length ? '' : ` non-missing of ${length} (${missingPct(present, length)} % missing)`;
}

function missingPct(present: number, length: number): string {
  return ((100 * (length - present)) / length).toFixed(1);
}
