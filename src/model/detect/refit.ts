/**
 * Scheduled refits of the causal walk: which spec to fit, fitting on the cleaned trailing window, and the
 * first scale of the score. Internal to `detect/`.
 */
import { ModelError } from '../errors';
import { cloneState, fitSarima, runFilter, type SarimaModel } from '../sarima';
import { detectSeason } from '../season';
import type { SarimaSpec } from '../types';
import { errorScales, logError } from './errorScale';
import type { Walk } from './walk';

/**
 * The spec of a fit on `train`. With season 'auto', a weekly season replaces the daily one once three weeks
 * are available and `detectSeason` finds it in them; it is modelled by weekly differencing alone,
 * SARIMA(p,d,q)(0,1,0)[week], because a seasonal MA or AR term at a lag of 168 multiplies the Kalman state
 * (and the cost of every update) by ~80, for little gain in prediction error.
 */
function specAt(w: Walk, train: number[]): SarimaSpec {
  const { cfg, r } = w;
  if (cfg.season === 'auto' && r.weekly > 0 && train.length >= 3 * r.weekly) {
    const detected = detectSeason(train, { stepMs: w.stepMs });
    if (detected.periods.includes(r.weekly)) {
      return { order: cfg.order, seasonal: { P: 0, D: 1, Q: 0, period: r.weekly } };
    }
  }
  return {
    order: cfg.order,
    seasonal: r.season > 1 ? { ...cfg.seasonalOrder, period: r.season } : { P: 0, D: 0, Q: 0, period: 1 },
  };
}

/**
 * Fit on the cleaned trailing window before point i and restart filtering from the fitted state; keep the old
 * model when the fit fails (too little data, no convergence).
 */
export function refit(w: Walk, i: number): void {
  w.lastFit = i;
  const start = Math.max(0, i - w.r.train);
  const train = w.clean.slice(start, i);
  let model: SarimaModel;
  try {
    const spec = specAt(w, train);
    const startMs = w.out.timesMs[0] + start * w.stepMs;
    const endMs = w.out.timesMs[0] + i * w.stepMs;
    model = w.fitHook ? w.fitHook(train, spec, startMs, endMs) : fitSarima(train, spec, { method: w.cfg.method });
    w.lastFitEndMs = endMs;
  } catch (e) {
    if (e instanceof ModelError) {
      return;
    }
    throw e;
  }
  w.model = model;
  w.state = cloneState(model.state);
  w.history = [];
  w.out.refits++;
  if (w.errors.index.length === 0) {
    seedErrors(w, model, train, start);
  }
  w.scales = errorScales(w.errors, w.r.scaleWindow, w.r.season);
}

/**
 * Seed the error log with the first model's in-sample one-step errors, so the score has a scale from the first
 * prediction on.
 */
function seedErrors(w: Walk, model: SarimaModel, train: number[], start: number): void {
  const run = runFilter(model, train);
  // The first d + D·m predictions sit under the diffuse prior of the lags: not representative errors.
  const burn = model.spec.order.d + model.spec.seasonal.D * model.spec.seasonal.period;
  for (let t = burn; t < train.length; t++) {
    if (Number.isFinite(train[t])) {
      logError(w.errors, start + t, run.residuals[t] / Math.sqrt(run.variance[t] / model.sigma2), w.r.scaleWindow);
    }
  }
}
