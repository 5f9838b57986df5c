import { cycleDelayMs } from './scheduler';
import { HOUR_MS } from '../../src/contract/constants';

describe('cycleDelayMs', () => {
  it('should refit every step plus up to 10 % jitter, capped at 30 s', () => {
    expect(cycleDelayMs(60_000, 0, 0)).toBe(60_000);
    expect(cycleDelayMs(60_000, 0, 0.999)).toBeCloseTo(60_000 + 0.999 * 6_000, 6);
    expect(cycleDelayMs(HOUR_MS, 0, 0.5)).toBe(HOUR_MS + 15_000);
  });

  it('should spread detectors with the same step apart', () => {
    const delays = [0.1, 0.5, 0.9].map((r) => cycleDelayMs(HOUR_MS, 0, r));
    expect(new Set(delays).size).toBe(3);
  });

  it('should never cycle faster than every 10 s', () => {
    expect(cycleDelayMs(1000, 0, 0)).toBe(10_000);
  });

  it('should retry after failures with a delay doubling from 5 s up to the step', () => {
    expect([1, 2, 3, 4].map((f) => cycleDelayMs(HOUR_MS, f, 0))).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(cycleDelayMs(60_000, 30, 0)).toBe(60_000);
  });
});
