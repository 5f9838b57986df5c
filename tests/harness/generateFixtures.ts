/**
 * Writes the frame fixtures under tests/fixtures/frames/ (committed; rerun after changing syntheticFrames.ts):
 *   npx tsx tests/harness/generateFixtures.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURE_TIME_RANGE, MULTI_SPECS, POINTS, spec, START_MS, STEP_MS } from './fixtureSpecs';
import { FrameDTO, plainFrame, syntheticTidemarkFrame } from './syntheticFrames';

const outDir = path.resolve(__dirname, '..', 'fixtures', 'frames');
const timeRange = FIXTURE_TIME_RANGE;

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
    frames: MULTI_SPECS.map((s) => syntheticTidemarkFrame(s)),
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
