import { difference, dropMissing, interpolateMissing, isConstant } from './fill';

describe('interpolateMissing', () => {
  it('should trim leading and trailing NaN and interpolate interior gaps linearly', () => {
    expect(interpolateMissing([NaN, 1, NaN, NaN, 4, NaN])).toEqual({ values: [1, 2, 3, 4], offset: 1, filled: 2 });
  });

  it('should return an empty series when every value is missing', () => {
    expect(interpolateMissing([NaN, NaN])).toEqual({ values: [], offset: 2, filled: 0 });
  });
});

describe('dropMissing', () => {
  it('should keep finite values in order', () => {
    expect(dropMissing([1, NaN, 3])).toEqual([1, 3]);
  });
});

describe('difference', () => {
  it('should take lag differences', () => {
    expect(difference([1, 2, 4, 7], 1)).toEqual([1, 2, 3]);
    expect(difference([1, 2, 4, 7], 2)).toEqual([3, 5]);
  });
});

describe('isConstant', () => {
  it('should ignore NaN and detect variation', () => {
    expect(isConstant([NaN, 2, 2])).toBe(true);
    expect(isConstant([2, NaN, 3])).toBe(false);
    expect(isConstant([])).toBe(true);
  });
});
