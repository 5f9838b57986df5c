/** Loads `tests/fixtures/datasource/series.json` as pipeline inputs and gives the settings tests share. */
import fixture from '../../../tests/fixtures/datasource/series.json';
import type { ModelSettings, SeriesInput } from '../../contract/fit';

export function fixtureSeries(): SeriesInput[] {
  return fixture.series.map((s) => ({
    key: s.key,
    labels: s.labels as Record<string, string>,
    timesMs: s.values.map((_, i) => fixture.startMs + i * fixture.stepMs),
    values: s.values,
    stepMs: fixture.stepMs,
  }));
}

export const TEST_SETTINGS: ModelSettings = {
  seasonalPeriod: 24,
  order: { p: 1, d: 0, q: 1 },
  seasonalOrder: { P: 0, D: 1, Q: 1 },
  levelsPct: [95, 99],
  minConsecutive: 1,
  onsetOnly: false,
  holdOffMs: 0,
  horizonSteps: 3,
  refitEveryMs: 86_400_000,
  trainingWindowMs: 14 * 86_400_000,
};

const HOUR_MS = 3_600_000;

/**
 * `n` hourly points from 2024-01-01 UTC: a daily cycle with a deterministic wiggle (no RNG, so tests using it
 * cannot flake).
 */
export function dailyCycleSeries(n: number, key: string, labels: Record<string, string>): SeriesInput {
  const startMs = Date.UTC(2024, 0, 1);
  const timesMs = Array.from({ length: n }, (_, i) => startMs + i * HOUR_MS);
  const values = timesMs.map((_, i) => 100 + 20 * Math.sin((2 * Math.PI * i) / 24) + 3 * Math.sin(i * 1.7));
  return { key, labels, timesMs, values, stepMs: HOUR_MS };
}

/** Settings of the real-pipeline smoke tests (worker transport, built bundle): AR(1) errors, a 10-day window. */
export const SMOKE_SETTINGS: ModelSettings = {
  ...TEST_SETTINGS,
  order: { p: 1, d: 0, q: 0 },
  horizonSteps: 6,
  trainingWindowMs: 10 * 86_400_000,
};
