import { aggregateSeries } from './aggregate';
import { MINUTE_MS } from '../timeUnits';

describe('aggregateSeries', () => {
  it('should label each bucket by its completion time and drop the incomplete tail', () => {
    // 5-minute slots from 00:50: slots 00:50, 00:55, 01:00 | 01:05 … 02:00 | 02:05. The first aligned slot is
    // 01:00 (index 2), so buckets end at indices 2 and 14; index 26 does not exist, so 02:05 is dropped.
    const values = Array.from({ length: 16 }, (_, i) => i);
    const a = aggregateSeries({ startMs: 50 * MINUTE_MS, stepMs: 5 * MINUTE_MS, values, repairs: [] }, 60 * MINUTE_MS);
    expect(a.factor).toBe(12);
    expect(a.endIndex).toEqual([2, 14]);
    expect(a.series.startMs).toBe(60 * MINUTE_MS);
    expect(a.series.stepMs).toBe(60 * MINUTE_MS);
    // Bucket 1 has only slots 0..2 (3 of 12 < half) → NaN; bucket 2 = mean(3..14) = 8.5.
    expect(a.series.values[0]).toBeNaN();
    expect(a.series.values[1]).toBe(8.5);
  });

  it('should average the finite values when at least half the usual count is present', () => {
    // Factor 4 from an aligned start: the first bucket is slot 0 alone, a head bucket judged against a full
    // bucket (1 of 4 → NaN); slots 1..4 = [NaN, 2, 4, NaN] have 2 (usual 2) → mean 3; slots 5..8 =
    // [NaN, NaN, NaN, 1] have 1, half the usual median(2, 1) = 1.5 or more → 1.
    const values = [1, NaN, 2, 4, NaN, NaN, NaN, NaN, 1];
    const a = aggregateSeries({ startMs: 0, stepMs: MINUTE_MS, values, repairs: [] }, 4 * MINUTE_MS);
    expect(a.endIndex).toEqual([0, 4, 8]);
    expect(a.series.values).toEqual([NaN, 3, 1]);
  });

  it('should keep the means of a sparse sensor and drop a bucket far below its usual count', () => {
    // Factor 6, one sample in two slots (3 a bucket), then a bucket with one sample: 1 < 3 / 2 → NaN.
    const values = [...[1, NaN, 1, NaN, 1, NaN], ...[2, NaN, 2, NaN, 2, NaN], ...[5, NaN, NaN, NaN, NaN, NaN]];
    const a = aggregateSeries({ startMs: MINUTE_MS, stepMs: MINUTE_MS, values, repairs: [] }, 6 * MINUTE_MS);
    expect(a.series.values).toEqual([1, 2, NaN]);
  });

  it('should return the input when the bucket is not coarser than the step', () => {
    const input = { startMs: 0, stepMs: 60 * MINUTE_MS, values: [1, 2], repairs: [] };
    expect(aggregateSeries(input, 60 * MINUTE_MS).series).toBe(input);
  });

  it('should reject a bucket that is not a whole multiple of the step', () => {
    expect(() =>
      aggregateSeries({ startMs: 0, stepMs: 7 * MINUTE_MS, values: [1], repairs: [] }, 60 * MINUTE_MS)
    ).toThrow('bucket 3600000 ms is not a whole multiple of the step 420000 ms');
  });
});
