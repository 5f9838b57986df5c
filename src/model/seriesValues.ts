/**
 * Sample values as every caller hands them to {@link prepareSeries} (browser worker, companion service, CLI):
 * one rule for non-finite samples and one bound on magnitude, so the same input gets the same answer
 * everywhere.
 */
import { InvalidSeriesError } from './errors';

/**
 * Largest |value| the engine accepts. The likelihood sums squares of (differenced) values: with |x| above
 * ~1.3e154 a square overflows IEEE 754 double precision (max ~1.8e308) to Infinity, and sums over up to 1e6
 * points need three more decades of headroom; 1e150 keeps every sum of squares finite.
 */
export const MAX_ABS_VALUE = 1e150;

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const MISSING_TEXT = new Set(['', 'nan', 'na', 'null']);
const INFINITY_TEXT: Record<string, number> = {
  inf: Infinity,
  '+inf': Infinity,
  infinity: Infinity,
  '+infinity': Infinity,
  '-inf': -Infinity,
  '-infinity': -Infinity,
};

/**
 * Reads a sample value written as text: decimal or scientific notation (`1.5e+09`), Prometheus' `+Inf`, `-Inf`
 * and `NaN` (Go's `strconv.FormatFloat`), and the empty/`NA`/`null` cells of CSV exports (NaN, missing).
 * Case-insensitive; surrounding blanks ignored. Undefined when the text is no number.
 */
export function parseSampleValue(text: string): number | undefined {
  const t = text.trim();
  const lower = t.toLowerCase();
  if (MISSING_TEXT.has(lower)) {
    return NaN;
  }
  if (lower in INFINITY_TEXT) {
    return INFINITY_TEXT[lower];
  }
  return DECIMAL.test(t) ? Number(t) : undefined;
}

/** Counts of the non-finite samples read as missing, by kind. */
export interface NonFiniteCounts {
  /** NaN (and `null` mapped to NaN by the caller): absent samples. */
  nan: number;
  positiveInfinity: number;
  negativeInfinity: number;
  total: number;
  /** Index of the first non-finite sample, -1 when none. */
  first: number;
}

/**
 * Counts non-finite samples. NaN, +Inf and −Inf are all read as missing: Prometheus writes `+Inf`/`-Inf`/`NaN`
 * for division by zero and empty histograms, and one such sample must not fail (or silently bend) a whole series.
 */
export function countNonFinite(values: ArrayLike<number>): NonFiniteCounts {
  const counts: NonFiniteCounts = { nan: 0, positiveInfinity: 0, negativeInfinity: 0, total: 0, first: -1 };
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      continue;
    }
    if (v === Infinity) {
      counts.positiveInfinity++;
    } else if (v === -Infinity) {
      counts.negativeInfinity++;
    } else {
      counts.nan++;
    }
    counts.total++;
    counts.first = counts.first < 0 ? i : counts.first;
  }
  return counts;
}

/** One line for the repair notice, e.g. "3 non-finite value(s) treated as missing (1 NaN, 2 +Inf)". */
export function describeNonFinite(counts: NonFiniteCounts, firstTime: string): string {
  const parts = [
    counts.nan > 0 ? `${counts.nan} NaN or empty` : '',
    counts.positiveInfinity > 0 ? `${counts.positiveInfinity} +Inf` : '',
    counts.negativeInfinity > 0 ? `${counts.negativeInfinity} -Inf` : '',
  ].filter((p) => p !== '');
  return `${counts.total} non-finite value(s) treated as missing (${parts.join(', ')}; first at ${firstTime})`;
}

/**
 * Rejects finite values too large for the engine.
 * @throws InvalidSeriesError naming the largest magnitude, its index and the limit
 */
export function checkMagnitude(values: ArrayLike<number>, describeIndex: (i: number) => string): void {
  let largest = 0;
  let at = -1;
  for (let i = 0; i < values.length; i++) {
    const size = Math.abs(values[i]);
    if (size > largest && Number.isFinite(size)) {
      largest = size;
      at = i;
    }
  }
  if (largest > MAX_ABS_VALUE) {
    throw new InvalidSeriesError(
      `value ${values[at]} at ${describeIndex(at)} is too large: |values| must be ≤ ${MAX_ABS_VALUE} because ` +
        `squares of larger values overflow double precision; rescale the series (e.g. divide by ` +
        `1e${Math.ceil(Math.log10(largest)) - 3})`
    );
  }
}
