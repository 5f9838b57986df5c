/**
 * Test double of `analyzeSeries` for service tests that need control over timing and failures: bands are the
 * sample mean ± z·sd. Labels steer it: `tidemark_test_sleep_ms` busy-waits that long (a slow fit), and
 * `tidemark_test_fail` throws an InsufficientDataError (a failing series).
 */
import type { ModelSettings, SeriesAnalysis, SeriesInput } from '../../src/contract/fit';
import { InsufficientDataError } from '../../src/model/errors';

const Z: Record<number, number> = { 80: 1.2816, 90: 1.6449, 95: 1.96, 99: 2.5758 };

function busyWait(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // Spin: a real fit holds its thread just the same.
  }
}

// One function over 60 lines on purpose: it spells out a complete SeriesAnalysis literal, field by field.
export function analyzeSeries(
  input: SeriesInput,
  settings: ModelSettings,
  options: { outputFromMs?: number; cached?: unknown; nowMs?: number } = {}
): { analysis: SeriesAnalysis; cache: { refittedAtMs: number; lastTimeMs: number } } {
  busyWait(Number(input.labels.tidemark_test_sleep_ms ?? 0));
  const observed = input.values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (input.labels.tidemark_test_fail !== undefined || observed.length < 3) {
    throw new InsufficientDataError(`need ≥ 3 points, got ${observed.length}`);
  }
  const mean = observed.reduce((a, b) => a + b, 0) / observed.length;
  const sd = Math.sqrt(observed.reduce((a, b) => a + (b - mean) ** 2, 0) / (observed.length - 1)) || 1;
  const lastMs = input.timesMs[input.timesMs.length - 1];
  const timesMs = [...input.timesMs];
  for (let h = 1; h <= settings.horizonSteps; h++) {
    timesMs.push(lastMs + h * input.stepMs);
  }
  const n = input.timesMs.length;
  const actual = timesMs.map((_, i) => (i < n ? input.values[i] : null));
  const score = actual.map((v) => (v === null ? null : (v - mean) / sd));
  const [weak, strong] = settings.levelsPct;
  const band = (levelPct: number) => ({
    levelPct,
    lower: timesMs.map(() => mean - (Z[levelPct] ?? 2) * sd),
    upper: timesMs.map(() => mean + (Z[levelPct] ?? 2) * sd),
  });
  const anomaly = score.map((s) =>
    s === null ? 0 : Math.abs(s) > (Z[strong] ?? 2.6) ? 2 : Math.abs(s) > (Z[weak] ?? 2) ? 1 : 0
  );
  const refittedAtMs = (options.cached as { refittedAtMs?: number } | undefined)?.refittedAtMs ?? options.nowMs ?? 0;
  const from = options.outputFromMs === undefined ? 0 : timesMs.findIndex((t) => t >= options.outputFromMs!);
  const cut = <T>(values: T[]) => values.slice(Math.max(0, from));
  const analysis: SeriesAnalysis = {
    status: 'ok',
    key: input.key,
    labels: input.labels,
    model: {
      order: { p: 0, d: 0, q: 0 },
      seasonalOrder: { P: 0, D: 0, Q: 0 },
      seasonalPeriod: 1,
      fourier: [],
      aggregation: 1,
      coefficients: [{ name: 'intercept', value: mean, standardError: sd / Math.sqrt(observed.length) }],
      sigma2: sd * sd,
      loglik: 0,
      aic: 0,
      aicc: 0,
      bic: 0,
      ljungBoxPValue: 1,
      trainingCoverage: 0.95,
      fitTimeMs: 0,
      trainingStartMs: input.timesMs[0],
      trainingEndMs: lastMs,
      refittedAtMs,
    },
    points: {
      timesMs: cut(timesMs),
      actual: cut(actual),
      forecast: cut(timesMs.map(() => mean)),
      bands: [band(weak), band(strong)].map((b) => ({ ...b, lower: cut(b.lower), upper: cut(b.upper) })) as [
        ReturnType<typeof band>,
        ReturnType<typeof band>,
      ],
      anomaly: cut(anomaly),
      score: cut(score),
      horizonStart: Math.max(0, n - Math.max(0, from)),
    },
    windows: [],
    notices: [],
  };
  return { analysis, cache: { refittedAtMs, lastTimeMs: lastMs } };
}
