import type { RegularSeries } from '../series';
import { runDetector } from './backtest';
import { DEFAULT_DETECTOR_CONFIG } from './config';
import { MIN_RELATIVE_SIGMA, naiveModel } from './fallback';
import { HOUR_MS } from '../timeUnits';

const hourly = (values: number[]): RegularSeries => ({ startMs: 0, stepMs: HOUR_MS, values, repairs: [] });
const flagged = (d: { anomaly: number[] }) => d.anomaly.flatMap((a, i) => (a > 0 ? [i] : []));

describe('naiveModel', () => {
  it('should give a flat line a band of the minimum width relative to its level', () => {
    const model = naiveModel(new Array<number>(48).fill(45));
    expect(model.spec.order).toEqual({ p: 0, d: 1, q: 0 });
    expect(Math.sqrt(model.sigma2)).toBeCloseTo(MIN_RELATIVE_SIGMA * 45, 12);
  });

  it('should use the observed noise of the differences when the series moves', () => {
    // Alternating 10, 11: every difference is ±1, robust σ of the differences 1 → σ = 1/√2 (well above 1e-3·10).
    const model = naiveModel(Array.from({ length: 48 }, (_, i) => 10 + (i % 2)));
    expect(Math.sqrt(model.sigma2)).toBeGreaterThan(0.5);
  });
});

describe('runDetector on series SARIMA cannot fit', () => {
  it('should flag any step away from a flat line, once, and name the naive fallback', () => {
    const values = new Array<number>(24 * 6).fill(45);
    values[24 * 5] = 46;
    const run = runDetector(hourly(values), DEFAULT_DETECTOR_CONFIG);
    expect(flagged(run.detection)).toEqual([24 * 5]);
    expect(run.final?.kind).toBe('naive');
    expect(run.final?.reason).toMatch(/training values equal 45/);
  });

  it('should flag the first 1 of a 0/1 metric that has always been 0', () => {
    const values = new Array<number>(24 * 6).fill(0);
    values.fill(1, 24 * 5 + 3);
    const run = runDetector(hourly(values), DEFAULT_DETECTOR_CONFIG);
    expect(flagged(run.detection)).toEqual([24 * 5 + 3]);
  });

  it('should raise nothing on a series that repeats its day exactly (seasonal naive)', () => {
    const values = Array.from({ length: 24 * 8 }, (_, i) => 20 + 10 * Math.sin((2 * Math.PI * i) / 24));
    const run = runDetector(hourly(values), DEFAULT_DETECTOR_CONFIG);
    expect(flagged(run.detection)).toEqual([]);
    expect(run.final?.kind).toBe('seasonal naive');
  });
});
