/**
 * Gap filling for the descriptive statistics (ACF, decomposition, KPSS) that need a complete series. Model
 * fitting never uses it: the Kalman filter skips missing values exactly.
 */

/** A series with its leading and trailing missing values removed and interior gaps filled. */
export interface FilledSeries {
  values: number[];
  /** Index in the input of `values[0]`. */
  offset: number;
  /** Number of interior values that were filled. */
  filled: number;
}

/**
 * Trims leading and trailing NaN and fills interior NaN by linear interpolation between the neighbouring
 * values, as R `zoo::na.approx` (rule = 1) does. Returns an empty series when every value is NaN.
 */
export function interpolateMissing(values: ArrayLike<number>): FilledSeries {
  let first = 0;
  while (first < values.length && Number.isNaN(values[first])) {
    first++;
  }
  let last = values.length - 1;
  while (last >= first && Number.isNaN(values[last])) {
    last--;
  }
  const out: number[] = [];
  let filled = 0;
  let previous = first;
  for (let i = first; i <= last; i++) {
    if (!Number.isNaN(values[i])) {
      for (let j = previous + 1; j < i; j++) {
        const w = (j - previous) / (i - previous);
        out.push(values[previous] * (1 - w) + values[i] * w);
        filled++;
      }
      out.push(values[i]);
      previous = i;
    }
  }
  return { values: out, offset: first, filled };
}

/** Finite values of a series in order, as R `na.omit()`. */
export function dropMissing(values: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    if (!Number.isNaN(values[i])) {
      out.push(values[i]);
    }
  }
  return out;
}

/** Lag-`lag` differences x[t] − x[t−lag] (NaN propagates), as R `diff(x, lag)`. */
export function difference(values: ArrayLike<number>, lag = 1): number[] {
  const out: number[] = [];
  for (let i = lag; i < values.length; i++) {
    out.push(values[i] - values[i - lag]);
  }
  return out;
}

/** True when all finite values are equal (or there are none), as R `forecast::is.constant`. */
export function isConstant(values: ArrayLike<number>): boolean {
  let seen = NaN;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) {
      continue;
    }
    if (Number.isNaN(seen)) {
      seen = v;
    } else if (v !== seen) {
      return false;
    }
  }
  return true;
}
