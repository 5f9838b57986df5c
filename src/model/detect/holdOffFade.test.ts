import { applyAlertRules, DEFAULT_ALERT_RULES } from './hygiene';
import { alertHours, hours } from '../testing/alertRuns';

describe('applyAlertRules', () => {
  describe('fading end of the hold-off', () => {
    const n = 5 * 24;
    /** Hourly levels and strengths with the given runs: [hour, strength]. */
    const series = (runs: Array<[number, number]>) => {
      const lv = new Array<number>(n).fill(0);
      const strength = new Array<number>(n).fill(0);
      for (const [h, s] of runs) {
        lv[h] = 2;
        strength[h] = s;
      }
      return { lv, strength };
    };

    it('should hold a weak run after the hold-off while it is under the fading share of the held alert', () => {
      // Alert |z| 40 at 0 h. At 60 h (12 h into the two-day fade) a run needs 0.5 × 0.75 × 40 = 15: 10 is held.
      // At 84 h (36 h in) it needs 5: 6 pages, and holds off 8 at 86 h (under ×3) in turn.
      const { lv, strength } = series([
        [0, 40],
        [60, 10],
        [84, 6],
        [86, 8],
      ]);
      expect(alertHours(applyAlertRules(lv, hours(n), DEFAULT_ALERT_RULES, strength))).toEqual([0, 84]);
      // With a cliff (fade 0) the hold-off ends at 48 h: the run at 60 h pages and holds off the one at 84 h.
      const cliff = { ...DEFAULT_ALERT_RULES, holdOffFade: 0 };
      expect(alertHours(applyAlertRules(lv, hours(n), cliff, strength))).toEqual([0, 60]);
      // Without strengths the hold-off ends at 48 h.
      expect(alertHours(applyAlertRules(lv, hours(n), DEFAULT_ALERT_RULES))).toEqual([0, 60]);
    });

    it('should let a run reaching the share through, and end the fade one hold-off after the hold-off', () => {
      const { lv, strength } = series([
        [0, 40],
        [60, 15],
        [108, 5],
        [111, 1],
      ]);
      // 15 reaches the share at 60 h. At 108 h, 48 h after that alert, the fade begins: 5 < 0.5 × 15 is held, and so
      // is 1 at 111 h (needs 0.5 × 0.94 × 15 = 7.0). A run after the fade (97 h after the alert) pages, however weak.
      expect(alertHours(applyAlertRules(lv, hours(n), DEFAULT_ALERT_RULES, strength))).toEqual([0, 60]);
      const early = series([
        [0, 40],
        [97, 0.1],
      ]);
      expect(alertHours(applyAlertRules(early.lv, hours(n), DEFAULT_ALERT_RULES, early.strength))).toEqual([0, 97]);
      // A zero hold-off has no fade: every run pages.
      const none = { ...DEFAULT_ALERT_RULES, holdOffMs: 0 };
      expect(alertHours(applyAlertRules(lv, hours(n), none, strength))).toEqual([0, 60, 108, 111]);
    });

    it('should still hold a run under the share just before the fade ends', () => {
      // At 95 h (47 h into the fade) a run needs 0.5 × (1/48) × 40 = 0.42: 0.3 is held, 0.5 pages.
      const held = series([
        [0, 40],
        [95, 0.3],
      ]);
      expect(alertHours(applyAlertRules(held.lv, hours(n), DEFAULT_ALERT_RULES, held.strength))).toEqual([0]);
      const through = series([
        [0, 40],
        [95, 0.5],
      ]);
      expect(alertHours(applyAlertRules(through.lv, hours(n), DEFAULT_ALERT_RULES, through.strength))).toEqual([0, 95]);
    });

    it('should fade from the latest alert, an escalation included', () => {
      // The escalation at 10 h (40 ≥ 3 × 10) restarts the hold-off: at 60 h, 2 h into its fade, 12 needs 19.2 and is
      // held (from the first alert, 12 h into its fade against 10, it would page).
      const { lv, strength } = series([
        [0, 10],
        [10, 40],
        [60, 12],
      ]);
      expect(alertHours(applyAlertRules(lv, hours(n), DEFAULT_ALERT_RULES, strength))).toEqual([0, 10]);
    });
  });
});
