import { applyAlertRules, DEFAULT_ALERT_RULES } from './hygiene';
import { HOUR_MS } from '../timeUnits';

const hours = (n: number) => Array.from({ length: n }, (_, i) => i * HOUR_MS);

describe('applyAlertRules', () => {
  const levels = [0, 1, 2, 2, 0, 1, 0, 0, 2, 1];

  it('should flag every out-of-band point when not onset-only and the minimum run is 1', () => {
    const out = applyAlertRules(levels, hours(10), {
      minConsecutive: 1,
      onsetOnly: false,
      holdOffMs: 0,
      escalation: Infinity,
    });
    expect(Array.from(out)).toEqual(levels);
  });

  it('should wait for the minimum run before flagging, causally', () => {
    // Runs: [1..3] (length 3) and [8..9] (length 2); the single point at 5 never qualifies.
    const out = applyAlertRules(levels, hours(10), {
      minConsecutive: 2,
      onsetOnly: false,
      holdOffMs: 0,
      escalation: Infinity,
    });
    expect(Array.from(out)).toEqual([0, 0, 2, 2, 0, 0, 0, 0, 0, 1]);
  });

  it('should flag only the onset of each run in onset-only mode without hold-off', () => {
    const out = applyAlertRules(levels, hours(10), {
      minConsecutive: 1,
      onsetOnly: true,
      holdOffMs: 0,
      escalation: Infinity,
    });
    expect(Array.from(out)).toEqual([0, 1, 0, 0, 0, 1, 0, 0, 2, 0]);
  });

  it('should silence runs that become eligible within the hold-off', () => {
    // Onset at 1 h; hold-off 5 h silences the run at 5 h (4 h later) but not the run at 8 h (7 h later).
    const out = applyAlertRules(levels, hours(10), {
      minConsecutive: 1,
      onsetOnly: true,
      holdOffMs: 5 * HOUR_MS,
      escalation: Infinity,
    });
    expect(Array.from(out)).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 2, 0]);
  });

  it('should not re-alert a run that outlasts its hold-off', () => {
    // One run of 6 points, hold-off 2 h: a single alert at the onset.
    const out = applyAlertRules([1, 1, 1, 1, 1, 1], hours(6), {
      minConsecutive: 1,
      onsetOnly: true,
      holdOffMs: 2 * HOUR_MS,
      escalation: Infinity,
    });
    expect(Array.from(out)).toEqual([1, 0, 0, 0, 0, 0]);
  });

  it('should place the onset at the point completing the minimum run', () => {
    const out = applyAlertRules([0, 1, 1, 2, 2], hours(5), {
      minConsecutive: 3,
      onsetOnly: true,
      holdOffMs: 0,
      escalation: Infinity,
    });
    expect(Array.from(out)).toEqual([0, 0, 0, 2, 0]);
  });

  it('should let an anomaly twice as strong as the last alert through its hold-off, and hold off in turn', () => {
    // Runs at 1 h (strength 5), 3 h (8: < 2 × 5, silent), 5 h (12 ≥ 10: alerts), 7 h (20 < 24: silent).
    const lv = [0, 1, 0, 1, 0, 2, 0, 2];
    const strength = [0, 5, 0, 8, 0, 12, 0, 20];
    const rules = { minConsecutive: 1, onsetOnly: true, holdOffMs: 24 * HOUR_MS, escalation: 2 };
    expect(Array.from(applyAlertRules(lv, hours(8), rules, strength))).toEqual([0, 1, 0, 0, 0, 2, 0, 0]);
    // Without strengths (or escalation Infinity) it is the plain hold-off.
    expect(Array.from(applyAlertRules(lv, hours(8), rules))).toEqual([0, 1, 0, 0, 0, 0, 0, 0]);
  });

  it('should not let a stronger point of the excursion holding off escalate, but one of a new excursion', () => {
    // A drift alerted at 1 h (strength 4) whose moving sum grows to 13 (> ×3) at 3 h: the same anomaly, silent.
    // At 5 h a new excursion of strength 13 escalates.
    const lv = [0, 2, 0, 2, 0, 2, 0];
    const strength = [0, 4, 0, 13, 0, 13, 0];
    const onset = [NaN, 1, 1, 1, NaN, 5, 5].map((h) => h * 3_600_000);
    const alerts = applyAlertRules(lv, hours(7), DEFAULT_ALERT_RULES, strength, onset);
    expect(Array.from(alerts)).toEqual([0, 2, 0, 0, 0, 2, 0]);
    // Without excursions every stronger run escalates.
    expect(Array.from(applyAlertRules(lv, hours(7), DEFAULT_ALERT_RULES, strength))).toEqual([0, 2, 0, 2, 0, 0, 0]);
  });

  it('should hold off, by default, a spike up to three times as strong as the alert and let a stronger one through', () => {
    // A spiky series: alert at 1 h (strength 10), then within the two-day hold-off spikes of 25 (×2.5: routine for
    // heavy-tailed spikes, silent) and 31 (> ×3 of the alert: escalates).
    const lv = [0, 2, 0, 2, 0, 2, 0];
    const strength = [0, 10, 0, 25, 0, 31, 0];
    expect(Array.from(applyAlertRules(lv, hours(7), DEFAULT_ALERT_RULES, strength))).toEqual([0, 2, 0, 0, 0, 2, 0]);
  });
});
