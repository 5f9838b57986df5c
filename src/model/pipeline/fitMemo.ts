/**
 * Memo of the scheduled fits of one series, keyed by the end of the training window and the spec, with the
 * diagnostics of each fit. The window's start is not part of the key: a sliding query range moves the first
 * data point on every refresh, and the fit scheduled at the same time on (almost) the same trailing data is
 * the one the live detector would still be using. It is
 * the heart of the model cache: a dashboard refresh re-runs only the (cheap) Kalman filter over the data and
 * recalls every fit whose training window it has seen, so only a new scheduled refit costs a fit.
 */
import type { FitHook } from '../detect/walk';
import { fitSarima, runFilter, type SarimaModel } from '../sarima';
import { normalQuantile } from '../sarima/normal';
import { ljungBox, ljungBoxLag } from '../stats/ljungBox';
import type { SarimaSpec } from '../types';

/** One remembered fit. */
export interface MemoFit {
  /** The requested spec, serialised (the model's own spec is the resolved one). */
  specKey: string;
  startMs: number;
  endMs: number;
  model: SarimaModel;
  fitTimeMs: number;
  /** Residual diagnostics; computed only for fits a summary has shown. */
  diagnostics?: FitDiagnostics;
}

/** Residual diagnostics of one fit on its training data. */
export interface FitDiagnostics {
  /** Ljung–Box p-value of the in-sample standardized residuals. */
  ljungBoxPValue: number;
  /** Share of training points inside the weak band of the in-sample one-step predictions, 0..1. */
  trainingCoverage: number;
}

/** Fits remembered per series; bounded so a long visible range cannot grow the cache without limit. */
export const MAX_MEMO_FITS = 64;

/** A fit hook over a memo, and diagnostics on demand for the fits it saw in this run. */
export interface FitMemoRun {
  hook: FitHook;
  /** Diagnostics of `fit` (computed once, from the training data it was fitted or recalled with in this run). */
  diagnose(fit: MemoFit): FitDiagnostics;
}

/**
 * A fit hook for the detector that recalls fits from `memo` (same spec and window end) or fits and remembers,
 * measuring fit time. Diagnostics at `weakLevelPct` are left to `diagnose`, because only the fit a summary shows
 * needs them and each costs a filter pass.
 */
export function memoFitHook(memo: MemoFit[], method: 'CSS-ML' | 'ML' | 'CSS', weakLevelPct: number): FitMemoRun {
  const trainByEndMs = new Map<number, number[]>();
  const hook: FitHook = (train, spec, startMs, endMs) => {
    trainByEndMs.set(endMs, train);
    const specKey = JSON.stringify(spec);
    const hit = memo.find((f) => f.endMs === endMs && f.specKey === specKey);
    if (hit) {
      return hit.model;
    }
    const started = Date.now();
    const model = fitSarima(train, spec, { method });
    const fitTimeMs = Date.now() - started;
    memo.push({ specKey, startMs, endMs, model, fitTimeMs });
    if (memo.length > MAX_MEMO_FITS) {
      memo.splice(0, memo.length - MAX_MEMO_FITS);
    }
    return model;
  };
  const diagnose = (fit: MemoFit): FitDiagnostics => {
    const train = trainByEndMs.get(fit.endMs);
    if (!fit.diagnostics && train) {
      fit.diagnostics = diagnoseFit(fit.model, train, fit.model.spec, weakLevelPct);
    }
    return fit.diagnostics ?? { ljungBoxPValue: NaN, trainingCoverage: NaN };
  };
  return { hook, diagnose };
}

function diagnoseFit(model: SarimaModel, train: number[], spec: SarimaSpec, weakLevelPct: number): FitDiagnostics {
  const run = runFilter(model, train);
  // Predictions under the diffuse prior of the differencing lags are not informative: skip them.
  const burn = spec.order.d + spec.seasonal.D * spec.seasonal.period;
  const z = normalQuantile(0.5 + weakLevelPct / 200);
  const standardized: number[] = [];
  let inside = 0;
  for (let t = burn; t < train.length; t++) {
    if (!Number.isFinite(train[t])) {
      continue;
    }
    standardized.push(run.standardized[t]);
    inside += Math.abs(run.residuals[t]) <= z * Math.sqrt(run.variance[t]) ? 1 : 0;
  }
  const fitdf = model.coefficients.ar.length + model.coefficients.ma.length;
  const seasonalDf = model.coefficients.sar.length + model.coefficients.sma.length;
  const lag = ljungBoxLag(standardized.length, spec.seasonal.period, fitdf + seasonalDf);
  const test = ljungBox(standardized, lag, fitdf + seasonalDf);
  return {
    ljungBoxPValue: test.pValue,
    trainingCoverage: standardized.length > 0 ? inside / standardized.length : NaN,
  };
}
