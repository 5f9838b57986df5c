import fs from 'fs';
import path from 'path';
import { chiSquareUpperTail, logGamma } from './gamma';
import { ljungBox, ljungBoxLag } from './ljungBox';

const fixture = JSON.parse(
  fs.readFileSync(path.join(__dirname, '../../../tests/fixtures/model/ljungBox.json'), 'utf8')
) as {
  x: number[];
  lag10: { statistic: number; pValue: number };
  lag24fitdf2: { statistic: number; pValue: number };
  chiSquare: Array<{ q: number; df: number; p: number }>;
};

describe('ljungBox', () => {
  // R computes the same sums in double precision; 1e-9 relative leaves room for summation order only.
  it('should match R Box.test at lag 10', () => {
    const result = ljungBox(fixture.x, 10);
    expect(result.statistic).toBeCloseTo(fixture.lag10.statistic, 8);
    expect(result.pValue / fixture.lag10.pValue).toBeCloseTo(1, 8);
  });

  it('should match R Box.test with fitdf', () => {
    const result = ljungBox(fixture.x, 24, 2);
    expect(result.df).toBe(22);
    expect(result.statistic).toBeCloseTo(fixture.lag24fitdf2.statistic, 8);
    expect(result.pValue / fixture.lag24fitdf2.pValue).toBeCloseTo(1, 8);
  });

  it('should skip missing values', () => {
    const withGaps = [NaN, ...fixture.x.slice(0, 100), NaN, ...fixture.x.slice(100)];
    expect(ljungBox(withGaps, 10).statistic).toBeCloseTo(fixture.lag10.statistic, 8);
  });

  it('should return NaN when there are no degrees of freedom or too few values', () => {
    expect(ljungBox(fixture.x, 3, 3).pValue).toBeNaN();
    expect(ljungBox([1, 2, 3], 10).pValue).toBeNaN();
  });
});

describe('chiSquareUpperTail', () => {
  it.each(fixture.chiSquare)('should match R pchisq for q=$q, df=$df', ({ q, df, p }) => {
    // Series/continued-fraction evaluation is good to ~1e-12 relative; 1e-9 is a safe bound.
    expect(chiSquareUpperTail(q, df) / p).toBeCloseTo(1, 9);
  });

  it('should be 1 at q ≤ 0 and NaN for a bad df', () => {
    expect(chiSquareUpperTail(0, 3)).toBe(1);
    expect(chiSquareUpperTail(1, 0)).toBeNaN();
  });
});

describe('logGamma', () => {
  it('should match factorials and Γ(1/2)', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(logGamma(0.25)).toBeCloseTo(1.2880225246980774, 12);
  });
});

describe('ljungBoxLag', () => {
  it('should use 2m for seasonal data, 10 otherwise, capped at n/5 and above fitdf', () => {
    expect(ljungBoxLag(336, 24, 3)).toBe(48);
    expect(ljungBoxLag(1000, 1, 2)).toBe(10);
    expect(ljungBoxLag(100, 24, 2)).toBe(20);
    expect(ljungBoxLag(20, 24, 6)).toBe(7);
  });
});
