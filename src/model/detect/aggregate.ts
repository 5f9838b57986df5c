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
import { WEEK_MS } from '../timeUnits';
import { lowerBound } from '../lowerBound';

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
 * Mean of each bucket of `factor = bucketMs / stepMs` slots, NaN when the bucket holds fewer than half the
 * usual number of finite values (the median count of this and the previous buckets, up to a week of them;
 * at least one, and causal): a mean of a few samples
 * would be biased for metrics with a daily shape, yet a sensor that reports every 10 to 20 minutes on a
 * 5-minute grid still gets hourly means. Returns the input unchanged when `bucketMs ≤ stepMs`.
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
  const sums: number[] = [];
  const counts: number[] = [];
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
    sums.push(sum);
    counts.push(count);
    endIndex.push(end);
  }
  // A bucket that starts before the data (the head) is judged against a full bucket and kept out of the usual count.
  const head = first - factor + 1 < 0 ? 1 : 0;
  const usual = [factor, ...causalMedians(counts.slice(head), Math.max(1, Math.round(WEEK_MS / bucketMs)))];
  const values = sums.map((sum, k) => {
    const need = usual[k + 1 - head] / 2;
    return counts[k] > 0 && counts[k] >= need ? sum / counts[k] : NaN;
  });
  const series: RegularSeries = {
    startMs: input.startMs + first * input.stepMs,
    stepMs: factor * input.stepMs,
    values,
    repairs: input.repairs,
  };
  return { series, factor, endIndex };
}

/** Median of xs[k − span + 1 .. k] for every k (a sorted sliding window: O(span) per element). */
function causalMedians(xs: number[], span: number): number[] {
  const sorted: number[] = [];
  return xs.map((x, k) => {
    sorted.splice(lowerBound(sorted, x), 0, x);
    if (k >= span) {
      sorted.splice(lowerBound(sorted, xs[k - span]), 1);
    }
    const mid = sorted.length >> 1;
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  });
}
