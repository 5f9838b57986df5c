/**
 * Mapping of detector flags (on the model grid, possibly aggregated) back to the rows of the original file,
 * for NAB scoring.
 */
import { lowerBound } from '../lowerBound';

/**
 * For each flagged time, mark the first row whose timestamp is ≥ that time − `toleranceMs` (the input grid
 * snaps samples by up to half a step, see `prepareSeries`). A flag on a bucket labelled by its completion time
 * thus lands on the row that completed the bucket, or the first row after it when that row is missing: never
 * on a row earlier than the data that caused it. `rowTimesMs` must be sorted (duplicates allowed).
 */
export function flagRows(
  rowTimesMs: ArrayLike<number>,
  flaggedTimesMs: readonly number[],
  toleranceMs: number
): boolean[] {
  const flags = new Array<boolean>(rowTimesMs.length).fill(false);
  for (const t of flaggedTimesMs) {
    const lo = lowerBound(rowTimesMs, t - toleranceMs);
    if (lo < rowTimesMs.length) {
      flags[lo] = true;
    }
  }
  return flags;
}
