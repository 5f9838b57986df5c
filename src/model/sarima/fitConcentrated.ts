/**
 * Fit of a model with regressors (mean, drift, Fourier terms) by the ML of R `stats::arima(xreg = …)` with the
 * regression coefficients concentrated out (`concentrated.ts`): CSS then ML over the ARMA parameters only,
 * β̂ by GLS at each step, standard errors of the ARMA parameters from the Hessian of the profile likelihood
 * and of β̂ from the GLS covariance. A search that stops with an MA root on the unit circle is restarted just
 * off it and keeps the higher maximum (`escapeMaUnitRoot`).
 */

import { CollinearRegressorsError, ConvergenceError } from '../errors';
import {
  armaCount,
  glsStandardErrors,
  makeGlsWork,
  startCssObjective,
  profileMl,
  profileMlObjective,
} from './concentrated';
import { mlStandardErrors } from './covariance';
import { escapeMaUnitRoot, Estimate, fitMl, invertMaBlocks, minimizeWithRetries } from './estimate';
import { MinimizeOptions } from './optimizer';
import { arStationary, Problem } from './problem';
import { describeSpec } from './validate';

/** A concentrated estimate: full parameter vector [ARMA, β̂] and its standard errors. */
export interface ConcentratedFit {
  estimate: Estimate;
  standardErrors: Float64Array;
}

/**
 * Fits `pr` (Fourier terms, no missing values) from the OLS coefficients `base`. 'CSS-ML' starts the ML search
 * from the CSS estimate of the ARMA parameters of the OLS residuals ({@link startCssObjective}); 'ML' starts
 * from zeros. Where the likelihood has one maximum the start does not change the optimum.
 */
export function fitConcentrated(
  pr: Problem,
  base: ArrayLike<number>,
  method: 'CSS-ML' | 'ML',
  opt: MinimizeOptions,
  cssOpt: MinimizeOptions
): ConcentratedFit {
  const work = makeGlsWork(pr, base);
  const nArma = armaCount(pr);
  const zeros = new Float64Array(nArma);
  let arma: Estimate = { params: zeros, iterations: 0, restarts: 0 };
  if (nArma > 0) {
    let init: Float64Array = zeros;
    if (method === 'CSS-ML') {
      const css = minimizeWithRetries(pr, (x) => startCssObjective(pr, work, x), [zeros], cssOpt, false);
      if (css.params.every(Number.isFinite) && arStationary(pr, css.params)) {
        init = invertMaBlocks(pr, css.params);
      }
    }
    const objective = (x: Float64Array): number => profileMlObjective(pr, work, x);
    // The profile search can stop on the unit circle where a joint search passes it by (eval:forecast
    // nyc_taxi@4968, (2,1,3) + drift: −5845.107 there and in R, −5845.067 by the pre-GLS joint search).
    arma = escapeMaUnitRoot(pr, fitMl(pr, init, zeros, opt, objective), zeros, opt, objective);
  }
  const profile = profileMl(pr, work, arma.params);
  if (profile === null) {
    throw new CollinearRegressorsError(
      `${describeSpec(pr.spec)}: the ${pr.k} regressors are collinear after filtering by the ARMA errors`
    );
  }
  const betaSe = glsStandardErrors(profile, pr.nUsed);
  if (betaSe === null) {
    throw new ConvergenceError(`${describeSpec(pr.spec)}: the GLS covariance of the regressors is singular`);
  }
  const armaSe =
    nArma > 0
      ? mlStandardErrors(pr, arma.params, pr.nUsed, (x) => profileMlObjective(pr, work, x))
      : new Float64Array(0);
  const params = new Float64Array(nArma + pr.k);
  params.set(arma.params, 0);
  params.set(profile.beta, nArma);
  const standardErrors = new Float64Array(nArma + pr.k);
  standardErrors.set(armaSe, 0);
  standardErrors.set(betaSe, nArma);
  return { estimate: { ...arma, params }, standardErrors };
}
