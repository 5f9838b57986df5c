import { ConstantSeriesError, InsufficientDataError, InvalidSeriesError } from './errors';
import { formatTimeMs, gridTimesMs, inferStepMs, prepareSeries } from './series';
import { MINUTE_MS } from './timeUnits';

const T0 = Date.UTC(2024, 0, 1);

describe('prepareSeries', () => {
  it('should keep a regular series unchanged with no repairs', () => {
    const s = prepareSeries([T0, T0 + MINUTE_MS, T0 + 2 * MINUTE_MS], [1, 2, 4]);
    expect(s).toEqual({ startMs: T0, stepMs: MINUTE_MS, values: [1, 2, 4], repairs: [] });
  });

  it('should fill missing slots with NaN and report the gap when a point is absent', () => {
    const s = prepareSeries([T0, T0 + MINUTE_MS, T0 + 4 * MINUTE_MS, T0 + 5 * MINUTE_MS], [1, 2, 3, 4]);
    expect(s.values).toEqual([1, 2, NaN, NaN, 3, 4]);
    expect(s.repairs).toEqual([expect.objectContaining({ kind: 'gaps', count: 2 })]);
    expect(s.repairs[0].message).toContain('longest run 2');
  });

  it('should sort unsorted timestamps and report how many were out of order', () => {
    const s = prepareSeries([T0 + 2 * MINUTE_MS, T0, T0 + MINUTE_MS], [3, 1, 2]);
    expect(s.values).toEqual([1, 2, 3]);
    expect(s.repairs).toEqual([expect.objectContaining({ kind: 'sorted', count: 1 })]);
  });

  it('should keep the last sample of a duplicate timestamp and report the count', () => {
    const s = prepareSeries([T0, T0 + MINUTE_MS, T0 + MINUTE_MS, T0 + 2 * MINUTE_MS], [1, 2, 5, 3]);
    expect(s.values).toEqual([1, 5, 3]);
    expect(s.repairs).toEqual([expect.objectContaining({ kind: 'duplicates', count: 1 })]);
    expect(s.repairs[0].message).toContain(formatTimeMs(T0 + MINUTE_MS));
  });

  it('should keep the last duplicate in input order even when sorting was needed', () => {
    const s = prepareSeries([T0 + MINUTE_MS, T0, T0 + 2 * MINUTE_MS, T0 + MINUTE_MS], [7, 1, 3, 9]);
    expect(s.values).toEqual([1, 9, 3]);
  });

  it('should snap jittered timestamps to the nearest slot when the step is inferred', () => {
    const s = prepareSeries([T0, T0 + MINUTE_MS + 900, T0 + 2 * MINUTE_MS - 400, T0 + 3 * MINUTE_MS], [1, 2, 3, 4]);
    expect(s.stepMs).toBe(MINUTE_MS);
    expect(s.values).toEqual([1, 2, 3, 4]);
    expect(s.repairs).toEqual([expect.objectContaining({ kind: 'snapped', count: 2 })]);
    expect(s.repairs[0].message).toContain('900 ms');
  });

  it('should keep the sample nearest the slot when two land in one slot', () => {
    const s = prepareSeries([T0, T0 + MINUTE_MS - 20_000, T0 + MINUTE_MS + 5_000, T0 + 2 * MINUTE_MS], [1, 8, 2, 3], {
      stepMs: MINUTE_MS,
    });
    expect(s.values).toEqual([1, 2, 3]);
    expect(s.repairs.map((r) => r.kind)).toEqual(['snapped', 'collisions']);
  });

  it('should prefer a finite value over NaN in a collision even when the NaN is nearer', () => {
    const s = prepareSeries([T0, T0 + MINUTE_MS, T0 + MINUTE_MS + 10_000, T0 + 2 * MINUTE_MS], [1, NaN, 2, 3], {
      stepMs: MINUTE_MS,
    });
    expect(s.values).toEqual([1, 2, 3]);
  });

  it('should treat NaN as missing and report it', () => {
    const s = prepareSeries([T0, T0 + MINUTE_MS, T0 + 2 * MINUTE_MS, T0 + 3 * MINUTE_MS], [1, NaN, 3, 4]);
    expect(s.values).toEqual([1, NaN, 3, 4]);
    expect(s.repairs).toEqual([expect.objectContaining({ kind: 'missingValues', count: 1 })]);
  });

  it('should treat +Inf and -Inf as missing like NaN and report the counts by kind', () => {
    const times = [T0, T0 + MINUTE_MS, T0 + 2 * MINUTE_MS, T0 + 3 * MINUTE_MS, T0 + 4 * MINUTE_MS, T0 + 5 * MINUTE_MS];
    const s = prepareSeries(times, [1, -Infinity, 3, NaN, Infinity, 6]);
    expect(s.values).toEqual([1, NaN, 3, NaN, NaN, 6]);
    expect(s.repairs).toEqual([
      {
        kind: 'missingValues',
        count: 3,
        message: `3 non-finite value(s) treated as missing (1 NaN or empty, 1 +Inf, 1 -Inf; first at ${formatTimeMs(T0 + MINUTE_MS)})`,
      },
    ]);
  });

  it('should give the same series for +Inf as for NaN, so every caller answers alike', () => {
    const times = [T0, T0 + MINUTE_MS, T0 + 2 * MINUTE_MS, T0 + 3 * MINUTE_MS];
    expect(prepareSeries(times, [1, Infinity, 3, 4]).values).toEqual(prepareSeries(times, [1, NaN, 3, 4]).values);
  });

  it('should reject values whose squares overflow, naming the value, its time and a rescaling', () => {
    expect(() => prepareSeries([T0, T0 + MINUTE_MS, T0 + 2 * MINUTE_MS], [1e300, 2e300, 3e300])).toThrow(
      new InvalidSeriesError(
        `value 3e+300 at index 2 (${formatTimeMs(T0 + 2 * MINUTE_MS)}) is too large: |values| must be ≤ 1e+150 ` +
          'because squares of larger values overflow double precision; rescale the series (e.g. divide by 1e298)'
      )
    );
  });

  it('should throw when a timestamp is not finite', () => {
    expect(() => prepareSeries([T0, NaN], [1, 2])).toThrow(/timestamp at index 1 is not finite/);
  });

  it('should throw when the lengths differ', () => {
    expect(() => prepareSeries([T0, T0 + MINUTE_MS], [1])).toThrow(InvalidSeriesError);
  });

  it('should throw InsufficientDataError when too few values are finite', () => {
    expect(() => prepareSeries([T0, T0 + MINUTE_MS, T0 + 2 * MINUTE_MS], [1, NaN, 2])).toThrow(
      new InsufficientDataError('need ≥ 3 non-missing points, got 2')
    );
  });

  it('should throw ConstantSeriesError for a constant series unless allowed', () => {
    const times = [T0, T0 + MINUTE_MS, T0 + 2 * MINUTE_MS];
    expect(() => prepareSeries(times, [5, 5, 5])).toThrow(ConstantSeriesError);
    expect(prepareSeries(times, [5, 5, 5], { allowConstant: true }).values).toEqual([5, 5, 5]);
  });

  it('should throw when the given step makes the grid too large', () => {
    expect(() =>
      prepareSeries([T0, T0 + MINUTE_MS, T0 + 2 * MINUTE_MS], [1, 2, 3], { stepMs: 1, maxSlots: 1000 })
    ).toThrow(/gives 120001 slots, more than 1000/);
  });

  it('should reject a non-positive step', () => {
    expect(() => prepareSeries([T0, T0 + MINUTE_MS, T0 + 2 * MINUTE_MS], [1, 2, 3], { stepMs: 0 })).toThrow(/positive/);
  });
});

describe('inferStepMs', () => {
  it('should return the median spacing so that gaps do not change it', () => {
    expect(inferStepMs([0, 10, 20, 50, 60, 70])).toBe(10);
  });

  it('should throw with fewer than two timestamps', () => {
    expect(() => inferStepMs([5])).toThrow(InsufficientDataError);
  });
});

describe('gridTimesMs', () => {
  it('should continue the grid from a slot index', () => {
    expect(gridTimesMs({ startMs: 1000, stepMs: 10 }, 3, 2)).toEqual([1030, 1040]);
  });
});

describe('formatTimeMs', () => {
  it('should fall back to the number when the time is out of range', () => {
    expect(formatTimeMs(1e20)).toBe('100000000000000000000');
    expect(formatTimeMs(0)).toBe('1970-01-01T00:00:00.000Z');
  });
});
