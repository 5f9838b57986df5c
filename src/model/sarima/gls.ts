/**
 * Regression coefficients concentrated out of the likelihood (generalised least squares). For fixed ARMA
 * parameters the exact Gaussian likelihood of w − Xβ (w, X differenced) is maximised over β in closed form:
 * the one-step innovations are linear in the data, so with ẽ = innovations of w and Ẽ = innovations of each
 * column of X, each scaled by 1/√Fₜ, β̂ = (ẼᵀẼ)⁻¹Ẽᵀẽ = (XᵀΣ⁻¹X)⁻¹XᵀΣ⁻¹w and the residual sum of squares is
 * that of the regression of ẽ on Ẽ (Harvey & Phillips, Biometrika 66, 1979; Harvey 1989 §3.4.1; Durbin &
 * Koopman 2012 §6.2.2, "augmented" filtering of the regressors). The gains and the variances Fₜ do not depend
 * on the data, so one Chandrasekhar gain sequence serves every column. The optimiser then searches only the
 * ARMA parameters: the number of likelihood evaluations no longer grows with the number of regressors k,
 * and one evaluation costs O(n·r·k) for the filters plus O(n·k²/2) for the cross-products.
 * The maximum over (ARMA, β) is the maximum of R `stats::arima`'s joint likelihood.
 */

import { FilterSystem, initialLiveState, stepLive } from './kalman';
import { choleskyLower, forwardSubstitute } from './hessian';
import { advanceGain, chandrasekharStart } from './likelihood';
import { ArmaSystem } from './stateSpace';
import { SinusoidBasis, steadyCrossProducts } from './steadyGram';

/**
 * Data-independent part of the Chandrasekhar filter: the innovation variances Fₜ and gains K̄ₜ for the
 * steps before the gain freezes (the last entry holds for every later step).
 */
interface GainSequence {
  /** 1/Fₜ per recorded step. */
  invF: Float64Array;
  /** 1/√Fₜ per recorded step. */
  invSqrtF: Float64Array;
  /** K̄ₜ per recorded step, r entries each. */
  kbar: Float64Array;
  steps: number;
  sumlog: number;
}

/** Runs the gain recursions of `armaLikelihood` without data; null when they lose accuracy (F < 1). */
function gainSequence(sys: ArmaSystem, n: number): GainSequence | null {
  const r = sys.r;
  const phi = sys.phi;
  const gain = chandrasekharStart(sys);
  const kbar = gain.kbar;
  const Fs: number[] = [];
  const gains: number[] = [];
  let sumlog = 0;
  let steady = false;
  for (let t = 0; t < n; t++) {
    sumlog += Math.log(gain.F);
    if (!steady) {
      Fs.push(gain.F);
      for (let i = 0; i < r; i++) {
        gains.push(kbar[i]);
      }
      const status = advanceGain(gain, phi, r);
      if (status === 'lost') {
        return null;
      }
      steady = status === 'steady';
    }
  }
  if (Fs.length < n) {
    // The frozen pair (F, K̄) reached after the last update.
    Fs.push(gain.F);
    for (let i = 0; i < r; i++) {
      gains.push(kbar[i]);
    }
  }
  const invF = Float64Array.from(Fs, (f) => 1 / f);
  return { invF, invSqrtF: invF.map(Math.sqrt), kbar: Float64Array.from(gains), steps: Fs.length, sumlog };
}

/**
 * Standardised innovations vₜ/√Fₜ of one complete series through a recorded gain sequence: the steps before
 * the gain freezes, then the time-invariant filter with its constants hoisted (most of the series).
 */
function filterColumn(
  sys: ArmaSystem,
  g: GainSequence,
  w: ArrayLike<number>,
  out: Float64Array,
  a: Float64Array,
  n: number
) {
  const { r, phi } = sys;
  a.fill(0);
  const last = g.steps - 1;
  const head = Math.min(last, n);
  for (let t = 0; t < head; t++) {
    const v = w[t] - a[0];
    out[t] = v * g.invSqrtF[t];
    const c = v * g.invF[t];
    const a0 = a[0];
    const off = t * r;
    for (let i = 0; i < r; i++) {
      a[i] = phi[i] * a0 + a[i + 1] + g.kbar[off + i] * c;
    }
  }
  const kbar = g.kbar.subarray(last * r, last * r + r);
  const scale = g.invSqrtF[last];
  const invF = g.invF[last];
  if (r === 2) {
    // ARMA(1,1) and AR(2) errors, the common case: the two states in registers.
    const [phi0, phi1] = phi;
    const k0 = kbar[0] * invF;
    const k1 = kbar[1] * invF;
    let a0 = a[0];
    let a1 = a[1];
    for (let t = head; t < n; t++) {
      const v = w[t] - a0;
      out[t] = v * scale;
      const next = phi0 * a0 + a1 + k0 * v;
      a1 = phi1 * a0 + k1 * v;
      a0 = next;
    }
    return;
  }
  for (let t = head; t < n; t++) {
    const v = w[t] - a[0];
    out[t] = v * scale;
    const c = v * invF;
    const a0 = a[0];
    for (let i = 0; i < r; i++) {
      a[i] = phi[i] * a0 + a[i + 1] + kbar[i] * c;
    }
  }
}

/** Standardised innovations by the general (Riccati) filter, when the Chandrasekhar recursions lose accuracy. */
function filterColumnGeneral(sys: ArmaSystem, w: ArrayLike<number>, out: Float64Array): number {
  const fsys: FilterSystem = { arma: sys, delta: [] };
  const live = initialLiveState(fsys);
  let sumlog = 0;
  for (let t = 0; t < w.length; t++) {
    const pred = stepLive(fsys, live, w[t]);
    out[t] = (w[t] - pred.mean) / Math.sqrt(pred.F);
    sumlog += Math.log(pred.F);
  }
  return sumlog;
}

