import { InvalidSeriesError } from './errors';
import { analyzeSeries } from './pipeline/analyze';
import { DEFAULT_MODEL_SETTINGS } from './pipeline/settings';
import { fitSarima } from './sarima/fit';
import { forecastSarima } from './sarima/forecast';
import { simulateSeasonal } from './testing/random';
import { forecastWithTransform } from './transformedForecast';
import type { SarimaSpec } from './types';
import { HOUR_MS } from './timeUnits';

const SPEC: SarimaSpec = {
  order: { p: 1, d: 0, q: 0 },
  seasonal: { P: 0, D: 1, Q: 1, period: 24 },
  includeMean: false,
  fourier: [],
};

/** Hourly counts with a multiplicative daily season: exp of a seasonal AR(1) series, all > 0. */
function multiplicative(n: number): number[] {
  return simulateSeasonal(n, { seed: 31, period: 24, amplitude: 0.8, phi: 0.5, level: 3 }).map((v) =>
    Math.exp(0.5 * v)
  );
}

describe('forecastWithTransform', () => {
  const y = multiplicative(24 * 14);
  const model = fitSarima(y, SPEC, { method: 'CSS' });
  const request = { series: y, trainPoints: y.length, horizonSteps: 24, levelsPct: [95], method: 'CSS' as const };

  it("should forecast from the given model and state with 'none'", () => {
    const { forecast, transform } = forecastWithTransform(model, model.state, request);
    expect(transform.lambda).toBeNull();
    expect(forecast.mean).toEqual(forecastSarima(model, model.state, 24, [95]).mean);
  });

  it('should refit on the log scale and map medians and bounds back with log', () => {
    const { forecast, transform, note } = forecastWithTransform(model, model.state, { ...request, transform: 'log' });
    expect(note).toBeUndefined();
    expect(transform.lambda).toBe(0);
    const band = forecast.intervals[0];
    for (let k = 0; k < 24; k++) {
      expect(band.lower[k]).toBeGreaterThan(0);
      // exp of a symmetric log-scale band: the upper half is the wider one.
      expect(band.upper[k] - forecast.mean[k]).toBeGreaterThan(forecast.mean[k] - band.lower[k]);
    }
  });

  it('should refuse log for a series with a zero, naming the value', () => {
    const withZero = [...y];
    withZero[10] = 0;
    expect(() => forecastWithTransform(model, model.state, { ...request, series: withZero, transform: 'log' })).toThrow(
      InvalidSeriesError
    );
  });
});

describe('analyzeSeries with a transform', () => {
  const values = multiplicative(24 * 30);
  const input = {
    key: 'a',
    labels: {},
    timesMs: values.map((_, i) => Date.UTC(2026, 0, 1) + i * HOUR_MS),
    values,
    stepMs: HOUR_MS,
  };

  it('should report the transform and λ and keep the forecast band above 0', () => {
    const { analysis } = analyzeSeries(input, { ...DEFAULT_MODEL_SETTINGS, transform: 'log' });
    expect(analysis.model.transform).toEqual({ setting: 'log', lambda: 0 });
    const { horizonStart, bands } = analysis.points;
    const lower = bands[1].lower.slice(horizonStart);
    expect(lower.length).toBe(DEFAULT_MODEL_SETTINGS.horizonSteps);
    expect(lower.every((v) => v !== null && v > 0)).toBe(true);
  });

  it('should leave the summary without a transform by default', () => {
    const { analysis } = analyzeSeries(input, DEFAULT_MODEL_SETTINGS);
    expect(analysis.model.transform).toBeUndefined();
  });
});
