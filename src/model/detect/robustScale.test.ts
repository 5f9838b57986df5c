import { MAD_TO_SIGMA, robustScale } from './robustScale';

describe('robustScale', () => {
  it('should be 1.4826 times the median absolute deviation, as R mad()', () => {
    // x = 1,2,3,4,100: median 3, |x − 3| = 2,1,0,1,97 → median 1 → 1.4826 (R: mad(c(1,2,3,4,100)) = 1.4826).
    expect(robustScale([1, 2, 3, 4, 100])).toBeCloseTo(MAD_TO_SIGMA, 12);
  });

  it('should ignore NaN and average the two middle values of an even count', () => {
    // x = 1,2,4,8 (NaN dropped): median 3; |x − 3| = 2,1,1,5 → median (1 + 2)/2 = 1.5 → 2.2239.
    expect(robustScale([1, NaN, 2, 4, 8])).toBeCloseTo(1.5 * MAD_TO_SIGMA, 12);
  });

  it('should fall back to the mean absolute deviation when most values are equal', () => {
    // x = 0,0,0,0,5: MAD 0; mean |x − 0| = 1 → √(π/2) = 1.2533.
    expect(robustScale([0, 0, 0, 0, 5])).toBeCloseTo(Math.sqrt(Math.PI / 2), 12);
  });

  it('should return NaN without finite values and 0 for a constant input', () => {
    expect(robustScale([NaN, NaN])).toBeNaN();
    expect(robustScale([2, 2, 2])).toBe(0);
  });
});
