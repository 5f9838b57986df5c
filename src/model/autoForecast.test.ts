import { autoForecast } from './autoForecast';
import { seededNormal } from './sarima/simulate';

/** Hourly counts: a daily cycle whose spread grows with the level, Poisson-like noise, some zeros at night. */
function counts(n: number, seed: number): number[] {
  const draw = seededNormal(seed);
  return Array.from({ length: n }, (_, t) => {
    const rate = 40 * Math.max(0, Math.sin((2 * Math.PI * t) / 24)) ** 2;
    return Math.max(0, Math.round(rate + Math.sqrt(rate + 1) * draw()));
  });
}

describe('autoForecast', () => {
  it('never forecasts or bands below 0 for a non-negative series', () => {
    const result = autoForecast(counts(336, 3), { stepMs: 3_600_000, horizon: 48, levelsPct: [80, 95] });
    expect(result.transform.nonNegative).toBe(true);
    const { mean, intervals } = result.forecast;
    expect(Math.min(...mean, ...intervals.flatMap((b) => b.lower))).toBeGreaterThanOrEqual(0);
    expect(result.calibration).toHaveLength(2);
  });

  it('applies the requested transform and reports it', () => {
    const y = counts(336, 4).map((v) => v + 1);
    const result = autoForecast(y, { period: 24, horizon: 24, transform: 'log', calibrate: false });
    expect(result.transform.lambda).toBe(0);
    expect(result.calibration).toEqual([1, 1, 1]);
    // Back-transformed log bands are asymmetric: farther above the median than below it.
    const band = result.forecast.intervals[1];
    const k = result.forecast.mean.indexOf(Math.max(...result.forecast.mean));
    expect(band.upper[k] - result.forecast.mean[k]).toBeGreaterThan(result.forecast.mean[k] - band.lower[k]);
  });
});
