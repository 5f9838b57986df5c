import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_DETECTOR_CONFIG, withSensitivity, type DetectorConfig } from '../model/detect/config';
import { evaluateNabDir, formatEval, runEval } from './eval';
import { readPublishedScores } from './nabPublished';
import { describeNab30, describeNab7, NAB30_DIR, NAB7_DIR, NEIGHBOUR_MARGIN, standardScore } from './nabTestSets';
import { DAY_MS, HOUR_MS } from '../contract/constants';

// Regression floors, set a little under what the default configuration reaches (standard profile; issue 12):
// nab30 77.14, nab7 72.66. Not tuning targets. On nab30 one window is worth up to ≈ 1.6 points (a missed window
// costs 1, an early detection earns up to 1, over a range of 124) and ~15 false positives ≈ 1 window.
const NAB30_FLOOR = 76.6;
const NAB7_FLOOR = 71;
// Known limits: neighbours that miss that rule, each held to a floor a little under its measured score so that it
// cannot get worse unseen. None now. History (nab30 standard):
// - minScore 4.4 met the rule once a record must be beaten by a margin (`record.ts` RECORD_MARGIN: 58.3 → 60.1);
//   minScore 3.6 once recurring spikes are absorbed rather than replaced (`spikeBudget.ts`: 60.2 (−4.6) → 63.3 (−2.5));
//   it missed again (63.4, −4.2) once the fine record's seed was capped (`seedRecord.ts`) and met it (64.9, −2.9) once an
//   alert's strength is that of the test that raised it (`fine.ts`) and a point of the held alert's own excursion
//   cannot escalate (`hygiene.ts`). With the early page the default moved to 4.2 (3.78 −2.7, 4.62 −0.2).
// - The hold-off's length (a user setting, 2 days) at 2.2 days was 71.89 (−3.08): windows that an alert 45–50 h after an
//   earlier false alarm finds (ec2_disk_write_bytes_c0d644 window 1, ec2_network_in_5abac7 window 2) are then held
//   off, and every length from 40 to 53 h hides some window whose alert lands just after it. With the bucket test
//   calibrated by its own scores (`bucketLikelihood.ts`) it still loses those two windows but scores 74.41 against
//   77.14 (−2.73), within the rule.
// - The sustained test at 4.5 was −3.31 once the bucket bar had lifted the default (73.83 against 77.14): a weak
//   moving-sum alert 12 h before a 28 times stronger incident counted as a second alert episode, which barred
//   ec2_cpu_utilization_24ae8d window 2's early page. Since an escalation stays in its episode (`hygiene.ts`): 75.30.
//   Between the neighbours the score is still jagged (4.6 / 4.75: 73.73 / 73.80): a weak moving-sum alert absorbed as
//   observed makes the next day's incident at the same hour look like its echo (Twitter_volume_PFE window 3,
//   art_increase_spike_density). Letting a stronger deviation through the echo rule smooths that (4.5–4.9 at
//   76.95–77.29, default 77.48) but pages the day after a skipped cron run, when the model's echo of the missed run
//   is several times the miss (`silenceShapes.test.ts`); not kept.
const KNOWN_LIMIT_FLOORS: Record<string, number> = {};

