import { SarimaCoefficients, SarimaSpec } from '../types';
import { absorb, cloneState, predictNext, runFilter } from './filter';
import { fitSarima } from './fit';
import { simulateSarima } from './simulate';

const none: SarimaCoefficients = { ar: [], ma: [], sar: [], sma: [], intercept: 0, xreg: [] };
const seasonal: SarimaSpec = { order: { p: 1, d: 1, q: 1 }, seasonal: { P: 0, D: 1, Q: 1, period: 12 } };
const y = simulateSarima(seasonal, { ...none, ar: [0.5], ma: [-0.3], sma: [-0.5] }, 300, { seed: 31 });

describe('runFilter', () => {
  const model = fitSarima(y.slice(0, 240), seasonal);

  it('should end in model.state when run over the training data from model.initialState', () => {
    const run = runFilter(model, y.slice(0, 240));
    expect(run.state.t).toBe(240);
    expect(run.state.mode).toBe(model.state.mode);
    // Same arithmetic in the same order: identical.
    expect(run.state.a).toEqual(model.state.a);
    expect(run.mean.every(Number.isFinite)).toBe(true);
    expect(run.standardized.every(Number.isFinite)).toBe(true);
  });

  it('should give standardized residuals with unit variance after the diffuse start', () => {
    const run = runFilter(model, y.slice(0, 240));
    const z = run.standardized.slice(13);
    const meanSquare = z.reduce((s, v) => s + v * v, 0) / z.length;
    // E[z²] = n/nObs·(σ̂²-weighted) ≈ 1; sampling s.d. ≈ sqrt(2/227) ≈ 0.09, so 0.25 is ~3 s.d.
    expect(Math.abs(meanSquare - 1)).toBeLessThan(0.25);
  });

  it('should equal the full in-sample run when continuing from model.state (no refit)', () => {
    const full = runFilter(model, y);
    const cont = runFilter(model, y.slice(240), model.state);
    // Identical recursions from an identical state: only the floating-point path, 1e-9.
    cont.mean.forEach((m, i) => expect(m).toBeCloseTo(full.mean[240 + i], 9));
    cont.variance.forEach((v, i) => expect(v).toBeCloseTo(full.variance[240 + i], 9));
    expect(cont.state.t).toBe(300);
  });

  it('should match absorb and predictNext step by step', () => {
    const state = cloneState(model.state);
    const cont = runFilter(model, y.slice(240, 260), model.state);
    for (let i = 0; i < 20; i++) {
      const next = predictNext(model, state);
      expect(next.mean).toBeCloseTo(cont.mean[i], 9);
      expect(next.variance).toBeCloseTo(cont.variance[i], 9);
      absorb(model, state, y[240 + i]);
    }
    expect(state.t).toBe(260);
    expect(model.state.t).toBe(240);
  });

  it('should give the same predictions and covariance by the rank-one (Chandrasekhar) and Riccati updates', () => {
    const start = runFilter(model, y.slice(0, 13)).state;
    expect(start.mode).toBe('exact');
    expect(start.increment).toBeDefined();
    const riccati = cloneState(start);
    delete riccati.increment;
    const fast = runFilter(model, y.slice(13, 200), start);
    const slow = runFilter(model, y.slice(13, 200), riccati);
    // Algebraically equal recursions; rounding only, 1e-9 relative.
    fast.variance.forEach((v, i) => expect(Math.abs(v - slow.variance[i]) / v).toBeLessThan(1e-9));
    fast.mean.forEach((m, i) => expect(Math.abs(m - slow.mean[i])).toBeLessThan(1e-9 * Math.max(1, Math.abs(m))));
    fast.state.P.forEach((p, i) => expect(Math.abs(p - slow.state.P[i])).toBeLessThan(1e-9));
  });

  it('should skip missing values with d > 0: residual 0, wider predictions after the gap', () => {
    const gap = y.slice(240, 270);
    gap[5] = NaN;
    gap[6] = NaN;
    const run = runFilter(model, gap, model.state);
    const clean = runFilter(model, y.slice(240, 270), model.state);
    expect(run.residuals[5]).toBe(0);
    expect(run.standardized[6]).toBe(0);
    expect(run.variance[6]).toBeGreaterThan(clean.variance[6]);
    expect(run.variance[7]).toBeGreaterThan(clean.variance[7]);
    expect([...run.mean, ...run.variance, ...run.standardized].every(Number.isFinite)).toBe(true);
    // Once d + m·D = 13 values after the gap are seen, the lags are known again and the run rejoins.
    expect(run.state.mode).toBe('exact');
  });

  it('should handle missing values at the very start of an in-sample run', () => {
    const start = y.slice(0, 60);
    start[0] = NaN;
    start[3] = NaN;
    const run = runFilter(model, start);
    expect([...run.mean, ...run.variance, ...run.standardized].every(Number.isFinite)).toBe(true);
  });
});

describe('absorb and predictNext on one state object (live state kept between calls)', () => {
  const model = fitSarima(y.slice(0, 240), seasonal);
  const long = simulateSarima(seasonal, { ...none, ar: [0.5], ma: [-0.3], sma: [-0.5] }, 1500, { seed: 32 });
  const withGaps = long.map((v, i) => (i >= 100 && i < 104 ? NaN : v));

  it('should give bit-identical predictions and states as converting the state at every step', () => {
    const kept = cloneState(model.initialState);
    let fresh = cloneState(model.initialState);
    let steadySteps = 0;
    withGaps.forEach((v) => {
      // A new object at every step has no kept live state: the plain-to-live conversion of before.
      fresh = cloneState(fresh);
      expect(predictNext(model, kept)).toEqual(predictNext(model, fresh));
      absorb(model, kept, v);
      absorb(model, fresh, v);
      expect(kept).toEqual(fresh);
      steadySteps += kept.steady ? 1 : 0;
    });
    // The run covers the steady state (P kept), the gap (full mode) and the way back.
    expect(steadySteps).toBeGreaterThan(50);
  });

  it('should drop the kept live state when another state is assigned into the object', () => {
    const a = cloneState(model.state);
    absorb(model, a, y[240]);
    const b = cloneState(model.state);
    Object.assign(a, cloneState(b));
    expect(predictNext(model, a)).toEqual(predictNext(model, b));
    absorb(model, a, y[240]);
    absorb(model, b, y[240]);
    expect(a).toEqual(b);
  });
});
