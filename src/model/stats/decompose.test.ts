import reference from '../../../tests/fixtures/model/unitRoot.json';
import { simulateSeasonal } from '../testing/random';
import { decomposeSeasonal, seasonalStrength } from './decompose';

describe('decomposeSeasonal', () => {
  it('should match the seasonal figure of R stats::decompose', () => {
    const { x, period, figure } = reference.decompose;
    const index = decomposeSeasonal(x, period).seasonalIndex;
    // Same moving averages and phase means; 1e-10 absolute allows for summation order only.
    index.forEach((v, j) => expect(v).toBeCloseTo(figure[j], 10));
  });

  it('should handle odd periods with a simple centred moving average', () => {
    const x = Array.from({ length: 30 }, (_, t) => [1, -2, 1][t % 3] + 0.5 * t);
    const dec = decomposeSeasonal(x, 3);
    // Exact pattern plus a line: the MA removes the line exactly, so the index is the pattern (1e-12).
    [1, -2, 1].forEach((v, j) => expect(dec.seasonalIndex[j]).toBeCloseTo(v, 12));
    expect(dec.used).toBe(28);
  });
});

describe('seasonalStrength', () => {
  it('should be near 1 for a clean seasonal pattern and near 0 for white noise', () => {
    const seasonal = simulateSeasonal(480, { seed: 1, period: 24, amplitude: 10 });
    const noise = simulateSeasonal(480, { seed: 2 });
    // Amplitude 10 vs unit noise: seasonal variance 50 against 1, so F ≈ 0.98; 0.95 is a safe floor.
    expect(seasonalStrength(seasonal, 24)).toBeGreaterThan(0.95);
    // Pure noise: the df correction centres F at 0; 0.05 allows sampling error at n = 480.
    expect(seasonalStrength(noise, 24)).toBeLessThan(0.05);
  });

  it('should be higher without the degrees-of-freedom correction', () => {
    const noise = simulateSeasonal(480, { seed: 3 });
    expect(seasonalStrength(noise, 24, false)).toBeGreaterThan(seasonalStrength(noise, 24, true));
  });

  it('should return 0 with fewer than three cycles, for period < 2 and for a constant series', () => {
    expect(seasonalStrength(simulateSeasonal(60, { seed: 4, period: 24 }), 24)).toBe(0);
    expect(seasonalStrength([1, 2, 3, 4], 1)).toBe(0);
    expect(seasonalStrength(new Array(100).fill(2), 10)).toBe(0);
  });
});
