/**
 * Cross-products of filtered Fourier regressors in closed form. Once the filter gains have frozen, the filter
 * is linear and time-invariant, so its output for a sinusoid of frequency ω is a sinusoid of the same frequency
 * plus a transient that decays with the MA roots (the steady-state response of an LTI system; Oppenheim &
 * Schafer, "Discrete-Time Signal Processing", §5.1). From the first step M after which every filtered column
 * equals its steady sinusoid p·cos ωt + q·sin ωt (checked to 1e-10 of its size), Σ_{t≥M} eᵢeⱼ is a sum of
 * products of sinusoids, which has a closed form (geometric sums of e^{iθt}); only the steps before M are
 * summed term by term. The pairs with the series itself are always summed term by term. This turns the
 * O(n·k²) cross-products of one likelihood evaluation into O(M·k² + n·k).
 */

/** The unfiltered basis of one regressor column: cos ωt and sin ωt at the column's rows (sin null when ω = 0). */
export interface SinusoidBasis {
  omega: number;
  cos: Float64Array;
  sin: Float64Array | null;
}

/** Relative size under which a filtered column counts as equal to its steady sinusoid. */
const STEADY_MATCH = 1e-10;
/** Fewer steady steps than this: sum everything term by term. */
const MIN_STEADY_STEPS = 64;

interface Steady {
  p: number;
  q: number;
  /** First step from which the column equals its steady sinusoid. */
  from: number;
}

/** Steady sinusoid of a filtered column from its last two values, and the step from which it holds. */
function steadyOf(e: Float64Array, b: SinusoidBasis, n: number): Steady {
  let p: number;
  let q = 0;
  if (b.sin === null) {
    p = e[n - 1] / b.cos[n - 1];
  } else {
    const [c1, s1, c2, s2] = [b.cos[n - 1], b.sin[n - 1], b.cos[n - 2], b.sin[n - 2]];
    const det = c1 * s2 - s1 * c2;
    p = (e[n - 1] * s2 - s1 * e[n - 2]) / det;
    q = (c1 * e[n - 2] - e[n - 1] * c2) / det;
  }
  const tol = STEADY_MATCH * (Math.abs(p) + Math.abs(q));
  const sin = b.sin;
  let t = n - 1;
  for (; t >= 0; t--) {
    const s = p * b.cos[t] + (sin === null ? 0 : q * sin[t]);
    if (!(Math.abs(e[t] - s) <= tol)) {
      break;
    }
  }
  return { p, q, from: t + 1 };
}

/** Σ_{t=from}^{n−1} e^{iθt} as [re, im]. */
function expSum(theta: number, from: number, n: number): [number, number] {
  const count = n - from;
  const wrapped = theta - 2 * Math.PI * Math.round(theta / (2 * Math.PI));
  if (Math.abs(wrapped) < 1e-12) {
    return [count, 0];
  }
  // e^{iθ·from}(1 − e^{iθ·count}) / (1 − e^{iθ})
  const [ar, ai] = [Math.cos(theta * from), Math.sin(theta * from)];
  const [br, bi] = [1 - Math.cos(theta * count), -Math.sin(theta * count)];
  const [cr, ci] = [1 - Math.cos(theta), -Math.sin(theta)];
  const nr = ar * br - ai * bi;
  const ni = ar * bi + ai * br;
  const den = cr * cr + ci * ci;
  return [(nr * cr + ni * ci) / den, (ni * cr - nr * ci) / den];
}

/**
 * Σ_{t=from}^{n−1} of cos a·cos b, sin a·sin b, cos a·sin b and sin a·cos b (at t) in closed form, as 4 numbers at
 * `out[at…at+3]`.
 */
function trigProductSums(a: number, b: number, from: number, n: number, out: Float64Array, at: number): void {
  const [dr, di] = expSum(a - b, from, n);
  const [sr, si2] = expSum(a + b, from, n);
  out[at] = 0.5 * (dr + sr);
  out[at + 1] = 0.5 * (dr - sr);
  // cos a sin b = ½[sin(a + b) − sin(a − b)], sin a cos b = ½[sin(a + b) + sin(a − b)]
  out[at + 2] = 0.5 * (si2 - di);
  out[at + 3] = 0.5 * (si2 + di);
}

