import { InvalidSettingsError } from '../errors';
import { SarimaCoefficients, SarimaSpec } from '../types';
import { predictNext, toLive } from './filter';
import { fitSarima } from './fit';
import { forecastByFilter, forecastKnownLags, forecastSarima } from './forecast';
import { systemOf } from './system';
import { normalQuantile } from './normal';
import { simulateSarima } from './simulate';

const none: SarimaCoefficients = { ar: [], ma: [], sar: [], sma: [], intercept: 0, xreg: [] };

describe('normalQuantile', () => {
  it('should match R qnorm', () => {
    // Reference values from R qnorm(); AS 241 is accurate to ~1e-16, so 1e-12.
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 12);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489004, 12);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 10);
    expect(normalQuantile(0.5)).toBe(0);
  });
});

describe('forecastSarima', () => {
  const spec: SarimaSpec = { order: { p: 1, d: 1, q: 1 }, seasonal: { P: 1, D: 1, Q: 1, period: 12 } };
  const y = simulateSarima(spec, { ...none, ar: [0.5], ma: [-0.3], sar: [0.2], sma: [-0.5] }, 240, { seed: 17 });
  const model = fitSarima(y, spec);

  it('should give nested, symmetric intervals at the default levels with growing s.e.', () => {
    const f = forecastSarima(model, model.state, 36);
    expect(f.intervals.map((i) => i.levelPct)).toEqual([80, 95, 99]);
    for (let k = 0; k < 36; k++) {
      const [i80, i95, i99] = f.intervals;
      expect(i99.lower[k]).toBeLessThan(i95.lower[k]);
      expect(i95.lower[k]).toBeLessThan(i80.lower[k]);
      expect(i80.upper[k]).toBeLessThan(i95.upper[k]);
      // Symmetric mean ± z·se; rounding only, 1e-9.
      expect(i95.upper[k] - f.mean[k]).toBeCloseTo(f.mean[k] - i95.lower[k], 9);
      expect(i95.upper[k] - f.mean[k]).toBeCloseTo(1.959963984540054 * f.se[k], 9);
      if (k > 0) {
        expect(f.se[k]).toBeGreaterThan(f.se[k - 1]);
      }
    }
  });

  it('should give the same path by ψ-weights with known lags as by full-state Kalman steps', () => {
    const sys = systemOf(model);
    expect(model.state.mode).toBe('exact');
    const fast = forecastKnownLags(sys, toLive(sys, model.state), 40);
    const slow = forecastByFilter(sys, toLive(sys, model.state), 40);
    // Two algebraically equal recursions; rounding only, 1e-8 relative.
    for (let k = 0; k < 40; k++) {
      expect(Math.abs(fast.mean[k] - slow.mean[k])).toBeLessThan(1e-8 * Math.max(1, Math.abs(slow.mean[k])));
      expect(Math.abs(fast.variance[k] - slow.variance[k])).toBeLessThan(1e-8 * slow.variance[k]);
    }
  });

  it('should start with the one-step prediction of the filter', () => {
    const f = forecastSarima(model, model.state, 1, [50]);
    const next = predictNext(model, model.state);
    expect(f.mean[0]).toBeCloseTo(next.mean, 12);
    expect(f.se[0]).toBeCloseTo(Math.sqrt(next.variance), 12);
    expect(f.se[0]).toBeCloseTo(Math.sqrt(model.sigma2), 6);
  });

  it('should give a random walk flat forecasts with variance growing as hσ²', () => {
    const rw: SarimaSpec = { order: { p: 0, d: 1, q: 0 }, seasonal: { P: 0, D: 0, Q: 0, period: 1 } };
    const series = simulateSarima(rw, none, 200, { seed: 3 });
    const m = fitSarima(series, rw);
    const f = forecastSarima(m, m.state, 10);
    for (let h = 1; h <= 10; h++) {
      // Closed form for ARIMA(0,1,0); the κ = 1e6 diffuse start leaves O(1e-6) relative, so 1e-6 absolute.
      expect(f.mean[h - 1]).toBeCloseTo(series[199], 6);
      expect(f.se[h - 1]).toBeCloseTo(Math.sqrt(h * m.sigma2), 6);
    }
  });

  it('should add the mean and Fourier terms to the forecast', () => {
    const s: SarimaSpec = {
      order: { p: 0, d: 0, q: 0 },
      seasonal: { P: 0, D: 0, Q: 0, period: 1 },
      fourier: [{ period: 24, harmonics: 1 }],
    };
    const series = simulateSarima(s, { ...none, intercept: 5, xreg: [3, 0] }, 240, { seed: 8, sigma: 0.1 });
    const m = fitSarima(series, s);
    const f = forecastSarima(m, m.state, 6);
    for (let h = 0; h < 6; h++) {
      const t = 240 + h;
      const expected =
        m.coefficients.intercept +
        m.coefficients.xreg[0] * Math.sin((2 * Math.PI * t) / 24) +
        m.coefficients.xreg[1] * Math.cos((2 * Math.PI * t) / 24);
      // White-noise errors: the forecast is the regression line exactly; rounding only, 1e-9.
      expect(f.mean[h]).toBeCloseTo(expected, 9);
    }
  });

  it('should reject bad horizons and levels', () => {
    expect(() => forecastSarima(model, model.state, -1)).toThrow(InvalidSettingsError);
    expect(() => forecastSarima(model, model.state, 2.5)).toThrow(InvalidSettingsError);
    expect(() => forecastSarima(model, model.state, 3, [100])).toThrow(InvalidSettingsError);
    expect(forecastSarima(model, model.state, 0).mean).toEqual([]);
  });
});
