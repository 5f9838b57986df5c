/** Derives (and caches) the filter system of a fitted model from its plain-data coefficients. */

import { SarimaCoefficients, SarimaSpec } from '../types';
import { regressionAt } from './fourier';
import { FilterSystem } from './kalman';
import { differencingCoefficients, expandSeasonal } from './polynomial';
import { armaSystem } from './stateSpace';

/** The coefficient-dependent pieces of a model used by the filter and the forecasts. */
export interface ModelSystem extends FilterSystem {
  /** Regression part (intercept + drift·(t + 1) + Fourier terms) at step t. */
  regression: (t: number) => number;
}

/** Structural subset of `SarimaModel` needed here (avoids an import cycle with fit.ts). */
interface ModelLike {
  spec: SarimaSpec;
  coefficients: SarimaCoefficients;
}

const cache = new WeakMap<object, ModelSystem>();

/** Builds the filter system for `spec` with `coefficients` (R `makeARIMA` plus the xreg term). */
export function buildSystem(spec: SarimaSpec, coefficients: SarimaCoefficients): ModelSystem {
  const period = spec.seasonal.period;
  const phi = expandSeasonal(coefficients.ar, coefficients.sar, period, -1);
  const theta = expandSeasonal(coefficients.ma, coefficients.sma, period, 1);
  const seasonalD = period > 1 ? spec.seasonal.D : 0;
  const delta = differencingCoefficients(spec.order.d, seasonalD, period);
  const terms = spec.fourier ?? [];
  const intercept = coefficients.intercept;
  const beta = coefficients.xreg;
  const drift = coefficients.drift ?? 0;
  const regression =
    terms.length === 0 && drift === 0
      ? () => intercept
      : (t: number) => regressionAt(terms, intercept, beta, t) + drift * (t + 1);
  return { arma: armaSystem(phi, theta), delta, regression };
}

/** Cached {@link buildSystem} for a model object (models are immutable plain data). */
export function systemOf(model: ModelLike): ModelSystem {
  let sys = cache.get(model);
  if (sys === undefined) {
    sys = buildSystem(model.spec, model.coefficients);
    cache.set(model, sys);
  }
  return sys;
}
