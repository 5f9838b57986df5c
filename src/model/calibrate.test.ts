import { calibrationFactors, MAX_FACTOR, MIN_FACTOR, rescaleBands, inSampleErrors } from './calibrate';
import { fitSarima } from './sarima/fit';
import { seededNormal } from './sarima/simulate';
import { simulateSeasonal } from './testing/random';

const absNormal = (count: number, seed: number, scale = 1) => {
  const draw = seededNormal(seed);
  return Array.from({ length: count }, () => Math.abs(scale * draw()));
};

describe('interval calibration from in-sample errors', () => {
  it('widens by the model-uncertainty floor when the standardised errors are standard normal or smaller', () => {
    // 4000 draws: the sample 95 % quantile of |z| has a standard error of ~0.04, so < 1.06 in the raw factor.
    expect(calibrationFactors(absNormal(4000, 1), [80, 95])).toEqual([MIN_FACTOR, MIN_FACTOR]);
    expect(calibrationFactors(absNormal(4000, 1, 0.5), [95])).toEqual([MIN_FACTOR]);
  });

  it('widens the band by the error scale the model missed, within the bounds', () => {
    const [f95] = calibrationFactors(absNormal(4000, 2, 2), [95]);
    expect(f95).toBeGreaterThan(1.88);
    expect(f95).toBeLessThan(2.12);
    expect(calibrationFactors(absNormal(4000, 3, 10), [95])).toEqual([MAX_FACTOR]);
  });

  it('uses the floor alone with too few errors', () => {
    expect(calibrationFactors([5, 6, 7], [80, 95])).toEqual([MIN_FACTOR, MIN_FACTOR]);
  });

  it('rescales each band around the mean', () => {
    const fc = { mean: [10], se: [1], intervals: [{ levelPct: 95, lower: [8], upper: [13] }] };
    expect(rescaleBands(fc, [2]).intervals[0]).toEqual({ levelPct: 95, lower: [6], upper: [16] });
  });

  it('gives standard-normal-sized multi-step errors for a correctly specified model', () => {
    const y = simulateSeasonal(600, { seed: 5, phi: 0.6, level: 50 });
    const model = fitSarima(y, { order: { p: 1, d: 0, q: 0 }, seasonal: { P: 0, D: 0, Q: 0, period: 1 } });
    const z = inSampleErrors(model, y, 24).standardized;
    expect(z.length).toBeGreaterThan(1000);
    // Overlapping horizons make the errors dependent: ±0.15 on the 95 % quantile (1.96 for N(0, 1)).
    const sorted = [...z].sort((a, b) => a - b);
    const q95 = sorted[Math.round(0.95 * (sorted.length - 1))];
    expect(q95 / 1.96).toBeGreaterThan(0.85);
    expect(q95 / 1.96).toBeLessThan(1.15);
  });
});