/** Σ log Fₜ and the step from which the gains are frozen (n when they never freeze or the Riccati filter ran). */
interface FilterRun {
  sumlog: number;
  frozenAt: number;
}

/**
 * Innovations of every column (column 0 = the series, then the regressors) written into `E`: the series over
 * all n steps, the regressors over their first `regressorSteps`.
 */
function innovations(sys: ArmaSystem, columns: Float64Array[], E: Float64Array[], regressorSteps: number): FilterRun {
  const n = columns[0].length;
  const g = gainSequence(sys, n);
  if (g === null) {
    let sumlog = 0;
    columns.forEach((col, j) => {
      sumlog = filterColumnGeneral(sys, col, E[j]);
    });
    return { sumlog, frozenAt: n };
  }
  const a = new Float64Array(sys.r + 1);
  columns.forEach((col, j) => filterColumn(sys, g, col, E[j], a, j === 0 ? n : regressorSteps));
  return { sumlog: g.sumlog, frozenAt: g.steps - 1 };
}

/** Steps of the regressors filtered first when they are sinusoids: enough for transients of MA roots ≤ ~0.95. */
const STEADY_PREFIX = 512;

/**
 * Innovations of the series and the regressors and their cross-products EᵀE (row-major, column 0 = the series)
 * with Σ log Fₜ. With `basis` (every regressor a sinusoid) the regressors are filtered over a prefix only and
 * the rest of their cross-products comes in closed form (`steadyGram.ts`); when their transient has not died
 * out within the prefix, everything is filtered and summed directly.
 */
export function innovationGram(
  sys: ArmaSystem,
  columns: Float64Array[],
  E: Float64Array[],
  basis: SinusoidBasis[] | null
): { G: Float64Array; sumlog: number } {
  const n = columns[0].length;
  if (basis !== null) {
    const prefix = Math.min(n, STEADY_PREFIX);
    const run = innovations(sys, columns, E, prefix);
    const G = steadyCrossProducts(E, basis, crossProducts, prefix, run.frozenAt);
    if (G !== null) {
      return { G, sumlog: run.sumlog };
    }
  }
  const run = innovations(sys, columns, E, n);
  return { G: crossProducts(E, 0, n), sumlog: run.sumlog };
}

/** Least-squares solution of column 0 on the others: correction δ and residual SS. */
export interface GlsSolution {
  delta: Float64Array;
  ssq: number;
  /** Cross-product matrix ẼᵀẼ of the regressor innovations (k×k, row-major): (XᵀΣ⁻¹X) with σ² = 1. */
  xtx: Float64Array;
}

/**
 * Regresses column 0 on columns 1..k given their cross-products G ((k+1)², row-major), by Cholesky; null when
 * the regressors' block is not positive definite (regressors collinear after filtering).
 */
export function solveGls(G: Float64Array, k: number): GlsSolution | null {
  const nc = k + 1;
  const xtx = new Float64Array(k * k);
  const xty = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    xty[i] = G[(i + 1) * nc];
    for (let j = 0; j < k; j++) {
      xtx[i * k + j] = G[(i + 1) * nc + j + 1];
    }
  }
  const L = choleskyLower(xtx, k);
  if (L === null) {
    return null;
  }
  const delta = choleskySolve(L, k, xty);
  let fitted = 0;
  for (let i = 0; i < k; i++) {
    fitted += xty[i] * delta[i];
  }
  return { delta, ssq: Math.max(0, G[0] - fitted), xtx };
}

/**
 * EᵀE over rows [from, to) (symmetric, row-major). Four dot products per pass over a column: the
 * cross-products are the largest cost of one evaluation, and sharing the loads of column i cuts it ~2×.
 */
export function crossProducts(E: Float64Array[], from: number, to: number): Float64Array {
  const nc = E.length;
  const n = to;
  const G = new Float64Array(nc * nc);
  for (let i = 0; i < nc; i++) {
    const a = E[i];
    let j = 0;
    for (; j + 3 <= i; j += 4) {
      const b0 = E[j];
      const b1 = E[j + 1];
      const b2 = E[j + 2];
      const b3 = E[j + 3];
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let t = from; t < n; t++) {
        const v = a[t];
        s0 += v * b0[t];
        s1 += v * b1[t];
        s2 += v * b2[t];
        s3 += v * b3[t];
      }
      G[i * nc + j] = s0;
      G[i * nc + j + 1] = s1;
      G[i * nc + j + 2] = s2;
      G[i * nc + j + 3] = s3;
    }
    for (; j <= i; j++) {
      G[i * nc + j] = dot(a, E[j], from, to);
    }
    for (j = 0; j < i; j++) {
      G[j * nc + i] = G[i * nc + j];
    }
  }
  return G;
}

function dot(a: Float64Array, b: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let t = from; t < to; t++) {
    s += a[t] * b[t];
  }
  return s;
}

function choleskySolve(L: Float64Array, k: number, b: Float64Array): Float64Array {
  const z = forwardSubstitute(L, k, b);
  const x = new Float64Array(k);
  for (let i = k - 1; i >= 0; i--) {
    let v = z[i];
    for (let m = i + 1; m < k; m++) {
      v -= L[m * k + i] * x[m];
    }
    x[i] = v / L[i * k + i];
  }
  return x;
}
