/**
 * Seeded simulation of SARIMA series with Fourier regressors, for parameter-recovery tests and
 * benchmarks (the model of R `arima.sim` with seasonal factors multiplied out).
 */

import { SarimaCoefficients, SarimaSpec } from '../types';
import { buildSystem } from './system';

/** Options of {@link simulateSarima}. */
export interface SimulateOptions {
  /** Seed of the generator; the same seed gives the same series. */
  seed: number;
  /** Innovation standard deviation (default 1). */
  sigma?: number;
  /** Steps simulated and discarded before the series starts, so the ARMA part is near stationary (default 500). */
  burnIn?: number;
}

/**
 * Small seeded uniform generator (Mulberry32, Tommy Ettinger 2017): 32-bit state, period 2³², enough
 * for test data. Returns a function giving numbers in [0, 1).
 */
export function seededUniform(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}

/** Seeded standard normal generator (Box–Muller transform on {@link seededUniform}). */
export function seededNormal(seed: number): () => number {
  const uniform = seededUniform(seed);
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const v = spare;
      spare = null;
      return v;
    }
    let u1 = uniform();
    while (u1 <= 0) {
      u1 = uniform();
    }
    const u2 = uniform();
    const radius = Math.sqrt(-2 * Math.log(u1));
    spare = radius * Math.sin(2 * Math.PI * u2);
    return radius * Math.cos(2 * Math.PI * u2);
  };
}

/**
 * Simulates n values of the SARIMA model `spec` with `coefficients`: the ARMA recursion
 * wₜ = Σ φₖwₜ₋ₖ + εₜ + Σ θₖεₜ₋ₖ on the differenced scale (after `burnIn` discarded steps), integrated by
 * the differencing operator from zero initial values, plus intercept and Fourier regression at t = 0…n−1.
 * The intercept is only used when the spec has no differencing, as in the fitted model.
 */
export function simulateSarima(
  spec: SarimaSpec,
  coefficients: SarimaCoefficients,
  n: number,
  options: SimulateOptions
): number[] {
  const sigma = options.sigma ?? 1;
  const burnIn = options.burnIn ?? 500;
  const normal = seededNormal(options.seed);
  const sys = buildSystem(
    { ...spec, fourier: spec.fourier ?? [] },
    { ...coefficients, intercept: coefficients.intercept, xreg: coefficients.xreg }
  );
  const { phi, rVec, r } = sys.arma;
  const total = burnIn + n;
  const w = new Float64Array(total);
  const e = new Float64Array(total);
  for (let t = 0; t < total; t++) {
    e[t] = sigma * normal();
    let v = e[t];
    for (let k = 0; k < r; k++) {
      if (t - k - 1 < 0) {
        break;
      }
      v += phi[k] * w[t - k - 1] + (k + 1 < r ? rVec[k + 1] * e[t - k - 1] : 0);
    }
    w[t] = v;
  }
  const delta = sys.delta;
  const nd = delta.length;
  const u = new Float64Array(n + nd);
  for (let t = 0; t < n; t++) {
    let v = w[burnIn + t];
    for (let k = 0; k < nd; k++) {
      v += delta[k] * u[nd + t - k - 1];
    }
    u[nd + t] = v;
  }
  const out = new Array<number>(n);
  for (let t = 0; t < n; t++) {
    out[t] = u[nd + t] + sys.regression(t);
  }
  return out;
}
