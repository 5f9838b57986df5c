import { createMosum, pushMosum } from './mosum';

describe('pushMosum', () => {
  it('should be 0 until the window is full, then |sum| / √length', () => {
    const m = createMosum(4, 3);
    expect(pushMosum(m, 2)).toBe(0);
    expect(pushMosum(m, 2)).toBe(0);
    expect(pushMosum(m, 2)).toBe(0);
    // 2 + 2 + 2 + 2 = 8; 8 / √4 = 4.
    expect(pushMosum(m, 2)).toBe(4);
    // Window slides: 2 + 2 + 2 − 2 = 4 → 2.
    expect(pushMosum(m, -2)).toBe(2);
  });

  it('should clip each error so that one spike cannot make a run', () => {
    const m = createMosum(4, 3);
    [0, 0, 0].forEach((z) => pushMosum(m, z));
    // 50 is clipped to 3: 3 / 2 = 1.5.
    expect(pushMosum(m, 50)).toBe(1.5);
  });

  it('should count a missing error as 0 and return 0 when disabled', () => {
    const m = createMosum(2, 3);
    pushMosum(m, 2);
    // (2 + 0) / √2.
    expect(pushMosum(m, NaN)).toBeCloseTo(Math.SQRT2, 12);
    expect(pushMosum(createMosum(0, 3), 100)).toBe(0);
  });
});
