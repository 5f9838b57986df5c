import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

import { DEFAULT_DETECTOR_CONFIG } from '../model/detect/config';
import { evaluateNabDir, formatEval, runEval } from './eval';

// The NAB subset lives outside the repository (read-only, never copied in); skip cleanly where it is absent.
const NAB_DIR = resolve(__dirname, '../../../shared/nab');
const describeNab = existsSync(resolve(NAB_DIR, 'windows.json')) ? describe : describe.skip;

// Regression floor, set a little under the 70.2 the default configuration reaches (standard profile); not a
// tuning target. A change that loses a window (≈ −7 points) or adds ~8 false positives fails it.
const STANDARD_FLOOR = 68;

const standardScore = (r: ReturnType<typeof evaluateNabDir>) => r.totals.find((t) => t.profile === 'standard');

describeNab('evaluateNabDir on the NAB subset (issue 4)', () => {
  let result: ReturnType<typeof evaluateNabDir>;
  // About 5 s of CPU for the seven files (≈ 700 refits); the limit leaves room for a loaded CI machine.
  beforeAll(() => {
    result = evaluateNabDir(NAB_DIR, DEFAULT_DETECTOR_CONFIG);
  }, 120_000);

  it('should keep the total standard NAB score above the regression floor', () => {
    expect(standardScore(result)?.normalized).toBeGreaterThanOrEqual(STANDARD_FLOOR);
  });

  // The default must not sit on a knife-edge of its point threshold: before the multiscale MOSUM, 3.75 and 4.25
  // scored 62.7 and 56.7 around the default's 70.9 (three windows hung on single scores near 4). Now 69.6 and
  // 71.3; the same floor applies. About 10 s more CPU.
  it.each([3.75, 4.25])(
    'should keep the score above the floor when minScore is the neighbouring %s',
    (minScore) => {
      const neighbour = evaluateNabDir(NAB_DIR, { ...DEFAULT_DETECTOR_CONFIG, minScore });
      expect(standardScore(neighbour)?.normalized).toBeGreaterThanOrEqual(STANDARD_FLOOR);
    },
    120_000
  );

  it('should raise no flag at all on the file without anomalies', () => {
    const file = result.files.find((f) => f.name === 'artificialNoAnomaly/art_daily_small_noise.csv');
    expect(file?.flags).toBe(0);
  });

  it('should report every file under the three profiles', () => {
    expect(result.files).toHaveLength(7);
    expect(result.totals.map((t) => t.profile)).toEqual(['standard', 'reward_low_FP_rate', 'reward_low_FN_rate']);
    expect(formatEval(result)).toContain('realKnownCause/nyc_taxi.csv');
  });
});

describe('runEval', () => {
  it('should exit 2 with usage text when --nab is missing', () => {
    let err = '';
    const code = runEval([], { stdout: () => undefined, stderr: (t) => (err += t) });
    expect(code).toBe(2);
    expect(err).toContain('missing required option --nab DIR');
  });

  it('should exit 1 naming the file when the directory has no windows.json', () => {
    let err = '';
    const code = runEval(['--nab', resolve(__dirname, 'no-such-dir')], {
      stdout: () => undefined,
      stderr: (t) => (err += t),
    });
    expect(code).toBe(1);
    expect(err).toContain('windows.json');
  });
});
