import { applyDifferencing, differencingCoefficients, expandSeasonal } from './polynomial';

describe('expandSeasonal', () => {
  it('should multiply AR factors with the R sign convention', () => {
    // (1 − 0.5B)(1 − 0.3B⁴) = 1 − 0.5B − 0.3B⁴ + 0.15B⁵
    expect(expandSeasonal([0.5], [0.3], 4, -1)).toEqual([0.5, 0, 0, 0.3, -0.15]);
  });

  it('should multiply MA factors with the R sign convention', () => {
    // (1 + 0.5B)(1 + 0.3B⁴) = 1 + 0.5B + 0.3B⁴ + 0.15B⁵
    expect(expandSeasonal([0.5], [0.3], 4, 1)).toEqual([0.5, 0, 0, 0.3, 0.15]);
  });

  it('should return the non-seasonal part when there is no seasonal factor', () => {
    expect(expandSeasonal([0.1, 0.2], [], 12, -1)).toEqual([0.1, 0.2]);
  });
});

describe('differencingCoefficients', () => {
  it('should give R Delta for (1 − B)(1 − B³)', () => {
    // (1 − B)(1 − B³) = 1 − B − B³ + B⁴, Delta = (1, 0, 1, −1)
    expect(differencingCoefficients(1, 1, 3)).toEqual([1, 0, 1, -1]);
    expect(differencingCoefficients(2, 0, 1)).toEqual([2, -1]);
    expect(differencingCoefficients(0, 0, 1)).toEqual([]);
  });
});

describe('applyDifferencing', () => {
  it('should difference like R diff()', () => {
    expect(Array.from(applyDifferencing([1, 4, 9, 16], [1]))).toEqual([3, 5, 7]);
    expect(Array.from(applyDifferencing([1, 4, 9, 16], [2, -1]))).toEqual([2, 2]);
  });
});
