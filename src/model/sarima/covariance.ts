/**
 * Standard errors of fitted SARIMA coefficients from the numerical Hessian of the negative
 * log-likelihood (R `stats::arima`: `optim(hessian = TRUE)` and `ARIMA_Gradtrans`).
 */

import { covarianceFromHessian, standardErrors } from './hessian';
import { cssObjective, mlObjective, Problem, transformParams } from './problem';
import { transformAr, untransformAr } from './transform';
import { describeSpec } from './validate';

/** CSS standard errors: inverse Hessian of n·(CSS objective), as R `arima(method = "CSS")`. */
export function cssStandardErrors(pr: Problem, params: Float64Array, nUsed: number): Float64Array {
  return standardErrors(params, pr.scale, (x) => nUsed * cssObjective(pr, x), describeSpec(pr.spec));
}

/**
 * ML standard errors: from the Hessian in the natural parameters; when that is not finite or not
 * positive definite (typically an AR root close to the unit circle, where steps in the natural
 * parameters leave the stationary region), from the Hessian in the transformed parameters mapped by
 * the delta method, as R `stats::arima` always does (`ARIMA_Gradtrans`). Throws ConvergenceError when
 * both fail. `objective` defaults to the joint ML objective; the concentrated fit passes the profile
 * objective of the ARMA parameters, whose inverse Hessian is the ARMA block of the joint inverse Hessian.
 */
export function mlStandardErrors(
  pr: Problem,
  params: Float64Array,
  nUsed: number,
  objective: (params: Float64Array) => number = (x) => mlObjective(pr, x)
): Float64Array {
  const k = params.length;
  const natural = covarianceFromHessian(params, pr.scale, (x) => nUsed * objective(x));
  if (typeof natural !== 'string' || pr.p + pr.P === 0) {
    return standardErrors(params, pr.scale, (x) => nUsed * objective(x), describeSpec(pr.spec));
  }
  const raw = Float64Array.from(params);
  const blocks: Array<[number, number]> = [
    [0, pr.p],
    [pr.p + pr.q, pr.P],
  ];
  for (const [at, len] of blocks) {
    const u = untransformAr(raw.subarray(at, at + len));
    if (u === null) {
      return standardErrors(params, pr.scale, (x) => nUsed * objective(x), describeSpec(pr.spec));
    }
    raw.set(u, at);
  }
  const cov = covarianceFromHessian(raw, pr.scale, (x) => nUsed * objective(transformParams(pr, x)));
  if (typeof cov === 'string') {
    return standardErrors(params, pr.scale, (x) => nUsed * objective(x), describeSpec(pr.spec));
  }
  // Jacobian of the transform (block diagonal: AR blocks by central differences, identity elsewhere).
  const J = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    J[i * k + i] = 1;
  }
  for (const [at, len] of blocks) {
    for (let j = 0; j < len; j++) {
      const h = 1e-6;
      const plus = Array.from(raw.subarray(at, at + len));
      const minus = plus.slice();
      plus[j] += h;
      minus[j] -= h;
      const fp = transformAr(plus);
      const fm = transformAr(minus);
      for (let i = 0; i < len; i++) {
        J[(at + i) * k + at + j] = (fp[i] - fm[i]) / (2 * h);
      }
    }
  }
  const se = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let v = 0;
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++) {
        v += J[i * k + a] * cov[a * k + b] * J[i * k + b];
      }
    }
    se[i] = Math.sqrt(v);
  }
  return se;
}
