/**
 * The concentrated (GLS) fit on a window where the exact likelihood has two maxima: the stationary point
 * with an MA root on the unit circle, and a higher interior one. Fixture: eval:forecast task nyc_taxi@4968
 * (672 hourly means of NAB realKnownCause/nyc_taxi.csv, written by tests/fixtures/model/nycTaxiWindow.py).
 * ARIMA(2,1,3) + Fourier 24:6, 168:2 + drift:
 *   R 4.x forecast::Arima(y, c(2,1,3), xreg = fourier(msts(y, c(24, 168)), c(6, 2)), include.drift = TRUE):
 *     loglik −5845.1072, smallest MA root modulus 1.00000 (stops on the circle);
 *   the joint search of the pre-GLS engine (commit df80aa1): loglik −5845.0667, MA root modulus 1.01026.
 */

import fs from 'fs';
import path from 'path';
import { SarimaSpec } from '../types';
import { fitSarima } from './fit';
import { polynomialRoots } from './roots';

const y = fs
  .readFileSync(path.join(__dirname, '../../../tests/fixtures/model/nycTaxiWindow.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map(Number);

const spec = (p: number, q: number): SarimaSpec => ({
  order: { p, d: 1, q },
  seasonal: { P: 0, D: 0, Q: 0, period: 1 },
  includeMean: false,
  includeDrift: true,
  fourier: [
    { period: 24, harmonics: 6 },
    { period: 168, harmonics: 2 },
  ],
});

function smallestMaRootModulus(ma: number[]): number {
  return Math.min(...polynomialRoots([1, ...ma]).map((z) => Math.hypot(z.re, z.im)));
}

describe('concentrated fit with an MA root on the unit circle', () => {
  it('should read the 672-hour fixture', () => {
    expect(y).toHaveLength(672);
    expect(y.every(Number.isFinite)).toBe(true);
  });

  it('should reach the interior maximum, not the stationary point on the unit circle', () => {
    const model = fitSarima(y, spec(2, 3));
    // The two maxima differ by 0.040; 1e-3 is the resolution of the ML stage (reltol 1e-10 on ~5845).
    expect(model.loglik).toBeGreaterThan(-5845.0667 - 1e-3);
    // 1.01 is auto's root check: the order stays a candidate, as with the pre-GLS engine.
    expect(smallestMaRootModulus(model.coefficients.ma)).toBeGreaterThan(1.01);
  });

  it('should keep the fit on the circle when that is the higher maximum', () => {
    // (1,1,3): the joint (pre-GLS) search, the concentrated one and its restart all end on the circle at −5863.858.
    const model = fitSarima(y, spec(1, 3));
    expect(model.loglik).toBeCloseTo(-5863.858, 2);
    expect(smallestMaRootModulus(model.coefficients.ma)).toBeLessThan(1.001);
  });
});
