/**
 * A prepared fitting problem: the series, its regressors and their differenced versions, the parameter
 * layout [ar, ma, sar, sma, intercept?, xreg] (R `stats::arima` order), and the CSS and ML objectives.
 */

import { ModelError } from '../errors';
import { SarimaCoefficients, SarimaSpec } from '../types';
import { conditionalSumOfSquares, CssScratch, cssScratch } from './css';
import { fourierColumnCount, fourierRow } from './fourier';
import { gapLikelihood } from './gaps';
import { FilterSystem } from './kalman';
import { armaLikelihood, concentratedObjective, generalLikelihood, LikelihoodParts } from './likelihood';
import { applyDifferencing, differencingCoefficients, expandSeasonal } from './polynomial';
import { ArmaSystem, armaSystem } from './stateSpace';
import { isStationary, transformAr } from './transform';

/** Everything the objectives need, computed once per fit. */
export interface Problem {
  spec: Required<SarimaSpec>;
  y: Float64Array;
  /** Regressor columns (intercept first when estimated, then drift, then Fourier), each of length n. */
  X: Float64Array[];
  delta: number[];
  /** Differenced series and regressors (length n − nd). */
  dy: Float64Array;
  dX: Float64Array[];
  hasMissing: boolean;
  /**
   * With missing values: their positions in the differenced series when all lie after the first
   * d + m·D values (else null), and the differenced series with zeros filled in, for `gapLikelihood`.
   */
  gaps: number[] | null;
  dyFilled: Float64Array;
  /** Parameter counts p, q, P, Q and k regressors. */
  p: number;
  q: number;
  P: number;
  Q: number;
  k: number;
  /** Conditioning length of CSS on the differenced series: p + m·P (R n.cond − d − m·D). */
  ncond: number;
  /** R's n.used: non-missing observations minus d + m·D. */
  nUsed: number;
  /** Optimiser scale of each parameter (R `parscale`: 1 for ARMA, 10·OLS s.e. for regressors). */
  scale: Float64Array;
  work: { w: Float64Array; u: Float64Array; resid: Float64Array; css: CssScratch };
}

/** Prepares the problem for a resolved spec and a validated series. */
// eslint-disable-next-line max-lines-per-function -- one straight pass that sizes every buffer of the problem; split, the sizes would be computed twice
export function makeProblem(spec: Required<SarimaSpec>, y: ArrayLike<number>, present: number): Problem {
  const n = y.length;
  const yy = Float64Array.from(y);
  const { p, d, q } = spec.order;
  const { P, D, Q, period } = spec.seasonal;
  const delta = differencingCoefficients(d, period > 1 ? D : 0, period);
  const X: Float64Array[] = [];
  if (spec.includeMean) {
    X.push(new Float64Array(n).fill(1));
  }
  if (spec.includeDrift) {
    X.push(Float64Array.from({ length: n }, (_, t) => t + 1));
  }
  const nf = fourierColumnCount(spec.fourier);
  if (nf > 0) {
    const cols = Array.from({ length: nf }, () => new Float64Array(n));
    const row = new Float64Array(nf);
    for (let t = 0; t < n; t++) {
      fourierRow(spec.fourier, t, row);
      for (let c = 0; c < nf; c++) {
        cols[c][t] = row[c];
      }
    }
    X.push(...cols);
  }
  const k = X.length;
  const nParams = p + q + P + Q + k;
  const scale = new Float64Array(nParams).fill(1);
  const nd = delta.length;
  const missing = Array.from(yy.keys()).filter((t) => Number.isNaN(yy[t]));
  const gaps = missing.length > 0 && missing[0] >= nd ? missing.map((t) => t - nd) : null;
  return {
    spec,
    y: yy,
    X,
    delta,
    dy: applyDifferencing(yy, delta),
    dX: X.map((col) => applyDifferencing(col, delta)),
    hasMissing: present < n,
    gaps,
    dyFilled:
      gaps === null
        ? new Float64Array(0)
        : applyDifferencing(
            yy.map((v) => (Number.isNaN(v) ? 0 : v)),
            delta
          ),
    p,
    q,
    P,
    Q,
    k,
    ncond: p + period * P,
    nUsed: present - nd,
    scale,
    work: {
      w: new Float64Array(Math.max(0, n - nd)),
      u: new Float64Array(n),
      resid: new Float64Array(Math.max(0, n - nd)),
      css: cssScratch({ p, q, P, Q, period }),
    },
  };
}

/** Number of estimated coefficients. */
export function parameterCount(pr: Problem): number {
  return pr.p + pr.q + pr.P + pr.Q + pr.k;
}

/** Splits a natural (untransformed) parameter vector into coefficients. */
export function toCoefficients(pr: Problem, params: ArrayLike<number>): SarimaCoefficients {
  const all = Array.from(params);
  let at = 0;
  const take = (count: number): number[] => {
    const out = all.slice(at, at + count);
    at += count;
    return out;
  };
  const ar = take(pr.p);
  const ma = take(pr.q);
  const sar = take(pr.P);
  const sma = take(pr.Q);
  const intercept = pr.spec.includeMean ? take(1)[0] : 0;
  const drift = pr.spec.includeDrift ? take(1)[0] : undefined;
  const xreg = take(pr.k - (pr.spec.includeMean ? 1 : 0) - (pr.spec.includeDrift ? 1 : 0));
  return drift === undefined ? { ar, ma, sar, sma, intercept, xreg } : { ar, ma, sar, sma, intercept, drift, xreg };
}

