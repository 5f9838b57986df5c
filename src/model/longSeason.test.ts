import { fourierResiduals, maxHarmonics, seasonStrategy, selectFourierTerms } from './longSeason';
import { seededNormal } from './sarima/simulate';

describe('seasonStrategy', () => {
  it('should use seasonal ARIMA for no season or one season up to 48 steps', () => {
    expect(seasonStrategy([])).toBe('sarima');
    expect(seasonStrategy([24])).toBe('sarima');
    expect(seasonStrategy([48])).toBe('sarima');
  });

  it('should use Fourier terms for a long season or two seasons', () => {
    expect(seasonStrategy([288])).toBe('fourier');
    expect(seasonStrategy([24, 168])).toBe('fourier');
    expect(seasonStrategy([24], 12)).toBe('fourier');
  });
});

describe('maxHarmonics', () => {
  it('should stay below m/2 and below the ratio to a shorter season it is a multiple of', () => {
    expect(maxHarmonics(24, [])).toBe(11);
    expect(maxHarmonics(25, [])).toBe(12);
    expect(maxHarmonics(336, [48])).toBe(6);
    expect(maxHarmonics(100, [48])).toBe(49);
  });
});

describe('selectFourierTerms', () => {
  it('should pick the number of harmonics that generated the data', () => {
    const normal = seededNormal(31);
    // Two daily harmonics (m = 288) plus noise: K = 2 is the true order; AICc must not need more.
    const y = Array.from({ length: 2016 }, (_, t) => {
      const a = (2 * Math.PI * t) / 288;
      return 5 * Math.sin(a) + 2 * Math.cos(2 * a) + 0.5 * normal();
    });
    expect(selectFourierTerms(y, [288])).toEqual([{ period: 288, harmonics: 2 }]);
  });

  it('should choose terms for two nested seasons and respect the collinearity limit', () => {
    const normal = seededNormal(32);
    const y = Array.from({ length: 24 * 7 * 4 }, (_, t) => {
      const weekend = Math.floor(t / 24) % 7 >= 5 ? -3 : 0;
      return 4 * Math.sin((2 * Math.PI * t) / 24) + weekend + normal();
    });
    const terms = selectFourierTerms(y, [168, 24]);
    expect(terms.map((t) => t.period)).toEqual([24, 168]);
    expect(terms[0].harmonics).toBeGreaterThanOrEqual(1);
    // A weekend step needs several weekly harmonics, but never 7 or more (they would repeat daily ones).
    expect(terms[1].harmonics).toBeGreaterThanOrEqual(2);
    expect(terms[1].harmonics).toBeLessThanOrEqual(6);
  });

  it('should drop a season with no usable harmonic', () => {
    expect(selectFourierTerms([1, 2, 3, 4, 5, 4, 3, 2, 1, 2], [2])).toEqual([]);
  });
});

describe('fourierResiduals', () => {
  it('should remove the harmonic part and the mean exactly when the data are harmonic', () => {
    const y = Array.from({ length: 96 }, (_, t) => 7 + 2 * Math.sin((2 * Math.PI * t) / 24));
    y[5] = NaN;
    const r = fourierResiduals(y, [{ period: 24, harmonics: 1 }]);
    expect(r[5]).toBeNaN();
    // Exact fit: residuals are float error only (1e-9).
    r.filter((v) => !Number.isNaN(v)).forEach((v) => expect(Math.abs(v)).toBeLessThan(1e-9));
  });
});

describe('selectFourierTerms budget', () => {
  it('should keep the total number of harmonics within the budget', () => {
    const normal = seededNormal(33);
    // A square wave needs many harmonics; the budget must still hold.
    const y = Array.from(
      { length: 24 * 7 * 4 },
      (_, t) => (t % 24 < 12 ? 5 : -5) + (Math.floor(t / 24) % 7 >= 5 ? -3 : 0) + normal()
    );
    const terms = selectFourierTerms(y, [24, 168], 5);
    expect(terms.reduce((sum, term) => sum + term.harmonics, 0)).toBeLessThanOrEqual(5);
    expect(terms[0]).toEqual({ period: 24, harmonics: expect.any(Number) });
  });
});
