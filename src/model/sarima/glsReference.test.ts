/**
 * Regression with ARIMA errors on Fourier terms for two seasons: our concentrated (GLS) likelihood against
 * R `forecast::Arima(xreg = X)`, which searches the regression coefficients jointly with the ARMA part
 * (tests/fixtures/reference/generate_r_xreg.R writes the fixture). Same maximum, same coefficients.
 */

import rJson from '../../../tests/fixtures/reference/r_xreg_results.json';
import { FourierTerm, SarimaCoefficients, SarimaSpec } from '../types';
import { fitSarima, SarimaModel } from './fit';
import { forecastSarima } from './forecast';

interface XregCase {
  id: string;
  order: [number, number, number];
  seasonal: [number, number, number];
  period: number;
  includeMean: boolean;
  fourier: FourierTerm[];
  data: number[];
  coefficients: SarimaCoefficients;
  standardErrors: SarimaCoefficients;
  sigma2: number;
  loglik: number;
  aicc: number;
  nobs: number;
  nParams: number;
  forecast: { mean: number[]; lower95: number[]; upper95: number[] };
}

const results = Object.values((rJson as unknown as { results: Record<string, XregCase> }).results);

function specOf(c: XregCase): SarimaSpec {
  return {
    order: { p: c.order[0], d: c.order[1], q: c.order[2] },
    seasonal: { P: c.seasonal[0], D: c.seasonal[1], Q: c.seasonal[2], period: c.period },
    includeMean: c.includeMean,
    fourier: c.fourier,
  };
}

function flatten(c: SarimaCoefficients): number[] {
  return [...c.ar, ...c.ma, ...c.sar, ...c.sma, c.intercept, ...c.xreg];
}

const fits = new Map<string, SarimaModel>();
function fitted(c: XregCase): SarimaModel {
  const model = fits.get(c.id) ?? fitSarima(c.data, specOf(c));
  fits.set(c.id, model);
  return model;
}

describe('concentrated regression coefficients against R forecast::Arima(xreg)', () => {
  it('should have the three fixture cases', () => {
    expect(results.map((c) => c.id)).toEqual([
      'two_seasons_101_mean',
      'sarima_101_011_24_weekly',
      'five_minute_101_mean_10_pairs',
    ]);
  });

  describe.each(results.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    it('should reach the log-likelihood R reaches by the joint search, within 0.01', () => {
      // As reference.test.ts: R stops its optimiser at reltol 1e-8, and with differencing R's κ = 1e6 prior
      // approximates the exact diffuse likelihood (0.003–0.008 apart). A different maximum is ≥ 0.1 away.
      expect(Math.abs(fitted(c).loglik - c.loglik)).toBeLessThanOrEqual(0.01);
      expect(Math.abs(fitted(c).aicc - c.aicc)).toBeLessThanOrEqual(0.02);
    });

    it('should count observations and parameters as R', () => {
      expect(fitted(c).nObs).toBe(c.nobs);
      expect(fitted(c).nParams).toBe(c.nParams);
    });

    it('should match R coefficients within 0.02 standard errors and σ² within 0.1 %', () => {
      // In units of R's standard error: the regression coefficients are on the data's scale (≈ 0.1–0.5 se
      // units per 1e-2), and 0.02 se is far inside any interval while a wrong likelihood moves them by ≥ 0.5 se.
      const ours = flatten(fitted(c).coefficients);
      const ref = flatten(c.coefficients);
      const se = flatten(c.standardErrors);
      const worst = Math.max(...ours.map((v, i) => (se[i] > 0 ? Math.abs(v - ref[i]) / se[i] : 0)));
      expect(worst).toBeLessThanOrEqual(0.02);
      // forecast::Arima reports σ² = RSS/(n* − k) (degrees of freedom); ours is stats::arima's RSS/n*.
      const rssOverN = (c.sigma2 * (c.nobs - c.nParams)) / c.nobs;
      expect(Math.abs(fitted(c).sigma2 / rssOverN - 1)).toBeLessThanOrEqual(1e-3);
    });

    it('should match R standard errors within 2 % (GLS covariance for β)', () => {
      // R inverts the numerical Hessian of every coefficient; ours: profile Hessian for the ARMA part and
      // σ̂²(XᵀΣ⁻¹X)⁻¹ for β (cross terms left out). R's own finite-difference error is ~1 % (reference.test.ts).
      const ours = flatten(fitted(c).standardErrors);
      const ref = flatten(c.standardErrors);
      const worst = Math.max(...ref.map((se, i) => (se > 0 ? Math.abs(ours[i] / se - 1) : 0)));
      expect(worst).toBeLessThanOrEqual(0.02);
    });

    it('should forecast within 0.05 interval half-widths of R', () => {
      const model = fitted(c);
      const ours = forecastSarima(model, model.state, c.forecast.mean.length, [95]);
      const worst = Math.max(
        ...ours.mean.map((v, h) => {
          const halfWidth = (c.forecast.upper95[h] - c.forecast.lower95[h]) / 2;
          return Math.abs(v - c.forecast.mean[h]) / halfWidth;
        })
      );
      // 0.05 half-widths ≈ 0.1 forecast standard errors, the bound of reference.test.ts.
      expect(worst).toBeLessThanOrEqual(0.05);
    });
  });
});
