/**
 * The synthetic series behind the frame fixtures, shared by generateFixtures.ts (JSON under tests/fixtures/frames/),
 * the harness (which builds the data source's own frames from them in the page) and the browser checks.
 */
import type { SyntheticSeriesSpec } from './syntheticFrames';

export const START_MS = Date.UTC(2025, 0, 6, 0, 0, 0);
export const STEP_MS = 5 * 60 * 1000;
export const POINTS = 288;
const HORIZON = 36;

export const FIXTURE_TIME_RANGE = { fromMs: START_MS, toMs: START_MS + (POINTS + HORIZON) * STEP_MS };

export function spec(key: string, seed: number, overrides: Partial<SyntheticSeriesSpec> = {}): SyntheticSeriesSpec {
  return {
    key,
    labels: { instance: key },
    startMs: START_MS,
    stepMs: STEP_MS,
    points: POINTS,
    horizon: HORIZON,
    periodSteps: 288,
    level: 100,
    amplitude: 30,
    noiseSigma: 4,
    seed,
    anomalies: [],
    ...overrides,
  };
}

/** Three series at levels 100, 200 and 300, each with one strong anomaly run at a different time. */
export const MULTI_SPECS: SyntheticSeriesSpec[] = [
  spec('api-1', 11, { anomalies: [{ index: 60, length: 4, sigmas: 6 }] }),
  spec('api-2', 12, { level: 200, anomalies: [{ index: 150, length: 4, sigmas: -6 }] }),
  spec('api-3', 13, { level: 300, anomalies: [{ index: 240, length: 4, sigmas: 6 }] }),
];
