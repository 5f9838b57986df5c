/**
 * The one test double of `analyzeSeries` (src/model/pipeline/analyze.ts), for the browser worker's and the
 * service's tests and the harness: a well-formed `SeriesAnalysis` from simple, predictable arithmetic
 * (forecast = training mean, bands = mean ± 1 and ± 2, anomaly where a value leaves them), and a cache entry that
 * counts fits and filter passes, so tests can tell a refit from a cache hit. Labels steer it:
 * `tidemark_test_sleep_ms` busy-waits that long (a slow fit), `tidemark_test_fail` fails the series.
 */
import type { SeriesAnalysis, SeriesInput } from '../fit';
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
  return { analysis: fakeSeriesAnalysis(input, settings, mean, options.outputFromMs), cache };
};

// eslint-disable-next-line max-lines-per-function -- spells out a complete SeriesAnalysis literal, field by field
function fakeSeriesAnalysis(
  input: SeriesInput,
  settings: ModelSettings,
  mean: number,
  outputFromMs: number | undefined
): SeriesAnalysis {
  const from = input.timesMs.findIndex((t) => t >= (outputFromMs ?? -Infinity));
  const start = from < 0 ? input.timesMs.length : from;
  const historyTimes = input.timesMs.slice(start);
  const lastTimeMs = input.timesMs[input.timesMs.length - 1];
  const horizonTimes = Array.from({ length: settings.horizonSteps }, (_, i) => lastTimeMs + (i + 1) * input.stepMs);
  const timesMs = [...historyTimes, ...horizonTimes];
  const actual = [...input.values.slice(start), ...horizonTimes.map(() => null)];
  const band = (width: number, levelPct: number) => ({
    levelPct,
    lower: timesMs.map(() => mean - width),
    upper: timesMs.map(() => mean + width),
  });
  const score = actual.map((v) => (v === null ? null : v - mean));
  const anomaly = score.map((s) => (s === null ? 0 : Math.abs(s) > 2 ? 2 : Math.abs(s) > 1 ? 1 : 0));
  // One window at the largest |score| among flagged points (enough structure for frame and annotation tests).
  const peak = anomaly.reduce(
    (best, a, i) => (a > 0 && (best < 0 || Math.abs(score[i]!) > Math.abs(score[best]!)) ? i : best),
    -1
  );
  return {
    status: 'ok',
    key: input.key,
    labels: input.labels,
    model: {
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
    },
    points: {
      timesMs,
      actual,
      forecast: timesMs.map(() => mean),
      bands: [band(1, settings.levelsPct[0]), band(2, settings.levelsPct[1])],
      anomaly,
      score,
      horizonStart: historyTimes.length,
    },
    windows:
      peak < 0
        ? []
        : [
            {
              startMs: timesMs[peak],
              endMs: timesMs[peak],
              peakMs: timesMs[peak],
              peakScore: score[peak]!,
              severity: anomaly[peak] as 1 | 2,
              expectedLower: mean - 1,
              expectedUpper: mean + 1,
              observed: actual[peak]!,
            },
          ],
    notices: [],
  };
}
