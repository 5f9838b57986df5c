/**
 * The estimation loop shared by the joint and the concentrated fits: BFGS from each start, Nelder–Mead plus a
 * BFGS polish as the last resort (R `stats::arima` runs `optim` once; the retries are ours), and the MA root
 * flip of R `maInvert`.
 */

import { ConvergenceError } from '../errors';
import { bfgs, MinimizeOptions, MinimizeResult, nelderMead } from './optimizer';
import { mlObjective, Problem, transformParams } from './problem';
import { invertMa, moveUnitMaRoots, untransformAr } from './transform';
import { describeSpec } from './validate';

/** Result of one estimation: natural parameters, BFGS iterations and restarts used. */
export interface Estimate {
  params: Float64Array;
  iterations: number;
  restarts: number;
}

/** Flips non-invertible MA roots of both MA blocks (R `maInvert`). */
export function invertMaBlocks(pr: Problem, params: Float64Array): Float64Array {
  const out = Float64Array.from(params);
  if (pr.q > 0) {
    out.set(invertMa(out.subarray(pr.p, pr.p + pr.q)), pr.p);
  }
  const smaAt = pr.p + pr.q + pr.P;
  if (pr.Q > 0) {
    out.set(invertMa(out.subarray(smaAt, smaAt + pr.Q)), smaAt);
  }
  return out;
}

/**
 * Minimises f (natural parameters) over scaled variables from each start in turn, then by Nelder–Mead
 * plus a BFGS polish from the best point. With `mustConverge` throws ConvergenceError when all fail.
 */
export function minimizeWithRetries(
  pr: Problem,
  f: (params: Float64Array) => number,
  starts: Float64Array[],
  opt: MinimizeOptions,
  mustConverge = true,
  toNatural: (raw: Float64Array) => Float64Array = (raw) => raw,
  fromNatural: (params: Float64Array) => Float64Array = (params) => params
): Estimate {
  const scale = pr.scale;
  const natural = (z: Float64Array): Float64Array => toNatural(z.map((v, i) => v * scale[i]));
  // The objective reads its argument only during the call, so one buffer serves every evaluation.
  const unscaled = new Float64Array(scale.length);
  const g = (z: Float64Array): number => {
    for (let i = 0; i < unscaled.length; i++) {
      unscaled[i] = z[i] * scale[i];
    }
    return f(toNatural(unscaled));
  };
  let best: MinimizeResult | null = null;
  let iterations = 0;
  let tries = 0;
  for (const start of starts) {
    const z0 = fromNatural(start).map((v, i) => v / scale[i]);
    const res = bfgs(g, z0, opt);
    tries++;
    iterations += res.iterations;
    if (res.converged && Number.isFinite(res.value)) {
      return { params: natural(res.x), iterations, restarts: tries - 1 };
    }
    if (best === null || res.value < best.value) {
      best = res;
    }
  }
  const from =
    best !== null && Number.isFinite(best.value) ? best.x : fromNatural(starts[0]).map((v, i) => v / scale[i]);
  // The simplex budget scales with the caller's iteration cap so that cap bounds the total work.
  const nm = nelderMead(g, from, { maxIterations: 5 * opt.maxIterations * (from.length + 1), reltol: opt.reltol });
  const polish = bfgs(g, nm.x, opt);
  tries += 1;
  iterations += nm.iterations + polish.iterations;
  if (polish.converged && Number.isFinite(polish.value)) {
    return { params: natural(polish.x), iterations, restarts: tries - 1 };
  }
  if (mustConverge) {
    const bestValue = Math.min(best?.value ?? Number.POSITIVE_INFINITY, polish.value);
    throw new ConvergenceError(
      `${describeSpec(pr.spec)}: optimiser did not converge from ${starts.length} start(s) nor by Nelder–Mead ` +
        `(best objective ${bestValue}, ${iterations} iterations)`
    );
  }
  return { params: natural(polish.x), iterations, restarts: tries - 1 };
}

/** ML in the transformed space (stationary AR blocks by construction), then MA root flip (R `maInvert`). */
export function fitMl(
  pr: Problem,
  init: Float64Array,
  zeros: Float64Array,
  opt: MinimizeOptions,
  objective: (params: Float64Array) => number = (x) => mlObjective(pr, x)
): Estimate {
  const toNatural = (raw: Float64Array): Float64Array => transformParams(pr, raw);
  const fromNatural = (params: Float64Array): Float64Array => {
    const raw = Float64Array.from(params);
    const ar = untransformAr(raw.subarray(0, pr.p));
    raw.set(ar ?? new Array<number>(pr.p).fill(0), 0);
    const sarAt = pr.p + pr.q;
    const sar = untransformAr(raw.subarray(sarAt, sarAt + pr.P));
    raw.set(sar ?? new Array<number>(pr.P).fill(0), sarAt);
    return raw;
  };
  const starts = [init];
  if (init.some((v, i) => v !== zeros[i])) {
    starts.push(zeros);
    starts.push(init.map((v, i) => (i < pr.p + pr.q + pr.P + pr.Q ? 0.5 * v : v)));
  }
  const est = minimizeWithRetries(pr, objective, starts, opt, true, toNatural, fromNatural);
  return { ...est, params: invertMaBlocks(pr, est.params) };
}

/** An MA root this close to the unit circle is on it (the optimiser's resolution of a root modulus). */
const UNIT_ROOT_TOLERANCE = 1e-3;
/** Modulus of the restart: just outside R `auto.arima`'s 1.01 root check (measured: 1.005–1.05 reach the
 * interior maximum of tests/fixtures/model/nycTaxiWindow.csv, 1.1 falls back to the circle). */
const ESCAPE_MODULUS = 1.02;

/**
 * The exact likelihood is symmetric in the flip of an MA root (r ↔ 1/r̄, R `maInvert`), so it is stationary
 * wherever an MA root lies on the unit circle and often has a local maximum there, the "pile-up" of the MA
 * unit root (Sargan & Bhargava 1983; Davis & Dunsmuir 1996, Econometric Theory 12(1)). When `est` stopped
 * there, searches again from the same point with those roots moved just outside the circle and keeps the
 * better of the two maxima (the restart's work is counted in `est`'s iterations and restarts).
 */
export function escapeMaUnitRoot(
  pr: Problem,
  est: Estimate,
  zeros: Float64Array,
  opt: MinimizeOptions,
  objective: (params: Float64Array) => number
): Estimate {
  const start = Float64Array.from(est.params);
  let moved = false;
  for (const [at, count] of [
    [pr.p, pr.q],
    [pr.p + pr.q + pr.P, pr.Q],
  ]) {
    const theta =
      count > 0 ? moveUnitMaRoots(start.subarray(at, at + count), ESCAPE_MODULUS, UNIT_ROOT_TOLERANCE) : null;
    if (theta !== null) {
      start.set(theta, at);
      moved = true;
    }
  }
  if (!moved) {
    return est;
  }
  const again = fitMl(pr, start, zeros, opt, objective);
  const work = { iterations: est.iterations + again.iterations, restarts: est.restarts + again.restarts + 1 };
  return objective(again.params) < objective(est.params) ? { ...again, ...work } : { ...est, ...work };
}
