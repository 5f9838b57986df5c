/* eslint-disable max-lines -- the Kalman filter, its fast and full steps and the state initialisation share one state layout (R makeARIMA/ARIMA_Like) */
/**
 * The general Kalman filter over the ARIMA state (R `makeARIMA`/`ARIMA_Like`): the ARMA state of the
 * differenced series plus the last d + m·D values of the regression-adjusted series ("lags"), which the
 * differencing needs. It handles missing values (prediction step only) for any d and D.
 *
 * Lags that were observed are known numbers, so only the unknown ones need to be in the covariance: the
 * state is the ARMA state plus one entry per missing value still inside the lag window, and P has
 * dimension r + k (k = 0 almost always: "exact" mode). R instead carries all d + m·D lags in P.
 * A missing value adds an entry (the value as a linear function of the state); it is marginalised out
 * (its row and column dropped) once it leaves the window.
 */

import { ArmaSystem, stationaryCovariance } from './stateSpace';

/** Prior variance of the unknown initial lags, as R `stats::arima` (kappa = 1e6). */
export const DIFFUSE_KAPPA = 1e6;

/** Relative size of a rank-one covariance increment under which the covariance counts as converged. */
const RANK_ONE_TOLERANCE = 1e-13;

/** Relative change of P under which the covariance counts as converged (steady-state gain). */
const STEADY_TOLERANCE = 1e-12;

/** The model pieces a filter needs: ARMA system and differencing coefficients. */
export interface FilterSystem {
  arma: ArmaSystem;
  delta: number[];
}

/** Mutable filter state with typed arrays; converted to and from the plain `FilterState`. */
export interface LiveState {
  t: number;
  /** 'diffuse': the first d + m·D values, all present, are still being collected; 'exact': k = 0; 'full': k > 0. */
  mode: 'diffuse' | 'exact' | 'full';
  /** Predicted ARMA state, length r. */
  a: Float64Array;
  /** Lagged adjusted values u_{t−1}, …, u_{t−nd}; for unknown ones their predicted mean. */
  lags: Float64Array;
  /** Lag slot of each unknown entry, in the order of P's rows r, r + 1, …. */
  unknown: number[];
  /** Predicted covariance (σ² = 1) of the ARMA state and the unknown lags, (r + k)², row-major. */
  P: Float64Array;
  /** P has converged (exact mode only); updates keep it fixed. */
  steady: boolean;
  /**
   * Rank-one form W·M·Wᵀ of the next covariance increment P_{t+1} − P_t, or null. Starting from the
   * stationary Σ the increments stay rank one (Chandrasekhar recursions, Morf, Sidhu & Kailath 1974),
   * so the gain costs O(r) and P a rank-one update per step instead of the Riccati update; a missing
   * value breaks the structure and the filter falls back to the Riccati recursion.
   */
  W: Float64Array | null;
  M: number;
  work: Float64Array;
  zp: Float64Array;
}

/** Creates a live state with its scratch buffers. */
export function makeLive(
  t: number,
  mode: 'diffuse' | 'exact' | 'full',
  a: Float64Array,
  lags: Float64Array,
  P: Float64Array,
  steady: boolean,
  unknown: number[] = []
): LiveState {
  const dim = mode === 'diffuse' ? 0 : a.length + unknown.length;
  return {
    t,
    mode,
    a,
    lags,
    unknown,
    P,
    steady,
    W: null,
    M: 0,
    work: new Float64Array(dim * dim),
    zp: new Float64Array(dim),
  };
}

/**
 * Prior state before the first observation. With no differencing: a = 0, P = Σ (stationary). With
 * differencing: 'diffuse' mode, the exact-diffuse limit of R's κ = 1e6 prior on the initial lags — the
 * first d + m·D values only fill the lags (their predictions get variance κ and are left out of the
 * likelihood, as in R), after which the ARMA state starts at a = 0, P = Σ. A missing value among those
 * first values falls back to R's κ prior (see {@link kappaLiveState}).
 */
