import { applyAlertRules, DEFAULT_ALERT_RULES } from './hygiene';
import { HOUR_MS } from '../timeUnits';
import { alertHours, hours } from '../testing/alertRuns';

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

  describe('early page for a series that rarely alerts', () => {
    const n = 11 * 24;
    /** Hourly levels, strengths and excursion onsets with the given runs: [hour, strength, hours in excursion]. */
    const series = (runs: Array<[number, number, number]>) => {
      const lv = new Array<number>(n).fill(0);
      const strength = new Array<number>(n).fill(0);
      const onset = new Array<number>(n).fill(NaN);
      for (const [h, s, extentH] of runs) {
        lv[h] = 2;
        strength[h] = s;
        for (let k = h; k < h + extentH; k++) {
          onset[k] = h * HOUR_MS;
        }
      }
      return { lv, strength, onset };
    };
    const alertsFor = ({ lv, strength, onset }: ReturnType<typeof series>) =>
      alertHours(applyAlertRules(lv, hours(n), DEFAULT_ALERT_RULES, strength, onset));
    const alertsOf = (runs: Array<[number, number, number]>) => alertsFor(series(runs));
    // An incident after 7 days of watching (|z| 100, in excursion for 3 h), then a weaker new anomaly 20 h later.
    const incident = 7 * 24 + 14;
    const aftershock = incident + 20;

    it('should page a new, weaker anomaly after a quiet spell inside the hold-off when the series alerted once in a week', () => {
      expect(
        alertsOf([
          [incident, 100, 3],
          [aftershock, 5, 2],
        ])
      ).toEqual([incident, aftershock]);
    });

    it('should hold it off when the series had another alert episode in the week (a spiky series)', () => {
      expect(
        alertsOf([
          [incident - 70, 10, 1],
          [incident, 100, 3],
          [aftershock, 5, 2],
        ])
      ).toEqual([incident - 70, incident]);
    });

    it('should hold it off when a run was held silent in the week before the incident (a busy series)', () => {
      // An alert at 30 h (over a week before the aftershock: no second episode), and a weaker run 10 h later held by
      // its hold-off, inside the week: the series misbehaved twice in that week, so the aftershock is held off.
      expect(
        alertsOf([
          [30, 10, 1],
          [40, 5, 1],
          [incident, 100, 3],
          [aftershock, 5, 2],
        ])
      ).toEqual([30, incident]);
      // Without the held run it pages early.
      expect(
        alertsOf([
          [30, 10, 1],
          [incident, 100, 3],
          [aftershock, 5, 2],
        ])
      ).toEqual([30, incident, aftershock]);
    });

    it('should not count a run held more than a week before the new anomaly, though inside the week before the incident', () => {
      // The alert at 10 h holds a run at 20 h: 162 h before the incident but 182 h before the aftershock, so outside
      // the week the early page looks back over from the aftershock's run.
      expect(
        alertsOf([
          [10, 10, 1],
          [20, 5, 1],
          [incident, 100, 3],
          [aftershock, 5, 2],
        ])
      ).toEqual([10, incident, aftershock]);
    });

    it('should not count a run held after the alert holding off (the aftermath of the incident)', () => {
      // A run 5 h after the incident is held (not quiet for 8 h); the aftershock 15 h after it still pages early.
      expect(
        alertsOf([
          [incident, 100, 3],
          [incident + 5, 5, 1],
          [aftershock, 5, 2],
        ])
      ).toEqual([incident, aftershock]);
    });

    it('should not count a run held between the incident and its escalation (the same episode)', () => {
      // The run at +5 h is held; the escalation at +8 h (|z| 40 ≥ 3 × 10, not quiet for 8 h: no early page) continues
      // the incident's episode, so that run is the incident's aftermath, and a new anomaly a day later pages early.
      const withHeldRun = [
        [incident, 10, 3],
        [incident + 5, 5, 1],
        [incident + 8, 40, 2],
        [incident + 30, 5, 2],
      ] satisfies Array<[number, number, number]>;
      expect(alertsOf(withHeldRun)).toEqual([incident, incident + 8, incident + 30]);
    });

    it('should hold it off when the series was not quiet for 8 hours before it', () => {
      // The incident's excursion lasts until 6 h before the aftershock.
      expect(
        alertsOf([
          [incident, 100, 15],
          [aftershock, 5, 2],
        ])
      ).toEqual([incident]);
    });

    it('should page early only inside the hold-off, not during its fading end', () => {
      // 5 at 47 h pages early; at 50 h the hold-off has passed and 5 is under the fade's 0.5 × (46/48) × 100 = 48.
      expect(
        alertsOf([
          [incident, 100, 3],
          [incident + 47, 5, 2],
        ])
      ).toEqual([incident, incident + 47]);
      expect(
        alertsOf([
          [incident, 100, 3],
          [incident + 50, 5, 2],
        ])
      ).toEqual([incident]);
    });

    it('should hold it off in the first week, before the series has a history to call itself rare', () => {
      expect(
        alertsOf([
          [incident - 48, 100, 3],
          [aftershock - 48, 5, 2],
        ])
      ).toEqual([incident - 48]);
    });

    it('should count an escalation as part of the episode it escalates, even after a quiet spell', () => {
      // A weak alert 6 h before the incident, escalated by it (×3) before the series was quiet: one episode.
      expect(
        alertsOf([
          [incident - 6, 4, 1],
          [incident, 100, 3],
          [aftershock, 5, 2],
        ])
      ).toEqual([incident - 6, incident, aftershock]);
      // 12 h before, the incident could also page early (after a quiet spell), but it escalates the weak alert (×25):
      // that alert was the incident's onset, still one episode, so the aftershock pages early (ec2_cpu_utilization_24ae8d).
      expect(
        alertsOf([
          [incident - 12, 4, 1],
          [incident, 100, 3],
          [aftershock, 5, 2],
        ])
      ).toEqual([incident - 12, incident, aftershock]);
    });

    it('should count an early page that does not escalate as a second episode', () => {
      // 40 then 100 (under ×3) 12 h later: the incident pages early, a second episode in the week: no early page.
      expect(
        alertsOf([
          [incident - 12, 40, 1],
          [incident, 100, 3],
          [aftershock, 5, 2],
        ])
      ).toEqual([incident - 12, incident]);
    });

    it('should measure the quiet spell to the start of the new excursion, not to the run that pages', () => {
      // The aftershock's run comes 20 h after the incident; its excursion began earlier, at `startH`.
      const alertsWithOnset = (startH: number) => {
        const runs = series([
          [incident, 100, 3],
          [aftershock, 5, 2],
        ]);
        for (let h = startH; h <= aftershock; h++) {
          runs.onset[h] = startH * HOUR_MS;
        }
        return alertsFor(runs);
      };
      // Begun 10 h after the incident's excursion ended: quiet for 8 h before it, so it pages.
      expect(alertsWithOnset(incident + 13)).toEqual([incident, aftershock]);
      // Begun 4 h after: not quiet for 8 h, however long it then lasted.
      expect(alertsWithOnset(incident + 7)).toEqual([incident]);
    });

    it('should not page early a later run of the excursion holding off', () => {
      // The incident's excursion lasts 24 h; a weaker run of it 20 h in is the anomaly already paged.
      const runs = series([[incident, 100, 24]]);
      runs.lv[aftershock] = 2;
      runs.strength[aftershock] = 5;
      expect(alertsFor(runs)).toEqual([incident]);
    });

    it('should page early with a minimum run of 2, measuring the quiet spell to the run start without onsets', () => {
      const lv = new Array<number>(n).fill(0);
      for (const h of [incident, incident + 1, aftershock, aftershock + 1]) {
        lv[h] = 2;
      }
      const rules = { ...DEFAULT_ALERT_RULES, minConsecutive: 2 };
      const out = applyAlertRules(
        lv,
        hours(n),
        rules,
        lv.map((v) => v * 50)
      );
      expect(alertHours(out)).toEqual([incident + 1, aftershock + 1]);
    });
  });
});
