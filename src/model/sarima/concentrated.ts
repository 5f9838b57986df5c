/**
 * The ML and CSS objectives of a problem with regressors as functions of the ARMA parameters only, the
 * regression coefficients concentrated out by GLS (`gls.ts`): the profile likelihood max_β L(ARMA, β), whose
 * maximum is the joint maximum R `stats::arima(xreg = …)` reaches by searching every coefficient.
 */

import { ModelError } from '../errors';
import { conditionalSumOfSquares } from './css';
import { innovationGram, solveGls } from './gls';
import { invertPositiveDefinite } from './hessian';
import { concentratedObjective, LikelihoodParts } from './likelihood';
import { arStationary, Problem, systemFor } from './problem';
import { SinusoidBasis } from './steadyGram';

/** Buffers of the concentrated objectives for one problem. */
export interface GlsWork {
  /** Column 0: the differenced series minus the starting regression dX·β₀ (smaller cross-products, less
   * cancellation); then the differenced regressors. */
  columns: Float64Array[];
  /** β₀, the OLS starting coefficients: β̂ = β₀ + δ̂. */
  base: Float64Array;
  E: Float64Array[];
  /** Each regressor as a sinusoid (mean: ω = 0) when nothing is differenced and there is no drift, else null. */
  basis: SinusoidBasis[] | null;
}

/** Number of ARMA parameters p + q + P + Q (the leading entries of a parameter vector). */
export function armaCount(pr: Problem): number {
  return pr.p + pr.q + pr.P + pr.Q;
}

/**
 * True when the regressors are concentrated out: the model has Fourier terms and nothing is missing. With
 * missing values the likelihood runs the diffuse or gap filters, which keep the joint search. A model whose
 * only regressors are the mean and/or drift (k ≤ 2) also keeps R's joint search: it costs little there and
 * follows R's optimiser path, so where the likelihood has several maxima (e.g. ARMA(2,2) with an MA root
 * near 1) the fit stops at the one R stops at and the automatic order search makes R's choices.
 */
export function canConcentrate(pr: Problem): boolean {
  return pr.spec.fourier.length > 0 && !pr.hasMissing;
}

/** Buffers for `pr` with the starting coefficients β₀ (length k). */
export function makeGlsWork(pr: Problem, base: ArrayLike<number>): GlsWork {
  const y0 = Float64Array.from(pr.dy);
  pr.dX.forEach((col, c) => {
    for (let t = 0; t < y0.length; t++) {
      y0[t] -= base[c] * col[t];
    }
  });
  const columns = [y0, ...pr.dX];
  const E = columns.map((col) => new Float64Array(col.length));
  return { columns, base: Float64Array.from(base), E, basis: sinusoidBasis(pr) };
}

/**
 * The regressors as sinusoids for the closed-form cross-products (`steadyGram.ts`): a mean is cos 0t, each
 * Fourier pair shares its sin/cos columns as basis. Null with differencing (the columns would be differenced
 * sinusoids, not handled) or a drift (not a sinusoid).
 */
function sinusoidBasis(pr: Problem): SinusoidBasis[] | null {
  if (pr.delta.length > 0 || pr.spec.includeDrift) {
    return null;
  }
  const basis: SinusoidBasis[] = [];
  let col = 0;
  if (pr.spec.includeMean) {
    basis.push({ omega: 0, cos: pr.X[0], sin: null });
    col = 1;
  }
  for (const term of pr.spec.fourier) {
    for (let h = 1; h <= term.harmonics; h++) {
      const pair = { omega: (2 * Math.PI * h) / term.period, sin: pr.X[col], cos: pr.X[col + 1] };
      basis.push(pair, pair);
      col += 2;
    }
  }
  return basis;
}

/** Profile at given ARMA parameters: likelihood parts at β̂, β̂ and ẼᵀẼ (= XᵀΣ⁻¹X for σ² = 1). */
export interface Profile {
  parts: LikelihoodParts;
  beta: Float64Array;
  xtx: Float64Array;
}

/** GLS step at natural ARMA parameters; null when the filtered regressors are collinear. */
export function profileMl(pr: Problem, work: GlsWork, arma: ArrayLike<number>): Profile | null {
  const sys = systemFor(pr, arma);
  const { G, sumlog } = innovationGram(sys, work.columns, work.E, work.basis);
  const sol = solveGls(G, pr.k);
  if (sol === null) {
    return null;
  }
  const beta = work.base.map((b, i) => b + sol.delta[i]);
  return { parts: { ssq: sol.ssq, sumlog, nu: work.columns[0].length }, beta, xtx: sol.xtx };
}

/** R's ML objective 0.5·(log σ̂² + sumlog/nu) maximised over β, at natural ARMA parameters; +∞ where undefined. */
export function profileMlObjective(pr: Problem, work: GlsWork, arma: ArrayLike<number>): number {
  if (!arStationary(pr, arma)) {
    return Number.POSITIVE_INFINITY;
  }
  try {
    const profile = profileMl(pr, work, arma);
    return profile === null ? Number.POSITIVE_INFINITY : concentratedObjective(profile.parts);
  } catch (e) {
    if (e instanceof ModelError) {
      return Number.POSITIVE_INFINITY;
    }
    throw e;
  }
}

/**
 * R's CSS objective 0.5·log(mean square residual) of the ARMA errors with β held at its OLS start β₀, at
 * natural ARMA parameters: the start of the concentrated ML search. One filter pass per evaluation instead of
 * k + 1 filters and the cross-products; R's CSS also moves β, but the ML stage maximises over β anyway, so
 * only the starting point of the ARMA search differs (measured: the same optimum on the reference fixtures).
 */
export function startCssObjective(pr: Problem, work: GlsWork, arma: ArrayLike<number>): number {
  const params = arma instanceof Float64Array ? arma : Float64Array.from(arma);
  const layout = { p: pr.p, q: pr.q, P: pr.P, Q: pr.Q, period: pr.spec.seasonal.period };
  const res = conditionalSumOfSquares(params, layout, work.columns[0], pr.ncond, work.E[0], pr.work.css);
  return res.meanSquare > 0 ? 0.5 * Math.log(res.meanSquare) : Number.POSITIVE_INFINITY;
}

/**
 * Standard errors of β̂ from the GLS covariance σ̂²(XᵀΣ⁻¹X)⁻¹ with σ̂² = ssq/nUsed: the β block of the inverse
 * Hessian of R's objective n·0.5·log(ssq/n) (at β̂ its gradient vanishes, so that block is nUsed·ẼᵀẼ/ssq).
 * The cross terms between β and the ARMA parameters have expectation zero for stationary errors and are left
 * out, as in the usual GLS inference (Harvey 1989 §3.4.1). Null when ẼᵀẼ is singular.
 */
export function glsStandardErrors(profile: Profile, nUsed: number): Float64Array | null {
  const k = profile.beta.length;
  const sigma2 = profile.parts.ssq / nUsed;
  const inv = invertPositiveDefinite(profile.xtx, k);
  return inv === null ? null : Float64Array.from({ length: k }, (_, i) => Math.sqrt(sigma2 * inv[i * k + i]));
}
