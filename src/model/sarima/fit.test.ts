import {
  ConstantSeriesError,
  ConvergenceError,
  InsufficientDataError,
  InvalidOrderError,
  InvalidSettingsError,
  InvalidSeriesError,
} from '../errors';
import { SarimaCoefficients, SarimaSpec } from '../types';
import { attachFilterState, fitSarima, fitWithoutState, SarimaModel } from './fit';
import { seededNormal, simulateSarima } from './simulate';

const none: SarimaCoefficients = { ar: [], ma: [], sar: [], sma: [], intercept: 0, xreg: [] };

function spec(p: number, d: number, q: number, P = 0, D = 0, Q = 0, period = 1): SarimaSpec {
  return { order: { p, d, q }, seasonal: { P, D, Q, period } };
}

/** Each estimate within 4 of its standard errors of the truth: fails with probability ≈ 6e-5 per coefficient. */
function expectRecovered(model: SarimaModel, truth: SarimaCoefficients): void {
  const keys = ['ar', 'ma', 'sar', 'sma', 'xreg'] as const;
  for (const key of keys) {
    truth[key].forEach((value, i) => {
      const se = model.standardErrors[key][i];
      expect(se).toBeGreaterThan(0);
      expect(Math.abs(model.coefficients[key][i] - value)).toBeLessThan(4 * se);
    });
  }
  if (model.spec.includeMean) {
    expect(Math.abs(model.coefficients.intercept - truth.intercept)).toBeLessThan(4 * model.standardErrors.intercept);
  }
}

function expectAllFinite(model: SarimaModel): void {
  const numbers = JSON.stringify(model).match(/-?\d[\d.e+-]*|null|NaN|Infinity/g) ?? [];
  expect(numbers).not.toContain('null');
  expect([model.sigma2, model.loglik, model.aic, model.aicc, model.bic].every(Number.isFinite)).toBe(true);
}

