/**
 * Filter-only operations on a fitted model: one-step-ahead predictions, in-sample runs and updates with
 * new observations without refitting (the Kalman filter of R `KalmanRun`/`ARIMA_Like` on the model of
 * `stats::arima`, with σ² from the fit).
 */

import type { SarimaModel } from './fit';
import { initialLiveState, LiveState, makeLive, predictLive, stepLive } from './kalman';
import { ModelSystem, systemOf } from './system';

/**
 * Filter state before observation `t` (plain data, JSON-serialisable). Treat the fields other than `t`
 * as opaque; copy with {@link cloneState}.
 */
export interface FilterState {
  /** Index of the next observation, counted from the first training point. */
  t: number;
  /**
   * 'initial': the prior before any observation, materialised on use; 'diffuse': fewer than d + m·D
   * values seen, all present (exact-diffuse start, only `lags` is used); 'exact': the lagged values are
   * known; 'full': some are unknown because of missing values, so P covers them too (see `unknown`).
   */
  mode: 'initial' | 'diffuse' | 'exact' | 'full';
  /** Predicted ARMA state (length r); [] in 'initial' mode. */
  a: number[];
  /** Predicted lagged regression-adjusted values, most recent first (length d + m·D). */
  lags: number[];
  /** 'full' mode: lag slots (indices into `lags`) of the unknown values, in the order of P's extra rows. */
  unknown?: number[];
  /** Predicted covariance (units of σ², row-major) of the ARMA state and the unknown lags; [] in 'initial' mode. */
  P: number[];
  /** True when P has converged, so updates keep it fixed (steady-state gain, Harvey 1989 §3.3.4). */
  steady: boolean;
  /** Rank-one form of the next covariance increment (Chandrasekhar recursions), when it has one. */
  increment?: { w: number[]; m: number };
}

/** Predictive distribution of yₜ given y₀…yₜ₋₁. */
export interface OneStep {
  mean: number;
  /** Prediction variance, σ² included. */
  variance: number;
}

/** Result of {@link runFilter}: one entry per input value. */
export interface FilterRun {
  /** One-step-ahead prediction of each y[i]. */
  mean: number[];
  /** Its variance (σ² included). */
  variance: number[];
  /** y[i] − mean[i]; 0 where y[i] is missing. */
  residuals: number[];
  /** residuals[i] / sqrt(variance[i]); 0 where y[i] is missing. */
  standardized: number[];
  /** State after the last value. */
  state: FilterState;
}

/** Deep copy of a filter state. */
export function cloneState(state: FilterState): FilterState {
  const copy: FilterState = { ...state, a: state.a.slice(), lags: state.lags.slice(), P: state.P.slice() };
  if (state.unknown !== undefined) {
    copy.unknown = state.unknown.slice();
  }
  if (state.increment !== undefined) {
    copy.increment = { w: state.increment.w.slice(), m: state.increment.m };
  }
  return copy;
}

/** Initial plain state of a model with these dimensions: the compact 'initial' prior. */
export function initialFilterState(nd: number): FilterState {
  return { t: 0, mode: 'initial', a: [], lags: new Array<number>(nd).fill(0), P: [], steady: false };
}

/** Materialises a plain state as a live (typed-array) state. */
export function toLive(sys: ModelSystem, state: FilterState): LiveState {
  if (state.mode === 'initial') {
    const live = initialLiveState(sys);
    live.t = state.t;
    return live;
  }
  const live = makeLive(
    state.t,
    state.mode,
    Float64Array.from(state.a),
    Float64Array.from(state.lags),
    Float64Array.from(state.P),
    state.steady,
    state.unknown?.slice() ?? []
  );
  if (state.increment !== undefined) {
    live.W = Float64Array.from(state.increment.w);
    live.M = state.increment.m;
  }
  return live;
}

/** Converts a live state back to plain data. */
export function toPlain(live: LiveState): FilterState {
  const plain: FilterState = {
    t: live.t,
    mode: live.mode,
    a: Array.from(live.a),
    lags: Array.from(live.lags),
    P: Array.from(live.P),
    steady: live.steady,
  };
  if (live.unknown.length > 0) {
    plain.unknown = live.unknown.slice();
  }
  if (live.W !== null) {
    plain.increment = { w: Array.from(live.W), m: live.M };
  }
  return plain;
}

/**
 * The live state last used for a plain state, with the plain fields it matches. Keeping it across calls on the
 * same state object spares the conversion of P (r² numbers) at every `absorb`/`predictNext` of a detector walk;
 * any reassignment of the plain fields (another state assigned in, a different model) makes it stale.
 */