export function initialLiveState(sys: FilterSystem): LiveState {
  const nd = sys.delta.length;
  if (nd === 0) {
    return stationaryStart(sys, 0, new Float64Array(0));
  }
  return makeLive(0, 'diffuse', new Float64Array(sys.arma.r), new Float64Array(nd), new Float64Array(0), false);
}

/** Exact-mode state a = 0, P = Σ at step t, with the rank-one increment P₂ − P₁ = −K̄K̄ᵀ/F (K̄ = TΣZᵀ). */
function stationaryStart(sys: FilterSystem, t: number, lags: Float64Array): LiveState {
  const { r, phi } = sys.arma;
  const sigma = stationaryCovariance(sys.arma);
  const live = makeLive(t, 'exact', new Float64Array(r), lags, sigma, false);
  const W = new Float64Array(r);
  for (let i = 0; i < r; i++) {
    W[i] = phi[i] * sigma[0] + (i + 1 < r ? sigma[i + 1] : 0);
  }
  live.W = W;
  live.M = -1 / sigma[0];
  return live;
}

/** R's prior: a = 0, P = Σ ⊕ κI over the ARMA state and all d + m·D initial lags (R `makeARIMA`). */
export function kappaLiveState(sys: FilterSystem): LiveState {
  const r = sys.arma.r;
  const nd = sys.delta.length;
  const sigma = stationaryCovariance(sys.arma);
  const dim = r + nd;
  const P = new Float64Array(dim * dim);
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < r; j++) {
      P[i * dim + j] = sigma[i * r + j];
    }
  }
  for (let j = r; j < dim; j++) {
    P[j * dim + j] = DIFFUSE_KAPPA;
  }
  const unknown = Array.from({ length: nd }, (_, j) => j);
  return makeLive(0, 'full', new Float64Array(r), new Float64Array(nd), P, false, unknown);
}

/** One-step prediction of the adjusted value uₜ: mean and variance F (units of σ²). */
export interface Prediction {
  mean: number;
  F: number;
}

/** Predicts the next adjusted value without changing the state (fills s.zp = P Zᵀ in full mode). */
export function predictLive(sys: FilterSystem, s: LiveState): Prediction {
  const delta = sys.delta;
  if (s.mode === 'diffuse') {
    // No proper prediction exists under the diffuse prior; report the last value with variance κ.
    return { mean: s.t > 0 ? s.lags[0] : 0, F: DIFFUSE_KAPPA };
  }
  let mean = s.a[0];
  for (let j = 0; j < delta.length; j++) {
    mean += delta[j] * s.lags[j];
  }
  if (s.mode === 'exact') {
    return { mean, F: s.P[0] };
  }
  const r = sys.arma.r;
  const dim = r + s.unknown.length;
  const P = s.P;
  const zp = s.zp;
  for (let x = 0; x < dim; x++) {
    zp[x] = P[x];
  }
  s.unknown.forEach((slot, i) => {
    const d = delta[slot];
    if (d !== 0) {
      const row = (r + i) * dim;
      for (let x = 0; x < dim; x++) {
        zp[x] += d * P[row + x];
      }
    }
  });
  let F = zp[0];
  s.unknown.forEach((slot, i) => {
    F += delta[slot] * zp[r + i];
  });
  return { mean, F };
}

/**
 * Absorbs the adjusted value u (NaN = missing) into the state: measurement update, then time update.
 * Returns the prediction made before seeing u.
 */
