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
