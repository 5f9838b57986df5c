import { seasonalNaive } from './naive';

describe('seasonal naive benchmark', () => {
  it('repeats the last season and widens the band once per season, as R snaive', () => {
    const train = [1, 2, 3, 2, 4, 5];
    const fc = seasonalNaive(train, 3, 4, 95);
    expect(fc.mean).toEqual([2, 4, 5, 2]);
    // Seasonal differences 1, 2, 2 → σ² = 3; steps 1–3 one season ahead, step 4 two.
    const z = 1.959963984540054;
    expect(fc.upper[0] - fc.mean[0]).toBeCloseTo(z * Math.sqrt(3), 9);
    expect(fc.upper[3] - fc.mean[3]).toBeCloseTo(z * Math.sqrt(6), 9);
  });

  it('reaches back a further season over a missing value', () => {
    const fc = seasonalNaive([1, 2, 3, 4, NaN, 6], 3, 2, 95);
    expect(fc.mean).toEqual([4, 2]);
  });
});
