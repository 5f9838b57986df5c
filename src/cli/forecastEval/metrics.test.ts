import { scoreForecast, seasonalScale } from './metrics';

describe('forecast accuracy measures', () => {
  it('scale is the mean absolute seasonal difference over present pairs', () => {
    // Pairs at lag 2: |3 − 1| = 2, |NaN − 2| skipped, |7 − 3| = 4 → mean 3.
    expect(seasonalScale([1, 2, 3, NaN, 7], 2)).toBeCloseTo(3, 12);
  });

  it('falls back to lag 1 when the training data holds fewer than two seasons', () => {
    expect(seasonalScale([1, 3, 6], 24)).toBeCloseTo(2.5, 12);
  });

  it('scores sMAPE, MASE, MSIS and coverage by the M4 definitions, skipping missing actual values', () => {
    const forecast = { mean: [10, 10, 10, 10], lower: [8, 8, 8, 8], upper: [12, 12, 12, 12] };
    const s = scoreForecast(forecast, [10, 14, NaN, 7], 2, 95);
    // Errors 0, 4, 3; sMAPE terms 0, 200·4/24, 200·3/17.
    expect(s.points).toBe(3);
    expect(s.smape).toBeCloseTo((0 + 800 / 24 + 600 / 17) / 3, 10);
    expect(s.mase).toBeCloseTo(7 / 3 / 2, 12);
    // Width 4 each; penalties (2/0.05)·2 above and (2/0.05)·1 below.
    expect(s.msis).toBeCloseTo((12 + 40 * 2 + 40 * 1) / 3 / 2, 10);
    expect(s.coverage).toBeCloseTo(1 / 3, 12);
  });

  it('returns NaN scores when no actual value is present', () => {
    const s = scoreForecast({ mean: [1], lower: [0], upper: [2] }, [NaN], 1, 95);
    expect(s.points).toBe(0);
    expect(s.mase).toBeNaN();
  });
});
