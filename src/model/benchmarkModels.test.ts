import { benchmarkSpec, fitBenchmarks } from './benchmarkModels';
import { forecastSarima } from './sarima/forecast';
import { seededNormal } from './sarima/simulate';

/** Ten days hourly: a fixed daily shape plus white noise of σ = 2. */
function daily(seed: number): number[] {
  const normal = seededNormal(seed);
  return Array.from({ length: 240 }, (_, t) => 50 + 10 * Math.sin((2 * Math.PI * t) / 24) + 2 * normal());
}

describe('benchmark models', () => {
  it('should repeat the last season with se growing by √(k + 1) per completed season (FPP3 §5.5)', () => {
    const y = daily(1);
    const [naive] = fitBenchmarks(y, 24);
    expect(naive.kind).toBe('seasonal naive');
    const fc = forecastSarima(naive.model, naive.model.state, 72, [95]);
    for (let h = 1; h <= 72; h++) {
      // 1e-9: the Kalman forecast of a pure seasonal difference repeats the values up to rounding.
      expect(fc.mean[h - 1]).toBeCloseTo(y[y.length - 24 + ((h - 1) % 24)], 9);
    }
    // σ² = mean squared seasonal difference (ML estimate of ARIMA(0,0,0)(0,1,0)[24]).
    const diffs = y.slice(24).map((v, t) => v - y[t]);
    const sigma = Math.sqrt(diffs.reduce((s, d) => s + d * d, 0) / diffs.length);
    expect(fc.se[0]).toBeCloseTo(sigma, 6);
    expect(fc.se[23]).toBeCloseTo(sigma, 6);
    expect(fc.se[24]).toBeCloseTo(sigma * Math.SQRT2, 6);
    expect(fc.se[71]).toBeCloseTo(sigma * Math.sqrt(3), 6);
  });

  it('should forecast the mean with a constant se', () => {
    const y = daily(2);
    const mean = fitBenchmarks(y, 24).find((b) => b.kind === 'mean')!;
    const fc = forecastSarima(mean.model, mean.model.state, 30, [95]);
    const average = y.reduce((s, v) => s + v, 0) / y.length;
    // 1e-6 relative: the ML mean of white noise is the sample mean.
    expect(fc.mean[0] / average).toBeCloseTo(1, 6);
    expect(fc.mean[29]).toBeCloseTo(fc.mean[0], 9);
    expect(fc.se[29]).toBeCloseTo(fc.se[0], 9);
  });

  it('should offer no seasonal naive without a season or with two seasons of data or fewer', () => {
    expect(fitBenchmarks(daily(3), 1).map((b) => b.kind)).toEqual(['mean']);
    expect(fitBenchmarks(daily(3).slice(0, 48), 24).map((b) => b.kind)).toEqual(['mean']);
    expect(benchmarkSpec('seasonal naive', 24).seasonal).toEqual({ P: 0, D: 1, Q: 0, period: 24 });
  });
});