export function stepLive(sys: FilterSystem, s: LiveState, u: number): Prediction {
  const missing = Number.isNaN(u);
  if (s.mode === 'diffuse') {
    if (!missing) {
      const pred = predictLive(sys, s);
      shiftLags(s.lags, u);
      s.t++;
      if (s.t >= sys.delta.length) {
        Object.assign(s, stationaryStart(sys, s.t, s.lags));
      }
      return pred;
    }
    replayWithKappa(sys, s);
  }
  const pred = predictLive(sys, s);
  if (s.mode === 'exact' && !(missing && sys.delta.length > 0)) {
    stepExact(sys.arma, s, u, pred, missing);
  } else {
    stepFull(sys, s, u, pred, missing);
  }
  s.t++;
  return pred;
}

/** Re-runs the values seen in 'diffuse' mode through R's κ-prior filter, so a missing value can follow. */
function replayWithKappa(sys: FilterSystem, s: LiveState): void {
  const values = Array.from(s.lags.subarray(0, s.t)).reverse();
  const kappa = kappaLiveState(sys);
  for (const v of values) {
    stepLive(sys, kappa, v);
  }
  Object.assign(s, kappa);
}

function shiftLags(lags: Float64Array, u: number): void {
  for (let j = lags.length - 1; j > 0; j--) {
    lags[j] = lags[j - 1];
  }
  if (lags.length > 0) {
    lags[0] = u;
  }
}

/** Exact mode (all lags known): rank-one, steady-state or fused Riccati update of the ARMA state. */
function stepExact(sys: ArmaSystem, s: LiveState, u: number, pred: Prediction, missing: boolean): void {
  const { r, phi } = sys;
  const a = s.a;
  if (!missing && s.W !== null && !s.steady && stepChandrasekhar(sys, s, u - pred.mean, pred.F)) {
    shiftLags(s.lags, u);
    return;
  }
  s.W = null;
  const P = s.P;
  const F = pred.F;
  const c = missing ? 0 : (u - pred.mean) / F;
  // a ← T (a + P Zᵀ v/F)
  const a0 = a[0] + P[0] * c;
  for (let i = 0; i < r - 1; i++) {
    a[i] = phi[i] * a0 + a[i + 1] + P[(i + 1) * r] * c;
  }
  a[r - 1] = phi[r - 1] * a0;
  if (!missing) {
    shiftLags(s.lags, u);
  }
  if (missing) {
    s.steady = false;
  }
  if (!s.steady) {
    const converged = riccatiExact(sys, P, missing ? 0 : 1 / F, s.work);
    // Only a filter fed by observations reaches the steady state; a missing value restarts the check.
    s.steady = !missing && converged;
    const tmp = s.P;
    s.P = s.work;
    s.work = tmp;
  }
}

/**
 * One observed step with the rank-one increment: a ← T a + K̄ v/F with K̄ = T P Zᵀ, P ← P + M W Wᵀ, then
 * the Chandrasekhar update of W and M (see `armaLikelihood`). Marks the state steady (and drops W) once
 * the increment is negligible. Returns false, changing nothing, when the recursion has lost accuracy.
 */
function stepChandrasekhar(sys: ArmaSystem, s: LiveState, v: number, F: number): boolean {
  const { r, phi } = sys;
  const a = s.a;
  const P = s.P;
  const W = s.W as Float64Array;
  const M = s.M;
  const b = W[0];
  const mb = M * b;
  const fNew = F + mb * b;
  if (!(fNew >= 1 - 1e-8)) {
    // F ≥ 1 holds exactly (P ≥ RRᵀ); a drop below means lost accuracy: the caller uses the Riccati update.
    return false;
  }
  const c = v / F;
  const a0 = a[0];
  const p00 = P[0];
  const kbar = s.zp;
  for (let i = 0; i < r; i++) {
    kbar[i] = phi[i] * p00 + (i + 1 < r ? P[(i + 1) * r] : 0);
    a[i] = phi[i] * a0 + (i + 1 < r ? a[i + 1] : 0) + kbar[i] * c;
  }
  for (let i = 0; i < r; i++) {
    const mwi = M * W[i];
    const row = i * r;
    for (let j = i; j < r; j++) {
      const d = mwi * W[j];
      P[row + j] += d;
      if (j !== i) {
        P[j * r + i] += d;
      }
    }
  }
  const cb = b / fNew;
  let norm = 0;
  for (let i = 0; i < r; i++) {
    const tw = phi[i] * b + (i + 1 < r ? W[i + 1] : 0);
    const kNew = kbar[i] + tw * mb;
    const wNew = tw - kNew * cb;
    W[i] = wNew;
    norm += wNew * wNew;
  }
  s.M = M + (mb * mb) / F;
  if (Math.abs(s.M) * norm <= RANK_ONE_TOLERANCE * fNew) {
    s.steady = true;
    s.W = null;
  }
  return true;
}