interface Held {
  sys: ModelSystem;
  live: LiveState;
  t: number;
  mode: FilterState['mode'];
  steady: boolean;
  a: number[];
  lags: number[];
  P: number[];
  unknown: number[] | undefined;
  increment: FilterState['increment'];
}

const held = new WeakMap<FilterState, Held>();

function remember(sys: ModelSystem, state: FilterState, live: LiveState): void {
  const { t, mode, steady, a, lags, P, unknown, increment } = state;
  held.set(state, { sys, live, t, mode, steady, a, lags, P, unknown, increment });
}

/** The live form of `state`: the one kept from the last call while the plain fields are still the ones it wrote. */
function liveOf(sys: ModelSystem, state: FilterState): LiveState {
  const h = held.get(state);
  const fresh =
    h !== undefined &&
    h.sys === sys &&
    h.t === state.t &&
    h.mode === state.mode &&
    h.steady === state.steady &&
    h.a === state.a &&
    h.lags === state.lags &&
    h.P === state.P &&
    h.unknown === state.unknown &&
    h.increment === state.increment;
  if (fresh) {
    return h.live;
  }
  const live = toLive(sys, state);
  remember(sys, state, live);
  return live;
}

/**
 * Writes `live`, stepped from `state`, back into `state`. P is copied only when it may have changed: a steady
 * exact-mode step keeps it fixed (`stepExact`), so the plain array stays valid.
 */
function assignPlain(sys: ModelSystem, state: FilterState, live: LiveState): void {
  const keepP = state.mode === 'exact' && state.steady && live.mode === 'exact' && live.steady;
  state.t = live.t;
  state.mode = live.mode;
  state.a = Array.from(live.a);
  state.lags = Array.from(live.lags);
  if (!keepP) {
    state.P = Array.from(live.P);
  }
  state.steady = live.steady;
  if (live.unknown.length > 0) {
    state.unknown = live.unknown.slice();
  } else {
    delete state.unknown;
  }
  if (live.W !== null) {
    state.increment = { w: Array.from(live.W), m: live.M };
  } else {
    delete state.increment;
  }
  remember(sys, state, live);
}

/** One-step-ahead prediction of y at `state.t` (Kalman prediction step; R `KalmanForecast(1)`). */
export function predictNext(model: SarimaModel, state: FilterState): OneStep {
  const sys = systemOf(model);
  const pred = predictLive(sys, liveOf(sys, state));
  return { mean: pred.mean + sys.regression(state.t), variance: pred.F * model.sigma2 };
}

/**
 * Absorbs observation y at `state.t` (NaN = missing: prediction step only) and advances `state` to
 * t + 1 in place. Equivalent to one step of {@link runFilter}.
 */
export function absorb(model: SarimaModel, state: FilterState, y: number): void {
  const sys = systemOf(model);
  const live = liveOf(sys, state);
  stepLive(sys, live, y - sys.regression(live.t));
  assignPlain(sys, state, live);
}

/**
 * Runs the filter over `y` from `from` (default `model.initialState`, i.e. in-sample from the first
 * training point; pass `model.state` to continue after the training data). For each value it reports
 * the one-step-ahead prediction made before absorbing it. The first d + m·D training values have no
 * proper prediction under the diffuse prior: they get the previous value (0 for the first) as mean and
 * κ·σ² (κ = 1e6) as variance, so their standardized residuals are ≈ 0 — R gives them residuals ≈ 0 too.
 */
export function runFilter(model: SarimaModel, y: ArrayLike<number>, from?: FilterState): FilterRun {
  const sys = systemOf(model);
  const live = toLive(sys, from ?? model.initialState);
  const n = y.length;
  const mean = new Array<number>(n);
  const variance = new Array<number>(n);
  const residuals = new Array<number>(n);
  const standardized = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const reg = sys.regression(live.t);
    const yi = y[i];
    const pred = stepLive(sys, live, yi - reg);
    const m = pred.mean + reg;
    const v = pred.F * model.sigma2;
    mean[i] = m;
    variance[i] = v;
    if (Number.isNaN(yi)) {
      residuals[i] = 0;
      standardized[i] = 0;
    } else {
      residuals[i] = yi - m;
      standardized[i] = (yi - m) / Math.sqrt(v);
    }
  }
  return { mean, variance, residuals, standardized, state: toPlain(live) };
}
