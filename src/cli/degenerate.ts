/**
 * Explains model failures on nearly constant series: a series that holds one value except at a few points
 * (a constant with a spike) has a flat or singular likelihood for most orders, which the engine reports as a
 * ConvergenceError or ConstantSeriesError without saying why.
 */
import { ModelError } from '../model/errors';

/** Points off the constant value still counted as "nearly constant": 1 %, at least one point. */
const OFF_SHARE = 0.01;

/**
 * A hint naming the constant and the points off it, or undefined when the series is not nearly constant.
 * @param values grid values, NaN = missing
 */
export function nearlyConstantHint(values: readonly number[]): string | undefined {
  const counts = new Map<number, number>();
  let finite = 0;
  for (const v of values) {
    if (Number.isFinite(v)) {
      finite++;
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
  }
  let mode = NaN;
  let modeCount = 0;
  counts.forEach((count, value) => {
    if (count > modeCount) {
      mode = value;
      modeCount = count;
    }
  });
  const off = finite - modeCount;
  if (finite === 0 || off > Math.max(1, Math.floor(OFF_SHARE * finite))) {
    return undefined;
  }
  const first = values.findIndex((v) => Number.isFinite(v) && v !== mode);
  const where = off > 0 ? ` except ${off} of ${finite} points (first at grid index ${first})` : '';
  return (
    `the series is constant at ${mode}${where}, so this model has no well-defined fit; ` +
    '`auto` falls back to a mean model, or remove the outlying points'
  );
}

/** Runs `fit`, appending the hint to a ModelError's message when the series is nearly constant. */
export function explainDegenerate<T>(values: readonly number[], fit: () => T): T {
  try {
    return fit();
  } catch (error) {
    const hint = error instanceof ModelError ? nearlyConstantHint(values) : undefined;
    if (error instanceof ModelError && hint) {
      error.message = `${error.message}; ${hint}`;
    }
    throw error;
  }
}
