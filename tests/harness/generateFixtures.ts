/**
 * Writes the frame fixtures under tests/fixtures/frames/ (committed; rerun after changing syntheticFrames.ts):
 *   npx tsx tests/harness/generateFixtures.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { FrameDTO, plainFrame, SyntheticSeriesSpec, syntheticTidemarkFrame } from './syntheticFrames';

const outDir = path.resolve(__dirname, '..', 'fixtures', 'frames');
const START_MS = Date.UTC(2025, 0, 6, 0, 0, 0);
const STEP_MS = 5 * 60 * 1000;
const POINTS = 288;
const HORIZON = 36;

function spec(key: string, seed: number, overrides: Partial<SyntheticSeriesSpec> = {}): SyntheticSeriesSpec {
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

const timeRange = { fromMs: START_MS, toMs: START_MS + (POINTS + HORIZON) * STEP_MS };

const fixtures: Record<string, { description: string; frames: FrameDTO[] }> = {
  single: {
    description: 'One Tidemark series: a strong anomaly run at points 100-104 and a weak one at 200.',
    frames: [
      syntheticTidemarkFrame(
        spec('api-1', 7, {
          anomalies: [
            { index: 100, length: 5, sigmas: 6 },
            { index: 200, length: 1, sigmas: 2.3 },
          ],
        })
      ),
    ],
  },
  multi: {
    description: 'Three Tidemark series at different levels, each with one strong anomaly at a different time.',
    frames: [
      syntheticTidemarkFrame(spec('api-1', 11, { anomalies: [{ index: 60, length: 4, sigmas: 6 }] })),
      syntheticTidemarkFrame(spec('api-2', 12, { level: 200, anomalies: [{ index: 150, length: 4, sigmas: -6 }] })),
      syntheticTidemarkFrame(spec('api-3', 13, { level: 300, anomalies: [{ index: 240, length: 4, sigmas: 6 }] })),
    ],
  },
  mixed: {
    description: 'One Tidemark series and one plain Prometheus-style frame (drawn as a plain line with a notice).',
    frames: [syntheticTidemarkFrame(spec('api-1', 7)), plainFrame('up', START_MS, STEP_MS, POINTS)],
  },
  empty: { description: 'A query that returned no frames.', frames: [] },
};

fs.mkdirSync(outDir, { recursive: true });
for (const [name, fixture] of Object.entries(fixtures)) {
  const file = path.join(outDir, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify({ ...fixture, timeRange }) + '\n');
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
