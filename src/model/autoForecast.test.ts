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

/**
 * Two weeks hourly of a batch job (level +40 from 9 to 17 h) on a random-walk level: the seasonal naive tracks
 * both at once, which the searched SARIMA (seed 3: (0,0,0)(0,1,0)[24]-like but estimated) does less well.
 */
function batchJob(seed: number): number[] {
  const normal = seededNormal(seed);
  let level = 0;
  return Array.from({ length: 336 }, (_, t) => {
    level += 0.5 * normal();
    const hour = t % 24;
    return 100 + level + (hour >= 9 && hour < 17 ? 40 : 0) + 0.3 * normal();
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

  it('compares the searched model with the benchmarks and keeps it when it forecasts better', () => {
    const result = autoForecast(batchJob(1), { stepMs: 3_600_000, horizon: 48, levelsPct: [95] });
    expect(result.scores.map((s) => s.kind)).toEqual(['sarima', 'seasonal naive', 'mean']);
    expect(result.chosen).toBe('sarima');
    expect(result.auto.model.spec.order.p + result.auto.model.spec.order.q).toBeGreaterThan(0);
    const off = autoForecast(batchJob(1), { stepMs: 3_600_000, horizon: 48, levelsPct: [95], benchmarks: false });
    expect(off.scores).toEqual([]);
    expect(off.forecast).toEqual(result.forecast);
  });

  it('forecasts with the seasonal naive where its in-sample multi-step errors are clearly lower', () => {
    const y = batchJob(3);
    const result = autoForecast(y, { stepMs: 3_600_000, horizon: 48, levelsPct: [95] });
    expect(result.chosen).toBe('seasonal naive');
    expect(result.auto.notes.at(-1)).toMatch(/^seasonal naive chosen over the searched SARIMA/);
    expect(result.auto.model.spec.seasonal).toEqual({ P: 0, D: 1, Q: 0, period: 24 });
    // The last day repeated; the 95 % band of day two is √2 times as wide as day one's (FPP3 §5.5).
    for (let h = 0; h < 48; h++) {
      expect(result.forecast.mean[h]).toBeCloseTo(y[y.length - 24 + (h % 24)], 6);
    }
    const width = (h: number) => result.forecast.intervals[0].upper[h] - result.forecast.intervals[0].lower[h];
    expect(width(30) / width(5)).toBeCloseTo(Math.SQRT2, 6);
  });

  it('forecasts with the best benchmark when no SARIMA model can be fitted, and says why', () => {
    const y = batchJob(3);
    const result = autoForecast(y, { period: 24, horizon: 24, levelsPct: [95], maxFits: 0 });
    expect(result.chosen).toBe('seasonal naive');
    expect(result.scores.map((s) => s.kind)).toEqual(['seasonal naive', 'mean']);
    expect(result.auto.notes[0]).toMatch(/no SARIMA model could be fitted/);
    expect(result.forecast.mean[0]).toBeCloseTo(y[y.length - 24], 6);
  });

  it('forecasts with the benchmark it chose, not the first one, when no SARIMA model can be fitted', () => {
    // White noise around 10: the mean beats the seasonal naive in-sample, and must then also make the forecast.
    const normal = seededNormal(5);
    const y = Array.from({ length: 240 }, () => 10 + normal());
    const result = autoForecast(y, { period: 24, horizon: 24, levelsPct: [95], maxFits: 0 });
    expect(result.chosen).toBe('mean');
    expect(result.auto.model.spec.seasonal.D).toBe(0);
    expect(result.auto.D).toBe(0);
    const mean = y.reduce((sum, v) => sum + v, 0) / y.length;
    expect(result.forecast.mean[0]).toBeCloseTo(mean, 6);
    expect(result.forecast.mean[23]).toBeCloseTo(mean, 6);
  });
});
