import { InvalidSeriesError } from './errors';
import {
  applyTransform,
  backTransform,
  floorNonNegative,
  floorPastNonNegative,
  resolveTransform,
} from './seriesTransform';

const band = (lower: number[], upper: number[]) => [{ levelPct: 95, lower, upper }];

describe('transform setting', () => {
  it('resolves none, log and a fixed λ, and rejects values the transform cannot take', () => {
    expect(resolveTransform([1, 2, 3], 'none', 1)).toEqual({ lambda: null, setting: 'none', nonNegative: true });
    expect(resolveTransform([1, 2, 3], 'log', 1).lambda).toBe(0);
    expect(resolveTransform([0, 2, 3], 0.5, 1).lambda).toBe(0.5);
    expect(() => resolveTransform([0, 2, 3], 'log', 1)).toThrow(
      new InvalidSeriesError('transform log needs values > 0; the smallest is 0')
    );
    expect(() => resolveTransform([-1, 2, 3], 0.5, 1)).toThrow(InvalidSeriesError);
  });

  it("'auto' leaves series with negative values untransformed and does not floor them", () => {
    const t = resolveTransform([-5, 2, 3, 8, -1, 4], 'auto', 2);
    expect(t).toEqual({ lambda: null, setting: 'auto', nonNegative: false });
  });

  it("'auto' picks a log-like λ for a series whose spread grows with its level", () => {
    // Blocks of 4 with sd proportional to the mean: Guerrero's criterion is flat at λ = 0.
    const y = [1, 2, 1, 2, 10, 20, 10, 20, 100, 200, 100, 200, 1000, 2000, 1000, 2000];
    const t = resolveTransform(y, 'auto', 4);
    expect(t.lambda).not.toBeNull();
    expect(t.lambda).toBeLessThan(0.05);
  });

  it('back-transforms means and bands and keeps a non-negative series at or above 0', () => {
    const t = resolveTransform([4, 9, 16], 0.5, 1);
    const w = applyTransform([4, 9], t);
    expect(w).toEqual([2, 4]);
    const out = backTransform({ mean: [2, -1.5], se: [0.5, 0.5], intervals: band([-3, -2.5], [4, 0]) }, t, false);
    expect(out.mean[0]).toBeCloseTo(4, 12);
    // w = −1.5 → (0.25)² = 0.0625; w ≤ −2 is below the range of the inverse → 0.
    expect(out.mean[1]).toBeCloseTo(0.0625, 12);
    expect(out.intervals[0].lower).toEqual([0, 0]);
    expect(out.intervals[0].upper[0]).toBeCloseTo(9, 12);
    // Delta method: se·y^(1−λ) = 0.5·√4.
    expect(out.se[0]).toBeCloseTo(1, 12);
  });

  it('floors an untransformed forecast of a non-negative series at 0', () => {
    const t = resolveTransform([0, 3, 5], 'none', 1);
    const out = backTransform({ mean: [-1], se: [2], intervals: band([-5], [3]) }, t, false);
    expect(out.mean).toEqual([0]);
    expect(out.intervals[0].lower).toEqual([0]);
  });

  it('floors the forecast of a model fitted without a transform only for a non-negative series', () => {
    const fc = { mean: [-1, 2], se: [1, 1], intervals: band([-3, 0], [1, 4]) };
    expect(floorNonNegative(fc, [0, 5, 2]).intervals[0].lower).toEqual([0, 0]);
    expect(floorNonNegative(fc, [0, 5, 2]).mean).toEqual([0, 2]);
    expect(floorNonNegative(fc, [-1, 5, 2])).toBe(fc);
  });

  it('floors past predictions and bands of a count series at 0 for display, keeping NaN and the input', () => {
    const past = {
      forecast: [-10, NaN, 2],
      bands: [
        { levelPct: 95, lower: [-40, NaN, 3], upper: [20, NaN, -1] },
        { levelPct: 99, lower: [-60, NaN, 1], upper: [35, NaN, 2] },
      ],
    };
    // NaN in the training values is missing, not negative (as for the forecast's floor).
    const shown = floorPastNonNegative(past, [0, NaN, 7, 2]);
    expect(shown.forecast).toEqual([0, NaN, 2]);
    expect(shown.bands.map((b) => [b.levelPct, b.lower, b.upper])).toEqual([
      [95, [0, NaN, 3], [20, NaN, 0]],
      [99, [0, NaN, 1], [35, NaN, 2]],
    ]);
    expect(past.bands[0].lower).toEqual([-40, NaN, 3]);
    expect(past.forecast).toEqual([-10, NaN, 2]);
  });

  it('leaves the past predictions and bands of a series with a negative value untouched', () => {
    const past = { forecast: [-10, 2], bands: [{ levelPct: 95, lower: [-40, -3], upper: [20, -1] }] };
    const shown = floorPastNonNegative(past, [4, -0.5, 7]);
    expect(shown.forecast).toBe(past.forecast);
    expect(shown.bands).toBe(past.bands);
  });
});