describe('fitSarima', () => {
  it('should recover ARMA(1,1) with a mean from a seeded simulation', () => {
    const truth = { ...none, ar: [0.6], ma: [0.3], intercept: 10 };
    const s = spec(1, 0, 1);
    const y = simulateSarima(s, truth, 600, { seed: 11 });
    const model = fitSarima(y, s);
    expect(model.spec.includeMean).toBe(true);
    expect(model.nParams).toBe(3);
    expect(model.nObs).toBe(600);
    expectRecovered(model, truth);
    expectAllFinite(model);
  });

  it('should recover SARIMA(1,1,1)(1,1,1)[12]', () => {
    const truth = { ...none, ar: [0.4], ma: [-0.3], sar: [0.3], sma: [-0.6] };
    const s = spec(1, 1, 1, 1, 1, 1, 12);
    const y = simulateSarima(s, truth, 480, { seed: 5, sigma: 2 });
    const model = fitSarima(y, s);
    expect(model.spec.includeMean).toBe(false);
    expect(model.nObs).toBe(480 - 13);
    expectRecovered(model, truth);
    // σ² within 20% of 4: the sampling s.d. of σ̂² is about σ²·sqrt(2/n) ≈ 6.5%, so 3 s.d.
    expect(model.sigma2 / 4).toBeGreaterThan(0.8);
    expect(model.sigma2 / 4).toBeLessThan(1.2);
  });

  it('should recover Fourier regression coefficients with ARMA errors', () => {
    const s: SarimaSpec = { ...spec(1, 0, 0), fourier: [{ period: 50, harmonics: 2 }] };
    const truth = { ...none, ar: [0.5], intercept: 3, xreg: [2, -1, 0.5, 0] };
    const y = simulateSarima(s, truth, 500, { seed: 2 });
    const model = fitSarima(y, s);
    expect(model.coefficients.xreg).toHaveLength(4);
    expectRecovered(model, truth);
  });

  it('should report R-style information criteria', () => {
    const s = spec(1, 0, 0);
    const y = simulateSarima(s, { ...none, ar: [0.5] }, 100, { seed: 4 });
    const m = fitSarima(y, s);
    const k = m.nParams + 1;
    // Definitions of R arima (aic) and forecast::Arima (aicc, bic); exact up to rounding, 1e-9.
    expect(m.aic).toBeCloseTo(-2 * m.loglik + 2 * k, 9);
    expect(m.aicc).toBeCloseTo(m.aic + (2 * k * (k + 1)) / (100 - k - 1), 9);
    expect(m.bic).toBeCloseTo(m.aic + k * (Math.log(100) - 2), 9);
  });

  it('should give the same optimum with method ML as with CSS-ML', () => {
    const s = spec(1, 1, 1);
    const y = simulateSarima(s, { ...none, ar: [0.5], ma: [0.2] }, 300, { seed: 8 });
    const a = fitSarima(y, s);
    const b = fitSarima(y, s, { method: 'ML' });
    // Both converge to reltol 1e-10 on the objective; coefficient agreement 1e-3 (flat directions).
    expect(b.loglik).toBeCloseTo(a.loglik, 4);
    expect(b.coefficients.ar[0]).toBeCloseTo(a.coefficients.ar[0], 3);
    expect(b.method).toBe('ML');
  });

  it('should fit with method CSS and report its σ²', () => {
    const s = spec(1, 0, 0);
    const y = simulateSarima(s, { ...none, ar: [0.5] }, 200, { seed: 3 });
    const m = fitSarima(y, s, { method: 'CSS' });
    expect(m.method).toBe('CSS');
    expect(Math.abs(m.coefficients.ar[0] - 0.5)).toBeLessThan(4 * m.standardErrors.ar[0]);
  });

  it('should give the model of fitSarima exactly from fitWithoutState plus attachFilterState', () => {
    const s = spec(1, 1, 0, 0, 1, 1, 7);
    const y = simulateSarima(s, { ...none, ar: [0.5], sma: [-0.5] }, 150, { seed: 8 });
    y[40] = NaN;
    for (const method of ['CSS', 'CSS-ML'] as const) {
      const fit = fitWithoutState(y, s, { method });
      expect(fit).not.toHaveProperty('state');
      expect(attachFilterState(y, fit)).toEqual(fitSarima(y, s, { method }));
    }
  });

  it('should fit series with missing values, for d > 0 too', () => {
    const s = spec(1, 1, 0, 0, 1, 1, 7);
    const truth = { ...none, ar: [0.5], sma: [-0.5] };
    const y = simulateSarima(s, truth, 300, { seed: 21 });
    [10, 11, 50, 120, 121, 122, 250].forEach((i) => (y[i] = NaN));
    const model = fitSarima(y, s);
    expect(model.nObs).toBe(300 - 7 - 8);
    expectRecovered(model, truth);
    expectAllFinite(model);
  });

  it('should fit with a missing first value and many gaps (general filter and filled start)', () => {
    const s = spec(1, 1, 0);
    const truth = { ...none, ar: [0.6] };
    const y = simulateSarima(s, truth, 300, { seed: 23 });
    for (let i = 0; i < 300; i += 7) {
      y[i] = NaN;
    }
    const model = fitSarima(y, s);
    expect(model.nObs).toBe(300 - 43 - 1);
    expectRecovered(model, truth);
    expectAllFinite(model);
  });

  it('should give unit-free coefficients and standard errors for data in large or small units', () => {
    const s: SarimaSpec = { ...spec(1, 0, 1, 1, 0, 0, 24), fourier: [{ period: 168, harmonics: 1 }] };
    const y = simulateSarima(s, { ...none, ar: [0.5], ma: [0.2], sar: [0.3], intercept: 3, xreg: [1, 0.5] }, 400, {
      seed: 9,
    });
    const base = fitSarima(y, s);
    for (const unit of [1e9, 1e-9]) {
      const m = fitSarima(
        y.map((v) => v * unit + 1e3 * unit),
        s
      );
      // Both optimisations stop at reltol 1e-10 on the objective, so coefficients agree to ~1e-5: 1e-4.
      expect(m.coefficients.ar[0]).toBeCloseTo(base.coefficients.ar[0], 4);
      expect(m.coefficients.xreg[0] / unit).toBeCloseTo(base.coefficients.xreg[0], 3);
      expect(m.standardErrors.xreg[0] / unit).toBeCloseTo(base.standardErrors.xreg[0], 3);
      // log-likelihood shifts by −n·log(unit) exactly; optimisation tolerance again: 1e-3.
      expect(m.loglik).toBeCloseTo(base.loglik - 400 * Math.log(unit), 3);
    }
  });

  it('should give standard errors for an AR part next to the unit circle (delta-method fallback, as R)', () => {
    const normal = seededNormal(5);
    let level = 0;
    const walk = Array.from({ length: 500 }, () => (level += normal()));
    // ARIMA(2,0,1) on a random walk: φ₁ + φ₂ ≈ 0.999, where steps in the natural parameters leave the
    // stationary region; R reports s.e. ≈ 0.07 for both AR terms here.
    const m = fitSarima(walk, spec(2, 0, 1));
    expect(m.coefficients.ar[0] + m.coefficients.ar[1]).toBeGreaterThan(0.99);
    m.standardErrors.ar.forEach((se) => {
      expect(se).toBeGreaterThan(0.05);
      expect(se).toBeLessThan(0.1);
    });
  });

  it('should make the MA part invertible', () => {
    const s = spec(0, 0, 1);
    const y = simulateSarima(s, { ...none, ma: [0.5] }, 300, { seed: 13 });
    const m = fitSarima(y, s, { method: 'ML' });
    expect(Math.abs(m.coefficients.ma[0])).toBeLessThanOrEqual(1);
  });

  it('should throw InvalidOrderError for bad orders', () => {
    const y = Array.from({ length: 100 }, (_, i) => Math.sin(i));
    expect(() => fitSarima(y, spec(-1, 0, 0))).toThrow(InvalidOrderError);
    expect(() => fitSarima(y, spec(1.5, 0, 0))).toThrow(InvalidOrderError);
    expect(() => fitSarima(y, spec(1, 0, 0, 1, 0, 0, 1))).toThrow(/period must be an integer ≥ 2/);
    expect(() => fitSarima(y, spec(1, 3, 0))).toThrow(InvalidOrderError);
    expect(() => fitSarima(y, { ...spec(1, 0, 0), fourier: [{ period: 10, harmonics: 5 }] })).toThrow(
      InvalidOrderError
    );
    expect(() => fitSarima(y, spec(0, 0, 1, 0, 1, 4, 2000))).toThrow(/state dimension/);
    expect(() => fitSarima(y, spec(1, 0, 0), { maxIterations: 0 })).toThrow(InvalidSettingsError);
  });

  it('should throw InsufficientDataError naming the minimum length', () => {
    const y = simulateSarima(spec(1, 0, 0), { ...none, ar: [0.5] }, 37, { seed: 1 });
    expect(() => fitSarima(y, spec(1, 1, 1, 1, 1, 1, 24))).toThrow(
      new InsufficientDataError(
        'need ≥ 51 points for SARIMA(1,1,1)(1,1,1)[24], got 37: differencing consumes 25, and the differenced ' +
          'series needs ≥ 26 to span the longest lag (25) and estimate 4 coefficients'
      )
    );
  });

  describe('issue-3 hostile inputs', () => {
    const airline = spec(0, 1, 1, 0, 1, 1, 24);
    const hourly = simulateSarima(airline, { ...none, ma: [-0.4], sma: [-0.6] }, 600, { seed: 11 }).map((v) => v + 500);

    it('should throw InsufficientDataError naming the minimum when the differenced series cannot span the seasonal lag (issue-3 hostile input)', () => {
      // 30 points leave 5 differences, none 24 apart: R gives the seasonal MA a standard error of 14.
      expect(() => fitSarima(hourly.slice(0, 30), airline)).toThrow(
        new InsufficientDataError(
          'need ≥ 51 points for SARIMA(0,1,1)(0,1,1)[24], got 30: differencing consumes 25, and the differenced ' +
            'series needs ≥ 26 to span the longest lag (25) and estimate 2 coefficients'
        )
      );
      expect(() => fitSarima(hourly.slice(0, 50), airline)).toThrow(/need ≥ 51 points .*, got 50:/);
    });

    it('should fit at the minimum length when the differenced series spans the seasonal lag (issue-3 hostile input)', () => {
      const model = fitSarima(hourly.slice(0, 51), airline);
      expect(model.nObs).toBe(26);
      expectAllFinite(model);
    });

    it('should count only non-missing points and name the share missing when too few remain (issue-3 hostile input)', () => {
      const sparse = hourly.slice(0, 336).map((v, t) => (t % 10 === 0 ? v : NaN));
      expect(() => fitSarima(sparse, airline)).toThrow(
        /^need ≥ 51 points for SARIMA\(0,1,1\)\(0,1,1\)\[24\], got 34 non-missing of 336 \(89\.9 % missing\):/
      );
    });

    it('should throw InsufficientDataError when no difference is complete (issue-3 hostile input)', () => {
      // One value in 10: every (1 − B)(1 − B²⁴) difference combines t and t − 1, so none is complete.
      const sparse = hourly.map((v, t) => (t % 10 === 0 ? v : NaN));
      expect(() => fitSarima(sparse, airline)).toThrow(
        new InsufficientDataError(
          'need ≥ 2 complete differences for SARIMA(0,1,1)(0,1,1)[24], got 0 (60 of 600 values present, 90.0 % missing)'
        )
      );
      const alternate = hourly.map((v, t) => (t % 2 === 0 ? v : NaN));
      expect(() => fitSarima(alternate, spec(0, 1, 1))).toThrow(
        /need ≥ 2 complete differences for SARIMA\(0,1,1\), got 0/
      );
    });
  });

  it('should throw ConstantSeriesError for a constant or linear series', () => {
    expect(() => fitSarima(new Array(50).fill(3), spec(1, 0, 0))).toThrow(ConstantSeriesError);
    const line = Array.from({ length: 50 }, (_, i) => 2 * i + 1);
    expect(() => fitSarima(line, spec(0, 1, 1))).toThrow(/constant after differencing/);
  });

  it('should throw InvalidSeriesError for infinite or all-missing values', () => {
    const y = Array.from({ length: 60 }, (_, i) => Math.sin(i));
    y[5] = Number.POSITIVE_INFINITY;
    expect(() => fitSarima(y, spec(1, 0, 0))).toThrow(InvalidSeriesError);
    expect(() => fitSarima(new Array(60).fill(NaN), spec(1, 0, 0))).toThrow(/all 60 values are missing/);
  });

  it('should throw ConvergenceError when no start converges', () => {
    const s = spec(2, 0, 2);
    const y = simulateSarima(s, { ...none, ar: [0.5, 0.2], ma: [0.3, 0.1] }, 200, { seed: 6 });
    // One iteration cannot satisfy the relative-change test from any start, and Nelder–Mead gets a few.
    expect(() => fitSarima(y, s, { maxIterations: 1 })).toThrow(ConvergenceError);
  });
});