describeNab30('evaluateNabDir on the NAB 30-file set (issue 12)', () => {
  let result: ReturnType<typeof evaluateNabDir>;
  // About 15 s of CPU for the 30 files on an idle core; the limit leaves room for a loaded CI machine.
  beforeAll(() => {
    result = evaluateNabDir(NAB30_DIR, DEFAULT_DETECTOR_CONFIG);
  }, 300_000);

  it('should keep the total standard NAB score above the regression floor, with no failed file', () => {
    expect(standardScore(result)).toBeGreaterThanOrEqual(NAB30_FLOOR);
    expect(result.failures).toEqual([]);
    expect(result.files).toHaveLength(30);
  });

  it('should raise no flag on the three files without anomalies', () => {
    // The daily files had 2 flags each from the young model's first fine scores, until the fine record was seeded
    // with the series' own fine deviations (fine.ts); small_noise's last one, a warm-up record won by 2 % on its
    // third day, went with the warm-up record margin (warmup.ts).
    for (const name of ['art_flatline', 'art_daily_no_noise', 'art_daily_small_noise']) {
      expect(result.files.find((f) => f.name === `artificialNoAnomaly/${name}.csv`)?.flags).toBe(0);
    }
  });

  it('should print the published detectors on the same files beside ours', () => {
    const text = formatEval(result);
    expect(text).toContain('ARTime\t73.4\t64.0\t79.0');
    expect(text).toMatch(/standard\t\d+\.\d\d/);
  });

  // Each threshold of the decision: the point test, the sustained (MOSUM) test, the hold-off's length and escalation,
  // the early page's rarity window and quiet spell, the hold-off's fading end, and the record's full week and fade (the
  // activity-stopped test's and the bucket bar's thresholds: `evalNeighbours.test.ts`, a file of its own so that the two test workers share the
  // evaluations).
  const neighbours: Array<[string, Partial<DetectorConfig>]> = [
    ['minScore 3.78', { minScore: 0.9 * DEFAULT_DETECTOR_CONFIG.minScore }],
    ['minScore 4.62', { minScore: 1.1 * DEFAULT_DETECTOR_CONFIG.minScore }],
    ['sustainScore 4.5', { sustainScore: 4.5 }],
    ['sustainScore 5.5', { sustainScore: 5.5 }],
    ['escalation 2.7', { rules: { ...DEFAULT_DETECTOR_CONFIG.rules, escalation: 2.7 } }],
    ['escalation 3.3', { rules: { ...DEFAULT_DETECTOR_CONFIG.rules, escalation: 3.3 } }],
    ['rareWindow 6.3 d', { rules: { ...DEFAULT_DETECTOR_CONFIG.rules, rareWindowMs: 0.9 * 7 * DAY_MS } }],
    ['rareWindow 7.7 d', { rules: { ...DEFAULT_DETECTOR_CONFIG.rules, rareWindowMs: 1.1 * 7 * DAY_MS } }],
    ['quiet 7.2 h', { rules: { ...DEFAULT_DETECTOR_CONFIG.rules, quietMs: 0.9 * 8 * HOUR_MS } }],
    ['quiet 8.8 h', { rules: { ...DEFAULT_DETECTOR_CONFIG.rules, quietMs: 1.1 * 8 * HOUR_MS } }],
    ['holdOff 1.8 d', { rules: { ...DEFAULT_DETECTOR_CONFIG.rules, holdOffMs: 0.9 * 2 * DAY_MS } }],
    ['holdOff 2.2 d', { rules: { ...DEFAULT_DETECTOR_CONFIG.rules, holdOffMs: 1.1 * 2 * DAY_MS } }],
    ['holdOffFade 0.45', { rules: { ...DEFAULT_DETECTOR_CONFIG.rules, holdOffFade: 0.45 } }],
    ['holdOffFade 0.55', { rules: { ...DEFAULT_DETECTOR_CONFIG.rules, holdOffFade: 0.55 } }],
    ['recordWindow 6.3 d', { recordWindow: { ms: 0.9 * 7 * DAY_MS } }],
    ['recordWindow 7.7 d', { recordWindow: { ms: 1.1 * 7 * DAY_MS } }],
    ['recordFade 12.6 d', { recordFade: { ms: 0.9 * 14 * DAY_MS } }],
    ['recordFade 15.4 d', { recordFade: { ms: 1.1 * 14 * DAY_MS } }],
  ];
  it.each(neighbours)(
    'should score within 3 points of the default (or its known-limit floor) when a threshold moves by 10 %% (%s)',
    (name, change) => {
      const neighbour = evaluateNabDir(NAB30_DIR, { ...DEFAULT_DETECTOR_CONFIG, ...change });
      const floor = KNOWN_LIMIT_FLOORS[name] ?? standardScore(result) - NEIGHBOUR_MARGIN;
      expect(standardScore(neighbour)).toBeGreaterThanOrEqual(floor);
    },
    300_000
  );

  // Issue 12 must-have 5: the default sensitivity (medium) is the named level that scores best on nab30
  // (measured: low 68.14, medium 77.14, high 69.27).
  it('should score best at the default sensitivity among the named levels', () => {
    for (const level of ['low', 'high'] as const) {
      const other = evaluateNabDir(NAB30_DIR, withSensitivity(DEFAULT_DETECTOR_CONFIG, level));
      expect(standardScore(other)).toBeLessThan(standardScore(result));
    }
  }, 300_000);
});

describeNab7('evaluateNabDir on the seven-file NAB subset (second report)', () => {
  it('should keep the standard score above its floor and report the three profiles', () => {
    const result = evaluateNabDir(NAB7_DIR, DEFAULT_DETECTOR_CONFIG);
    expect(standardScore(result)).toBeGreaterThanOrEqual(NAB7_FLOOR);
    expect(result.files).toHaveLength(7);
    expect(result.totals.map((t) => t.profile)).toEqual(['standard', 'reward_low_FP_rate', 'reward_low_FN_rate']);
    expect(formatEval(result)).toContain('realKnownCause/nyc_taxi.csv');
    expect(formatEval(result)).toContain('Numenta HTM\t65.6\t-\t-');
  }, 300_000);
});

describe('readPublishedScores', () => {
  it('should read a Markdown table of three profiles, and a sentence of standard scores', () => {
    const table = mkdtempSync(join(tmpdir(), 'nab-'));
    writeFileSync(
      join(table, 'README.md'),
      '| detector | standard | low_FP | low_FN |\n|---|---|---|---|\n| X Y | 1.5 | 2 | 3 |\n'
    );
    expect(readPublishedScores(table)).toEqual([{ detector: 'X Y', scores: [1.5, 2, 3] }]);
    const sentence = mkdtempSync(join(tmpdir(), 'nab-'));
    writeFileSync(join(sentence, 'README.md'), 'Published NAB detectors on these files: A 83.5, windowed B 14.3.\n');
    expect(readPublishedScores(sentence).map((p) => [p.detector, p.scores[0]])).toEqual([
      ['A', 83.5],
      ['windowed B', 14.3],
    ]);
    expect(readPublishedScores(join(table, 'missing'))).toEqual([]);
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