/**
 * The trigonometric sums of every regressor pair (lower triangle, 4 per pair) from `from` to `n`. They depend on
 * the frequencies only, not on the ARMA parameters, so the many likelihood evaluations of one fit (same basis,
 * same steady start) compute them once: about a tenth of a two-season fit's time went into these cosines.
 */
const pairSumsCache = new WeakMap<SinusoidBasis[], { from: number; n: number; sums: Float64Array }>();

function pairSums(basis: SinusoidBasis[], from: number, n: number): Float64Array {
  const hit = pairSumsCache.get(basis);
  if (hit !== undefined && hit.from === from && hit.n === n) {
    return hit.sums;
  }
  const k = basis.length;
  const sums = new Float64Array(k * k * 4);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      trigProductSums(basis[i].omega, basis[j].omega, from, n, sums, (i * k + j) * 4);
    }
  }
  pairSumsCache.set(basis, { from, n, sums });
  return sums;
}

/** Σ_{t=from}^{n−1} (pᵢ cos aᵢt + qᵢ sin aᵢt)(pⱼ cos aⱼt + qⱼ sin aⱼt) from the pair's trigonometric sums at `at`. */
function sinusoidProduct(si: Steady, sj: Steady, sums: Float64Array, at: number): number {
  const [cc, ss, cs, sc] = [sums[at], sums[at + 1], sums[at + 2], sums[at + 3]];
  return si.p * sj.p * cc + si.q * sj.q * ss + si.p * sj.q * cs + si.q * sj.p * sc;
}

/**
 * EᵀE (row-major, column 0 = the series, filtered over all n steps) from regressors filtered over their first
 * `prefix` steps only: each regressor's steady sinusoid is read from its last two filtered values and must hold
 * over at least MIN_STEADY_STEPS steps after the gains froze (`frozenAt`); the regressor–regressor sums past that
 * point are in closed form and the series–regressor sums use Σ y·cos ωt and Σ y·sin ωt. Null when a regressor
 * has not reached its steady sinusoid within the prefix. `basis[j]` describes column j + 1.
 */
export function steadyCrossProducts(
  E: Float64Array[],
  basis: SinusoidBasis[],
  direct: (E: Float64Array[], from: number, to: number) => Float64Array,
  prefix: number,
  frozenAt: number
): Float64Array | null {
  const n = E[0].length;
  const steady = basis.map((b, j) => steadyOf(E[j + 1], b, prefix));
  const from = Math.max(frozenAt, ...steady.map((s) => s.from));
  if (prefix - from < MIN_STEADY_STEPS) {
    return null;
  }
  const nc = E.length;
  const G = direct(E, 0, from);
  const y = E[0];
  let yy = 0;
  for (let t = from; t < n; t++) {
    yy += y[t] * y[t];
  }
  G[0] += yy;
  const sums = pairSums(basis, from, n);
  const projections = new Map<SinusoidBasis, [number, number]>();
  for (let i = 1; i < nc; i++) {
    const b = basis[i - 1];
    const si = steady[i - 1];
    let proj = projections.get(b);
    if (proj === undefined) {
      proj = [dotFrom(y, b.cos, from), b.sin === null ? 0 : dotFrom(y, b.sin, from)];
      projections.set(b, proj);
    }
    const s = si.p * proj[0] + si.q * proj[1];
    G[i * nc] += s;
    G[i] += s;
    for (let j = 1; j <= i; j++) {
      const v = sinusoidProduct(si, steady[j - 1], sums, ((i - 1) * basis.length + (j - 1)) * 4);
      G[i * nc + j] += v;
      if (j !== i) {
        G[j * nc + i] += v;
      }
    }
  }
  return G;
}

function dotFrom(a: Float64Array, b: Float64Array, from: number): number {
  let s = 0;
  for (let t = from; t < a.length; t++) {
    s += a[t] * b[t];
  }
  return s;
}