/**
 * P′ = T (P − P Zᵀ Z P/F) Tᵀ + R Rᵀ for the ARMA companion T in one pass (R `ARIMA_Like`, d = 0 branch;
 * Gardner et al. 1980), with `invF` = 1/F for an observed step and 0 for a missing one. Writes `out`;
 * returns true when P′ equals P to {@link STEADY_TOLERANCE}.
 */
function riccatiExact(sys: ArmaSystem, P: Float64Array, invF: number, out: Float64Array): boolean {
  const { r, phi, rVec } = sys;
  // Filtered entries: Pf[i][j] = P[i][j] − P[i][0]·P[0][j]/F; m = first column of P.
  const m0 = P[0];
  const pf00 = m0 - m0 * m0 * invF;
  let maxDiff = 0;
  let maxAbs = 0;
  for (let i = 0; i < r; i++) {
    const phiI = phi[i];
    const i1 = i + 1 < r;
    const mi1 = i1 ? P[(i + 1) * r] : 0;
    const rowNext = (i + 1) * r;
    // Pf[i+1][0]
    const pfI10 = i1 ? mi1 - mi1 * m0 * invF : 0;
    for (let j = i; j < r; j++) {
      const j1 = j + 1 < r;
      const mj1 = j1 ? P[(j + 1) * r] : 0;
      let v = rVec[i] * rVec[j];
      if (i1 && j1) {
        v += P[rowNext + j + 1] - mi1 * mj1 * invF;
      }
      if (phiI !== 0) {
        const pf0j1 = j1 ? mj1 - m0 * mj1 * invF : 0;
        v += phiI * (phi[j] * pf00 + pf0j1);
      }
      const phiJ = phi[j];
      if (phiJ !== 0) {
        v += phiJ * pfI10;
      }
      out[i * r + j] = v;
      out[j * r + i] = v;
      const diff = Math.abs(v - P[i * r + j]);
      if (diff > maxDiff) {
        maxDiff = diff;
      }
      const abs = Math.abs(v);
      if (abs > maxAbs) {
        maxAbs = abs;
      }
    }
  }
  return maxDiff <= STEADY_TOLERANCE * Math.max(1, maxAbs);
}

/**
 * Full mode (some lags unknown, or a missing value arriving with d + m·D > 0): measurement update on the
 * augmented state, then a new unknown entry for a missing value, the time update (T on the ARMA block,
 * identity on the unknown lags) and the marginalisation of entries that left the lag window. Over 60
 * lines because these four stages must run in this order on the same buffers.
 */
