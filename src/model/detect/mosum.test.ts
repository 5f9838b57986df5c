import { createMosum, pushMosum } from './mosum';

// Exact values: sums of a few small numbers and their division by √k; toBeCloseTo(…, 12) where √k is irrational.
describe('pushMosum', () => {
  it('should be 0 after a single error, then the largest |sum| / √k over the runs seen', () => {
    const m = createMosum(4, 3);
    expect(pushMosum(m, 2)).toBe(0);
    // k = 2: 4 / √2.
    expect(pushMosum(m, 2)).toBeCloseTo(4 / Math.SQRT2, 12);
    // k = 3: 6 / √3 beats 4 / √2.
    expect(pushMosum(m, 2)).toBeCloseTo(6 / Math.sqrt(3), 12);
    // k = 4: 8 / √4 = 4.
    expect(pushMosum(m, 2)).toBe(4);
    // Window slides to 2, 2, 2, −2; runs end at the newest error: k = 2 gives 0, k = 3 gives 2 / √3,
    // k = 4 gives 4 / √4 = 2.
    expect(pushMosum(m, -2)).toBe(2);
  });

  it('should let a short run of strong errors reach what a long window dilutes', () => {
    const m = createMosum(6, 5);
    [0, 0, 0, 0].forEach((z) => pushMosum(m, z));
    pushMosum(m, 4);
    // Last six: 0, 0, 0, 0, 4, 4 → k = 2 gives 8 / √2 ≈ 5.66; the full window only 8 / √6 ≈ 3.27.
    expect(pushMosum(m, 4)).toBeCloseTo(8 / Math.SQRT2, 12);
  });

  it('should clip each error so that one spike alone stays below the clip', () => {
    const m = createMosum(4, 3);
    [0, 0, 0].forEach((z) => pushMosum(m, z));
    // 50 is clipped to 3; the best run is k = 2: 3 / √2 < 3.
    expect(pushMosum(m, 50)).toBeCloseTo(3 / Math.SQRT2, 12);
  });

  it('should count a missing error as 0 and return 0 when disabled', () => {
    const m = createMosum(2, 3);
    pushMosum(m, 2);
    // (2 + 0) / √2.
    expect(pushMosum(m, NaN)).toBeCloseTo(Math.SQRT2, 12);
    expect(pushMosum(createMosum(0, 3), 100)).toBe(0);
    expect(pushMosum(createMosum(1, 3), 100)).toBe(0);
  });
});
