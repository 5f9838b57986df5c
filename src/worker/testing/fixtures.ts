/** Loads `tests/fixtures/datasource/series.json` as pipeline inputs and gives the settings tests share. */
import fixture from '../../../tests/fixtures/datasource/series.json';
import type { FitSettings, SeriesInput } from '../../contract/fit';
import { DEFAULT_FIT_SETTINGS } from '../../contract/settings';
import { toModelSettings } from '../../contract/settings/resolve';
import { HOUR_MS } from '../../contract/constants';

export function fixtureSeries(): SeriesInput[] {
  return fixture.series.map((s) => ({
    key: s.key,
    labels: s.labels as Record<string, string>,
    timesMs: s.values.map((_, i) => fixture.startMs + i * fixture.stepMs),
    values: s.values,
    stepMs: fixture.stepMs,
  }));
}

/** Hourly fixtures: a daily season, a 3-hour horizon, every anomalous point flagged. */
export const TEST_SETTINGS: FitSettings = {
  ...DEFAULT_FIT_SETTINGS,
  season: '1d',
  order: { p: 1, d: 0, q: 1 },
  seasonalOrder: { P: 0, D: 1, Q: 1 },
  levelsPct: [95, 99],
  minConsecutive: 1,
  onsetOnly: false,
  holdOff: '0s',
  sensitivity: 'medium',
  direction: 'both',
  horizon: '3h',
  refitEvery: '1d',
  trainingWindow: '14d',
};

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
export const SMOKE_SETTINGS: FitSettings = {
  ...TEST_SETTINGS,
  order: { p: 1, d: 0, q: 0 },
  horizon: '6h',
  trainingWindow: '10d',
};

/** `TEST_SETTINGS` as the pipeline (and the shared fake analyzer) sees them on the hourly fixtures. */
export const TEST_MODEL_SETTINGS = toModelSettings(TEST_SETTINGS, HOUR_MS);

/** Forecast steps of `TEST_SETTINGS` on the hourly fixtures. */
export const TEST_HORIZON_STEPS = TEST_MODEL_SETTINGS.horizonSteps;
