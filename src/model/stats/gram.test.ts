import { buildGram, regressionAicc, subsetFit, subsetRss } from './gram';

describe('subsetRss', () => {
  // y = 2 + 3t exactly plus a known residual pattern orthogonal to [1, t] on t = 0..4.
  const residual = [1, -2, 0, 2, -1];
  const y = residual.map((r, t) => 2 + 3 * t + r);
  const gram = buildGram(y, 3, (t, out) => {
    out[0] = 1;
    out[1] = t;
    out[2] = 2 * t + 1;
  });

  it('should return the residual sum of squares of a nested least-squares fit', () => {
    // Σ residual² = 10; float error only (1e-9).
    expect(subsetRss(gram, [0, 1])).toBeCloseTo(10, 9);
    // Intercept only: RSS = Σ (y − ȳ)² = Σ (3(t − 2))² = 90 plus the orthogonal residual 10 = 100.
    expect(subsetRss(gram, [0])).toBeCloseTo(100, 9);
  });

  it('should return the coefficients in the order of the requested columns', () => {
    const fit = subsetFit(gram, [1, 0]);
    // Exact data: slope 3, intercept 2; float error only (1e-9).
    expect(fit?.beta[0]).toBeCloseTo(3, 9);
    expect(fit?.beta[1]).toBeCloseTo(2, 9);
  });

  it('should return undefined for collinear columns', () => {
    expect(subsetRss(gram, [0, 1, 2])).toBeUndefined();
  });

  it('should skip rows with a missing y', () => {
    const g = buildGram([1, NaN, 3], 1, (_t, out) => {
      out[0] = 1;
    });
    expect(g.n).toBe(2);
    expect(subsetRss(g, [0])).toBeCloseTo(2, 12);
  });
});

describe('regressionAicc', () => {
  it('should follow Hurvich & Tsai with σ² counted as a parameter', () => {
    const n = 20;
    const rss = 5;
    const loglik = -(n / 2) * (Math.log((2 * Math.PI * rss) / n) + 1);
    // k = 2 coefficients + σ²: AIC = −2 log L + 6, correction 2·3·4/(20 − 3 − 1) = 1.5.
    expect(regressionAicc(rss, n, 2)).toBeCloseTo(-2 * loglik + 6 + 1.5, 12);
  });

  it('should be infinite when there are too few rows or a perfect fit', () => {
    expect(regressionAicc(1, 4, 2)).toBe(Infinity);
    expect(regressionAicc(0, 40, 2)).toBe(Infinity);
  });
});
