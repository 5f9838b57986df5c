import { seededNormal } from '../sarima/simulate';
import { likelihoodWindows, unusualPoints } from './likelihood';
import { applyAlertRules, DEFAULT_ALERT_RULES } from './hygiene';
import { HOUR_MS } from '../timeUnits';

const WINDOWS = { shortPoints: 4, longPoints: 400, minLongPoints: 50 };
const onesOf = (flags: ArrayLike<number>) => Array.from(flags).flatMap((f, i) => (f === 1 ? [i] : []));

describe('unusualPoints (anomaly likelihood, Ahmad et al. 2017)', () => {
  it("should find a quiet series' spike unusual, but not the same spike in a series that spikes routinely", () => {
    const normal = seededNormal(5);
    const quiet = Array.from({ length: 600 }, () => normal());
    const spiky = quiet.map((z, i) => (i % 40 === 7 ? z + 30 : z));
    quiet[500] = 30;
    spiky[500] = 30;
    // Quiet: the short windows that hold the spike (the spike and the next shortPoints − 1 points) are unusual; the
    // normal fit of means of |z| (skewed) is rough, so a rare noise window may pass too (1 of 550 with this seed).
    const unusual = onesOf(unusualPoints(quiet, WINDOWS));
    expect(unusual).toEqual(expect.arrayContaining([500, 501, 502, 503]));
    expect(unusual.length).toBeLessThanOrEqual(6);
    expect(unusualPoints(spiky, WINDOWS)[500]).toBe(0);
  });

  it('should judge causally and only after minLongPoints of history', () => {
    const normal = seededNormal(6);
    const scores = Array.from({ length: 300 }, () => normal());
    scores[30] = 40; // before 50 short means of history: not judged
    scores[200] = 40;
    const full = unusualPoints(scores, WINDOWS);
    expect(full[30]).toBe(0);
    expect(full[200]).toBe(1);
    // Point 200's verdict does not change when later data changes.
    const changed = scores.map((z, i) => (i > 200 ? z + 100 : z));
    expect(unusualPoints(changed, WINDOWS).slice(0, 201)).toEqual(full.slice(0, 201));
  });

  it('should use one hour of scores for the short mean and 28 days for the history', () => {
    expect(likelihoodWindows(300_000)).toEqual({ shortPoints: 12, longPoints: 8064, minLongPoints: 288 });
    expect(likelihoodWindows(HOUR_MS)).toEqual({ shortPoints: 1, longPoints: 672, minLongPoints: 24 });
  });
});

describe('escalation through a hold-off needs unusual scores', () => {
  it('should let a much stronger run through the hold-off only when its scores are unusual for the series', () => {
    const levels = [0, 2, 0, 2, 0];
    const strength = [0, 10, 0, 40, 0];
    const hours = [0, 1, 2, 3, 4].map((h) => h * HOUR_MS);
    const alerts = (unusual?: number[]) =>
      Array.from(applyAlertRules(levels, hours, DEFAULT_ALERT_RULES, strength, unusual));
    expect(alerts()).toEqual([0, 2, 0, 2, 0]);
    expect(alerts([0, 1, 0, 1, 0])).toEqual([0, 2, 0, 2, 0]);
    // Routine for this series: held off like any other run (the first alert needs no likelihood).
    expect(alerts([0, 0, 0, 0, 0])).toEqual([0, 2, 0, 0, 0]);
  });
});
