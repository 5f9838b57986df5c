/**
 * Benchmark stand-in for `analyzeSeries` while `src/model/pipeline/analyze.ts` is being written: the work a
 * detector refit costs (SARIMA fit, or automatic selection when the order is 'auto'; one-step filter over the
 * history; forecast of the horizon) and an analysis of the same shape and size. Not for production: no data
 * hygiene, no anomaly rules beyond the band test, no model summary statistics.
 */
import type { ModelSettings, SeriesAnalysis, SeriesInput } from '../../src/contract/fit';
import { autoSarima } from '../../src/model/auto';
import { runFilter } from '../../src/model/sarima/filter';
import { fitSarima } from '../../src/model/sarima/fit';
import { forecastSarima } from '../../src/model/sarima/forecast';

/** Standard normal quantiles of (1 + level/100)/2 for the levels the bench uses. */
const Z: Record<number, number> = { 95: 1.959964, 99: 2.575829 };

function fit(y: number[], settings: ModelSettings, stepMs: number) {
  if (settings.order === 'auto' || settings.seasonalOrder === 'auto' || settings.seasonalPeriod === 'auto') {
    return autoSarima(y, { period: settings.seasonalPeriod, stepMs }).model;
  }
  const { p, d, q } = settings.order;
  const { P, D, Q } = settings.seasonalOrder;
  return fitSarima(y, { order: { p, d, q }, seasonal: { P, D, Q, period: settings.seasonalPeriod } });
}

export function analyzeSeries(input: SeriesInput, settings: ModelSettings, options: { nowMs?: number } = {}) {
  const started = performance.now();
  const y = input.values.map((v) => (v === null ? NaN : v));
  const model = fit(y, settings, input.stepMs);
  const history = runFilter(model, y);
  const ahead = forecastSarima(model, model.state, settings.horizonSteps, settings.levelsPct);
  const n = y.length;
  const timesMs = [...input.timesMs];
  for (let h = 1; h <= settings.horizonSteps; h++) {
    timesMs.push(input.timesMs[n - 1] + h * input.stepMs);
  }
  const sd = history.variance.map(Math.sqrt);
  const bands = settings.levelsPct.map((levelPct, k) => ({
    levelPct,
    lower: [...history.mean.map((m, i) => m - Z[levelPct] * sd[i]), ...ahead.intervals[k].lower],
    upper: [...history.mean.map((m, i) => m + Z[levelPct] * sd[i]), ...ahead.intervals[k].upper],
  })) as SeriesAnalysis['points']['bands'];
  const score = history.standardized.map((s) => (Number.isFinite(s) ? s : null));
  const level = (s: number | null) => (s === null ? 0 : Math.abs(s) > Z[99] ? 2 : Math.abs(s) > Z[95] ? 1 : 0);
  const analysis: SeriesAnalysis = {
    status: 'ok',
    key: input.key,
    labels: input.labels,
    model: {
      order: { p: model.spec.order.p, d: model.spec.order.d, q: model.spec.order.q },
      seasonalOrder: { P: model.spec.seasonal.P, D: model.spec.seasonal.D, Q: model.spec.seasonal.Q },
      seasonalPeriod: model.spec.seasonal.period,
      fourier: model.spec.fourier ?? [],
      aggregation: 1,
      coefficients: [],
      sigma2: model.sigma2,
      loglik: model.loglik,
      aic: model.aic,
      aicc: model.aicc,
      bic: model.bic,
      ljungBoxPValue: NaN,
      trainingCoverage: NaN,
      fitTimeMs: performance.now() - started,
      trainingStartMs: input.timesMs[0],
      trainingEndMs: input.timesMs[n - 1],
      refittedAtMs: options.nowMs ?? 0,
    },
    points: {
      timesMs,
      actual: [...input.values, ...new Array<null>(settings.horizonSteps).fill(null)],
      forecast: [...history.mean, ...ahead.mean],
      bands,
      anomaly: [...score.map(level), ...new Array<number>(settings.horizonSteps).fill(0)],
      score: [...score, ...new Array<null>(settings.horizonSteps).fill(null)],
      horizonStart: n,
    },
    windows: [],
    notices: [],
  };
  return { analysis, cache: { model, refittedAtMs: options.nowMs ?? 0, lastTimeMs: input.timesMs[n - 1] } };
}
