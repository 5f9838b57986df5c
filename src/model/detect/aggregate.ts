/**
 * Causal aggregation of a regular series into coarser buckets (e.g. 5-minute samples → hourly means).
 *
 * A bucket is labelled by its completion time, as Prometheus `avg_over_time(x[1h])` evaluated at t covers
 * (t − 1h, t]: bucket ends are the grid slots whose time is a multiple of `bucketMs` since the epoch (or every
 * `bucketMs` from the first slot when no slot is aligned). A flag on a bucket therefore never precedes the
 * data that caused it. The incomplete bucket at the end of the data is dropped.
 */
import { StepMismatchError } from '../errors';
import type { RegularSeries } from '../series';

/** Result of {@link aggregateSeries}. */
export interface AggregatedSeries {
  /** Bucket means on a grid of step `bucketMs`, starting at the first bucket's completion time. */
  series: RegularSeries;
  /** Slots of the input grid per bucket (1 when the input was returned unchanged). */
  factor: number;
  /** For each bucket, the index of its last slot in the input grid. */
  endIndex: number[];
}

/**
 * Mean of each bucket of `factor = bucketMs / stepMs` slots, NaN when fewer than half the bucket's slots
 * hold a finite value (a mean of a few samples would be biased for metrics with a daily shape). Returns the
 * input unchanged when `bucketMs ≤ stepMs`.
 * @throws StepMismatchError when bucketMs is larger than the step but not a whole multiple of it
 */
export function aggregateSeries(input: RegularSeries, bucketMs: number): AggregatedSeries {
  if (!(bucketMs > input.stepMs)) {
    return { series: input, factor: 1, endIndex: input.values.map((_, i) => i) };
  }
  const factor = Math.round(bucketMs / input.stepMs);
  if (Math.abs(factor * input.stepMs - bucketMs) > 1e-6 * bucketMs) {
    throw new StepMismatchError(`bucket ${bucketMs} ms is not a whole multiple of the step ${input.stepMs} ms`);
  }
  let first = factor - 1;
  for (let i = 0; i < factor; i++) {
    if ((input.startMs + i * input.stepMs) % bucketMs === 0) {
      first = i;
      break;
    }
  }
  const values: number[] = [];
  const endIndex: number[] = [];
  for (let end = first; end < input.values.length; end += factor) {
    let sum = 0;
    let count = 0;
    for (let i = Math.max(0, end - factor + 1); i <= end; i++) {
      const v = input.values[i];
      if (Number.isFinite(v)) {
        sum += v;
        count++;
      }
    }
    values.push(2 * count >= factor ? sum / count : NaN);
    endIndex.push(end);
  }
  const series: RegularSeries = {
    startMs: input.startMs + first * input.stepMs,
    stepMs: factor * input.stepMs,
    values,
    repairs: input.repairs,
  };
  return { series, factor, endIndex };
}
