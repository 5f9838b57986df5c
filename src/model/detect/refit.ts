/**
 * Scheduled refits of the causal walk: which spec to fit, fitting on the cleaned trailing window, and the
 * first scale of the score. Internal to `detect/`.
 */
import { ConstantSeriesError, ModelError } from '../errors';
import { cloneState, fitSarima, runFilter, type SarimaModel } from '../sarima';
import { detectSeason } from '../season';
import type { SarimaSpec } from '../types';
import { errorScales, logError } from './errorScale';
import { naiveModel } from './fallback';
import type { Walk } from './walk';

/** Seasons of training data before a seasonal model is tried (fewer: the non-seasonal model). */
export const MIN_SEASONS = 2;

/** Which model a refit ended with: the configured one, or a fallback and why. */
export interface ModelChoice {
  kind: 'seasonal' | 'non-seasonal' | 'seasonal naive' | 'naive';
  /** Why the preferred model was not used; absent for the first choice. */
  reason?: string;
}

/**
 * The specs to try on `train`, preferred first. With season 'auto', a weekly season replaces the daily one once
 * three weeks are available and `detectSeason` finds it in them; it is modelled by weekly differencing alone,
 * SARIMA(p,d,q)(0,1,0)[week], because a seasonal MA or AR term at a lag of 168 multiplies the Kalman state
 * (and the cost of every update) by ~80, for little gain in prediction error. A seasonal spec needs
 * {@link MIN_SEASONS} seasons of data; the non-seasonal ARIMA(p,d,q) always follows as the fallback.
 */
function specsAt(w: Walk, train: number[]): Array<{ kind: ModelChoice['kind']; spec: SarimaSpec }> {
  const { cfg, r } = w;
  const nonSeasonal = { order: cfg.order, seasonal: { P: 0, D: 0, Q: 0, period: 1 } };
  const out: Array<{ kind: ModelChoice['kind']; spec: SarimaSpec }> = [];
  if (cfg.season === 'auto' && r.weekly > 0 && train.length >= 3 * r.weekly) {
    const detected = detectSeason(train, { stepMs: w.stepMs });
    if (detected.periods.includes(r.weekly)) {
      out.push({ kind: 'seasonal', spec: { order: cfg.order, seasonal: { P: 0, D: 1, Q: 0, period: r.weekly } } });
    }
  }
  if (out.length === 0 && r.season > 1 && train.length >= MIN_SEASONS * r.season) {
    out.push({ kind: 'seasonal', spec: { order: cfg.order, seasonal: { ...cfg.seasonalOrder, period: r.season } } });
  }
  out.push({ kind: 'non-seasonal', spec: nonSeasonal });
  return out;
}

/**
 * Fit the first spec of {@link specsAt} that fits. A flat training window gets the naive model; a seasonal fit
 * that finds the series constant after seasonal differencing (an exact repeat of its season) the seasonal
 * naive model; when no spec fits otherwise, the naive model.
 */
function fitChain(w: Walk, train: number[], startMs: number, endMs: number): { model: SarimaModel } & ModelChoice {
  const finite = train.filter(Number.isFinite);
  if (finite.length > 0 && finite.every((v) => v === finite[0])) {
    return {
      model: naiveModel(train),
      kind: 'naive',
      reason: `all ${finite.length} training values equal ${finite[0]}`,
    };
  }
  const reasons: string[] = [];
  for (const { kind, spec } of specsAt(w, train)) {
    try {
      const model = w.fitHook
        ? w.fitHook(train, spec, startMs, endMs)
        : fitSarima(train, spec, { method: w.cfg.method });
      return { model, kind, reason: reasons.length > 0 ? reasons.join('; ') : undefined };
    } catch (e) {
      if (!(e instanceof ModelError)) {
        throw e;
      }
      reasons.push(`${kind}: ${e.name}: ${e.message}`);
      if (kind === 'seasonal' && e instanceof ConstantSeriesError) {
        const model = naiveModel(train, spec.seasonal.period);
        return { model, kind: 'seasonal naive', reason: reasons.join('; ') };
      }
    }
  }
  return { model: naiveModel(train), kind: 'naive', reason: reasons.join('; ') };
}

/**
 * Fit on the cleaned trailing window before point i and restart filtering from the fitted state. Never fails
 * once there is data: the chain of {@link fitChain} ends with the naive model.
 */
export function refit(w: Walk, i: number): void {
  w.lastFit = i;
  const start = Math.max(0, i - w.r.train);
  const train = w.clean.slice(start, i);
  if (!train.some(Number.isFinite)) {
    return;
  }
  const startMs = w.out.timesMs[0] + start * w.stepMs;
  const endMs = w.out.timesMs[0] + i * w.stepMs;
  const chosen = fitChain(w, train, startMs, endMs);
  const model = chosen.model;
  w.lastFitEndMs = endMs;
  w.lastTrainPoints = train.length;
  w.choice = { kind: chosen.kind, reason: chosen.reason };
  w.model = model;
  w.state = cloneState(model.state);
  w.history = [];
  w.out.refits++;
  if (w.errors.index.length === 0) {
    seedErrors(w, model, train, start);
  }
  w.scales = errorScales(w.errors, w.r.scaleWindow, w.r.season, w.r.week);
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
      logError(w.errors, start + t, run.residuals[t] / Math.sqrt(run.variance[t] / model.sigma2), w.r.errorKeep);
    }
  }
}