/** Applies the AR transforms to the AR and seasonal AR blocks of a raw parameter vector (R `transPars`). */
export function transformParams(pr: Problem, raw: ArrayLike<number>): Float64Array {
  const out = Float64Array.from(raw);
  if (pr.p > 0) {
    out.set(transformAr(out.subarray(0, pr.p)), 0);
  }
  const sarAt = pr.p + pr.q;
  if (pr.P > 0) {
    out.set(transformAr(out.subarray(sarAt, sarAt + pr.P)), sarAt);
  }
  return out;
}

/** True when both AR blocks of natural parameters are stationary. */
export function arStationary(pr: Problem, params: ArrayLike<number>): boolean {
  const v = Array.from(params);
  return isStationary(v.slice(0, pr.p)) && isStationary(v.slice(pr.p + pr.q, pr.p + pr.q + pr.P));
}

/** ARMA system of natural parameters. */
export function systemFor(pr: Problem, params: ArrayLike<number>): ArmaSystem {
  const m = pr.spec.seasonal.period;
  const v = params instanceof Float64Array ? params : Float64Array.from(params);
  const ar = v.subarray(0, pr.p);
  const ma = v.subarray(pr.p, pr.p + pr.q);
  const sar = v.subarray(pr.p + pr.q, pr.p + pr.q + pr.P);
  const sma = v.subarray(pr.p + pr.q + pr.P, pr.p + pr.q + pr.P + pr.Q);
  return armaSystem(expandSeasonal(ar, sar, m, -1), expandSeasonal(ma, sma, m, 1));
}

/** The differenced series minus the differenced regression (read-only for the caller: may be `pr.dy` itself). */
function fillDifferenced(pr: Problem, params: ArrayLike<number>, filled = false): Float64Array {
  if (pr.k === 0) {
    return filled ? pr.dyFilled : pr.dy;
  }
  const w = pr.work.w;
  w.set(filled ? pr.dyFilled : pr.dy);
  const b0 = pr.p + pr.q + pr.P + pr.Q;
  for (let c = 0; c < pr.k; c++) {
    const beta = params[b0 + c];
    const col = pr.dX[c];
    for (let t = 0; t < w.length; t++) {
      w[t] -= beta * col[t];
    }
  }
  return w;
}

function fillAdjusted(pr: Problem, params: ArrayLike<number>): Float64Array {
  const u = pr.work.u;
  u.set(pr.y);
  const b0 = pr.p + pr.q + pr.P + pr.Q;
  for (let c = 0; c < pr.k; c++) {
    const beta = params[b0 + c];
    const col = pr.X[c];
    for (let t = 0; t < u.length; t++) {
      u[t] -= beta * col[t];
    }
  }
  return u;
}

/**
 * Likelihood parts at natural parameters: the Chandrasekhar ARMA filter on the differenced series when
 * nothing is missing; with a few missing values (k ≤ 2r, none among the first d + m·D) the same filter
 * with one diffuse dummy per gap (`gapLikelihood`); else the general diffuse filter on the undifferenced
 * series (R `ARIMA_Like`). All three give R's likelihood of the observed values.
 */
export function likelihoodParts(pr: Problem, params: ArrayLike<number>): LikelihoodParts {
  const sys = systemFor(pr, params);
  if (!pr.hasMissing) {
    return armaLikelihood(sys, fillDifferenced(pr, params));
  }
  if (pr.gaps !== null && pr.gaps.length <= 4 * sys.r) {
    const parts = gapLikelihood(sys, fillDifferenced(pr, params, true), pr.gaps, pr.delta);
    if (parts !== null) {
      return parts;
    }
  }
  const fsys: FilterSystem = { arma: sys, delta: pr.delta };
  return generalLikelihood(fsys, fillAdjusted(pr, params));
}

/** R's ML objective 0.5·(log σ̂² + sumlog/nu) at natural parameters; +∞ where undefined. */
export function mlObjective(pr: Problem, params: ArrayLike<number>): number {
  if (!arStationary(pr, params)) {
    return Number.POSITIVE_INFINITY;
  }
  try {
    return concentratedObjective(likelihoodParts(pr, params));
  } catch (e) {
    if (e instanceof ModelError) {
      return Number.POSITIVE_INFINITY;
    }
    throw e;
  }
}

/** R's CSS objective 0.5·log(mean square residual) at natural parameters (`armaCSS`). */
export function cssObjective(pr: Problem, params: ArrayLike<number>): number {
  const arma = params instanceof Float64Array ? params : Float64Array.from(params);
  const layout = { p: pr.p, q: pr.q, P: pr.P, Q: pr.Q, period: pr.spec.seasonal.period };
  const w = fillDifferenced(pr, params);
  const res = conditionalSumOfSquares(arma, layout, w, pr.ncond, pr.work.resid, pr.work.css);
  return res.meanSquare > 0 ? 0.5 * Math.log(res.meanSquare) : Number.POSITIVE_INFINITY;
}
