/**
 * The seeded random cases of the robustness sweep (sweep.test.ts). Coefficients are drawn stationary and
 * invertible through partial autocorrelations (Monahan 1984, "A note on enforcing stationarity in
 * autoregressive-moving average models", Biometrika 71; the map of R `arima(transform.pars = TRUE)`); the
 * series come from the engine's simulator.
 */

import { SarimaCoefficients, SarimaSpec } from '../types';
import { seededUniform, simulateSarima } from './simulate';

/** A simulated series with the spec and coefficients it was drawn from. */
export interface SweepCase {
  name: string;
  spec: SarimaSpec;
  coefficients: SarimaCoefficients;
  y: number[];
}

/**
 * Maps partial autocorrelations (each in (−1, 1)) to the coefficients φ of a stationary AR polynomial
 * 1 − φ₁B − … − φₚBᵖ by the Durbin–Levinson recursion (Monahan 1984; R `partrans`).
 */
export function pacfToAr(pacf: number[]): number[] {
  const phi: number[] = [];
  for (let k = 0; k < pacf.length; k++) {
    const previous = phi.slice();
    for (let j = 0; j < k; j++) {
      phi[j] = previous[j] - pacf[k] * previous[k - 1 - j];
    }
    phi[k] = pacf[k];
  }
  return phi;
}

/**
 * The seeded random cases of the sweep: orders p, q ≤ 2, d ≤ 1; seasonal P, Q ≤ 1 (P ≤ 2 for m = 24),
 * D ≤ 1 with m ∈ {4, 7, 12, 24}; about 40 % hourly m = 24 series of 14–20 days. Coefficients come from
 * partial autocorrelations uniform in (−0.8, 0.8), so every model is stationary and invertible, bounded away
 * from the unit circle; undifferenced models get a mean, differenced ones a random level. Noise sd 0.1–5.1.
 */
export function sweepCases(count: number, seed: number): SweepCase[] {
  const uniform = seededUniform(seed);
  const integer = (max: number) => Math.floor(uniform() * (max + 1));
  const pacf = (k: number) => Array.from({ length: k }, () => 1.6 * uniform() - 0.8);
  const cases: SweepCase[] = [];
  for (let i = 0; i < count; i++) {
    const kind = uniform();
    const period = kind < 0.4 ? 24 : kind < 0.6 ? 12 : kind < 0.75 ? 7 : kind < 0.85 ? 4 : 1;
    const seasonal = period > 1;
    const order = { p: integer(2), d: integer(1), q: integer(2) };
    const seasonalOrder = seasonal
      ? { P: integer(period === 24 ? 2 : 1), D: integer(1), Q: integer(1), period }
      : { P: 0, D: 0, Q: 0, period: 1 };
    const differenced = order.d + seasonalOrder.D > 0;
    const coefficients: SarimaCoefficients = {
      ar: pacfToAr(pacf(order.p)),
      ma: pacfToAr(pacf(order.q)).map((c) => -c),
      sar: pacfToAr(pacf(seasonalOrder.P)),
      sma: pacfToAr(pacf(seasonalOrder.Q)).map((c) => -c),
      intercept: differenced ? 0 : 100 * uniform(),
      xreg: [],
    };
    const n =
      period === 24
        ? 336 + 24 * integer(6)
        : period === 1
          ? 150 + integer(150)
          : 10 * Math.max(period, 6) + integer(100);
    const spec: SarimaSpec = { order, seasonal: seasonalOrder, includeMean: !differenced };
    const sigma = 0.1 + 5 * uniform();
    const level = differenced ? 1000 * uniform() : 0;
    const y = simulateSarima(spec, coefficients, n, { seed: seed * 1000 + i, sigma }).map((v) => v + level);
    const label =
      `${order.p}${order.d}${order.q}` +
      (seasonal ? `_${seasonalOrder.P}${seasonalOrder.D}${seasonalOrder.Q}_${period}` : '');
    cases.push({ name: `sweep-${i}-${label}-n${n}`, spec, coefficients, y });
  }
  return cases;
}
