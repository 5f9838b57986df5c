import { lowerBound } from './lowerBound';

describe('lowerBound', () => {
  it('should give the first index not below x, with duplicates, ends and a shorter length', () => {
    const sorted = [1, 3, 3, 5, 9];
    expect([0, 1, 2, 3, 4, 5, 9, 10].map((x) => lowerBound(sorted, x))).toEqual([0, 0, 1, 1, 3, 3, 4, 5]);
    expect(lowerBound(sorted, 9, 3)).toBe(3);
    expect(lowerBound([], 1)).toBe(0);
  });
});