// eslint-disable-next-line max-lines-per-function -- one Kalman step (Durbin & Koopman 2012, §4.3), kept whole so it reads as the equations
function stepFull(sys: FilterSystem, s: LiveState, u: number, pred: Prediction, missing: boolean): void {
  const r = sys.arma.r;
  const nd = sys.delta.length;
  let dim = r + s.unknown.length;
  let P = s.P;
  const zp = s.zp;
  if (s.mode === 'exact') {
    // predictLive did not fill zp in exact mode: P Zᵀ is P's first column.
    for (let x = 0; x < dim; x++) {
      zp[x] = P[x * dim];
    }
  }
  let newLag: number;
  if (!missing) {
    const v = u - pred.mean;
    const F = pred.F;
    for (let x = 0; x < r; x++) {
      s.a[x] += (zp[x] * v) / F;
    }
    s.unknown.forEach((slot, i) => {
      s.lags[slot] += (zp[r + i] * v) / F;
    });
    for (let x = 0; x < dim; x++) {
      const zx = zp[x] / F;
      const row = x * dim;
      for (let y = 0; y < dim; y++) {
        P[row + y] -= zx * zp[y];
      }
    }
    newLag = u;
  } else {
    // The missing value becomes an unknown entry: its covariance with the state is Z P, its variance F.
    const grown = new Float64Array((dim + 1) * (dim + 1));
    for (let x = 0; x < dim; x++) {
      for (let y = 0; y < dim; y++) {
        grown[x * (dim + 1) + y] = P[x * dim + y];
      }
      grown[x * (dim + 1) + dim] = zp[x];
      grown[dim * (dim + 1) + x] = zp[x];
    }
    grown[dim * (dim + 1) + dim] = pred.F;
    P = grown;
    dim += 1;
    newLag = pred.mean;
  }
  timeUpdateAugmented(sys.arma, P, dim);
  const a = s.a;
  const a0 = a[0];
  for (let i = 0; i < r - 1; i++) {
    a[i] = sys.arma.phi[i] * a0 + a[i + 1];
  }
  a[r - 1] = sys.arma.phi[r - 1] * a0;
  shiftLags(s.lags, newLag);
  const slots = s.unknown.map((slot) => slot + 1);
  if (missing) {
    slots.push(0);
  }
  const keep = slots.map((slot, i) => (slot < nd ? i : -1)).filter((i) => i >= 0);
  s.unknown = keep.map((i) => slots[i]);
  s.P = keep.length === slots.length ? P : dropRows(P, r, dim, keep);
  const newDim = r + s.unknown.length;
  s.mode = s.unknown.length === 0 ? 'exact' : 'full';
  s.steady = false;
  s.W = null;
  if (s.work.length !== newDim * newDim) {
    s.work = new Float64Array(newDim * newDim);
    s.zp = new Float64Array(newDim);
  }
}

/** In place: P ← A P Aᵀ + V with A = T ⊕ I (ARMA block by the companion matrix, unknown lags fixed). */
function timeUpdateAugmented(sys: ArmaSystem, P: Float64Array, dim: number): void {
  const { r, phi, rVec } = sys;
  // Rows first (P ← A P), then columns (P ← P Aᵀ); each pass reads a row/column 0 saved beforehand.
  const col = new Float64Array(dim);
  for (let y = 0; y < dim; y++) {
    col[y] = P[y];
  }
  for (let i = 0; i < r; i++) {
    const row = i * dim;
    const next = (i + 1) * dim;
    for (let y = 0; y < dim; y++) {
      P[row + y] = phi[i] * col[y] + (i + 1 < r ? P[next + y] : 0);
    }
  }
  for (let x = 0; x < dim; x++) {
    const row = x * dim;
    const p0 = P[row];
    for (let j = 0; j < r; j++) {
      P[row + j] = phi[j] * p0 + (j + 1 < r ? P[row + j + 1] : 0);
    }
  }
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < r; j++) {
      P[i * dim + j] += rVec[i] * rVec[j];
    }
  }
}

/** Keeps the ARMA block and the unknown entries `keep` (indices among the unknowns) of a dim × dim P. */
function dropRows(P: Float64Array, r: number, dim: number, keep: number[]): Float64Array {
  const idx = [...Array.from({ length: r }, (_, i) => i), ...keep.map((i) => r + i)];
  const n = idx.length;
  const out = new Float64Array(n * n);
  for (let x = 0; x < n; x++) {
    for (let y = 0; y < n; y++) {
      out[x * n + y] = P[idx[x] * dim + idx[y]];
    }
  }
  return out;
}
