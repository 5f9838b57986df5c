/**
 * The one test double of `analyzeSeries` (src/model/pipeline/analyze.ts), for the browser worker's and the
 * service's tests and the harness: a well-formed `SeriesAnalysis` from simple, predictable arithmetic
 * (forecast = training mean, bands = mean ± 1 and ± 2, anomaly where a value leaves them), and a cache entry that
 * counts fits and filter passes, so tests can tell a refit from a cache hit. Labels steer it:
 * `tidemark_test_sleep_ms` busy-waits that long (a slow fit), `tidemark_test_fail` fails the series.
 */
import type { AnomalyWindow, ModelSummary, SeriesAnalysis, SeriesInput, SeriesPoints } from '../fit';
import type { ModelSettings } from '../../model/pipeline/types';
import type { Analyzer, FitCacheEntry } from '../protocol';

export interface FakeCache extends FitCacheEntry {
  fits: number;
  filtered: number;
}

/** Inputs with fewer observed points fail, like the real pipeline's InsufficientDataError. */
export const FAKE_MIN_POINTS = 5;

export class FakeInsufficientDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InsufficientDataError';
  }
}

function busyWait(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // Spin: a real fit holds its thread just the same.
  }
}

/**
 * What a fake analysis "fitted": the expected value and the σ of its prediction error at output point `i` (history
 * from the first output point, then the horizon), the z of the weak and strong band, and the model summary.
 * Bands are mean ± z·σ, the score (value − mean)/σ, a point is flagged 1/2 beyond the weak/strong z.
 */
export interface FakeModel {
  expected: (timeMs: number, inHorizon: boolean) => { mean: number; sd: number };
  z: [number, number];
  summary: ModelSummary;
  /** Round every output number to this many decimals (short committed fixtures); default: no rounding. */
  digits?: number;
}

export const fakeAnalyze: Analyzer = (input, settings, options) => {
  busyWait(Number(input.labels.tidemark_test_sleep_ms ?? 0));
  const present = input.values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (input.labels.tidemark_test_fail !== undefined || present.length < FAKE_MIN_POINTS) {
    throw new FakeInsufficientDataError(`need ≥ ${FAKE_MIN_POINTS} points for ${input.key}, got ${present.length}`);
  }
  const mean = present.reduce((a, b) => a + b, 0) / present.length;
  const lastTimeMs = input.timesMs[input.timesMs.length - 1];
  const previous = options.cached as FakeCache | undefined;
  const cache: FakeCache = previous
    ? { ...previous, lastTimeMs, filtered: previous.filtered + 1 }
    : { refittedAtMs: options.nowMs ?? lastTimeMs, lastTimeMs, fits: 1, filtered: 0 };
  const model: FakeModel = { expected: () => ({ mean, sd: 1 }), z: [1, 2], summary: fakeSummary(input, settings) };
  const analysis = fakeSeriesAnalysis(input, settings.horizonSteps, settings.levelsPct, model, options.outputFromMs);
  return { analysis, cache };
};

/** The summary the fake reports: fixed, plausible SARIMA(1,0,1)(0,1,1) figures. */
function fakeSummary(input: SeriesInput, settings: ModelSettings): ModelSummary {
  const lastTimeMs = input.timesMs[input.timesMs.length - 1];
  return {
    order: { p: 1, d: 0, q: 1 },
    seasonalOrder: { P: 0, D: 1, Q: 1 },
    seasonalPeriod: typeof settings.seasonalPeriod === 'number' ? settings.seasonalPeriod : 24,
    fourier: [],
    aggregation: 1,
    coefficients: [
      { name: 'ar1', value: 0.5, standardError: 0.1 },
      { name: 'sma1', value: -0.7, standardError: 0.05 },
    ],
    sigma2: 1,
    loglik: -100,
    aic: 206,
    aicc: 206.5,
    bic: 210,
    ljungBoxPValue: 0.42,
    trainingCoverage: 0.95,
    fitTimeMs: 12,
    trainingStartMs: input.timesMs[0],
    trainingEndMs: lastTimeMs,
    refittedAtMs: lastTimeMs,
  };
}

/**
 * The one builder of a fake `SeriesAnalysis`: `input` from `outputFromMs` on, then `horizonSteps` forecast points,
 * under `model`; anomaly windows are the runs of flagged points (peak = largest |score|).
 */
export function fakeSeriesAnalysis(
  input: SeriesInput,
  horizonSteps: number,
  levelsPct: [number, number],
  model: FakeModel,
  outputFromMs?: number
): SeriesAnalysis {
  const from = input.timesMs.findIndex((t) => t >= (outputFromMs ?? -Infinity));
  const start = from < 0 ? input.timesMs.length : from;
  const lastTimeMs = input.timesMs[input.timesMs.length - 1];
  const history = input.timesMs.slice(start);
  const horizon = Array.from({ length: horizonSteps }, (_, i) => lastTimeMs + (i + 1) * input.stepMs);
  const points = fakePoints([...history, ...horizon], input.values.slice(start), levelsPct, model);
  const { key, labels } = input;
  return { status: 'ok', key, labels, model: model.summary, points, windows: anomalyWindows(points), notices: [] };
}

function fakePoints(
  timesMs: number[],
  observed: Array<number | null>,
  levelsPct: [number, number],
  { expected, z, digits }: FakeModel
): SeriesPoints {
  const scale = 10 ** (digits ?? 0);
  const round = digits === undefined ? (v: number) => v : (v: number) => Math.round(v * scale) / scale;
  const points: SeriesPoints = {
    timesMs,
    actual: [],
    forecast: [],
    bands: [
      { levelPct: levelsPct[0], lower: [], upper: [] },
      { levelPct: levelsPct[1], lower: [], upper: [] },
    ],
    anomaly: [],
    score: [],
    horizonStart: observed.length,
  };
  timesMs.forEach((timeMs, i) => {
    const { mean, sd } = expected(timeMs, i >= observed.length);
    const value = i < observed.length && typeof observed[i] === 'number' ? (observed[i] as number) : null;
    const score = value === null ? null : (value - mean) / sd;
    const abs = Math.abs(score ?? 0);
    points.actual.push(value === null ? null : round(value));
    points.forecast.push(round(mean));
    points.anomaly.push(abs > z[1] ? 2 : abs > z[0] ? 1 : 0);
    points.score.push(score === null ? null : round(score));
    points.bands.forEach((band, k) => {
      band.lower.push(round(mean - z[k] * sd));
      band.upper.push(round(mean + z[k] * sd));
    });
  });
  return points;
}

/** Runs of flagged points as AnomalyWindow objects (severity = the run's worst flag). */
function anomalyWindows(points: SeriesPoints): AnomalyWindow[] {
  const { anomaly: flags, score: scores, actual, timesMs: times } = points;
  const weak = points.bands[0];
  const windows: AnomalyWindow[] = [];
  let i = 0;
  while (i < flags.length) {
    if (flags[i] === 0) {
      i++;
      continue;
    }
    let peak = i;
    let j = i;
    while (j < flags.length && flags[j] > 0) {
      peak = Math.abs(scores[j] ?? 0) > Math.abs(scores[peak] ?? 0) ? j : peak;
      j++;
    }
    windows.push({
      startMs: times[i],
      endMs: times[j - 1],
      peakMs: times[peak],
      peakScore: scores[peak] ?? 0,
      severity: Math.max(...flags.slice(i, j)) === 2 ? 2 : 1,
      expectedLower: weak.lower[peak] ?? 0,
      expectedUpper: weak.upper[peak] ?? 0,
      observed: actual[peak] ?? 0,
    });
    i = j;
  }
  return windows;
}
