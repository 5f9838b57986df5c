import type { RegularSeries } from '../series';
import { runBacktest } from './backtest';
import { DEFAULT_DETECTOR_CONFIG } from './config';
import { newSilenceWalk, pushSilence, type SilenceRules } from './silence';
import { DAY_MS, HOUR_MS } from '../timeUnits';

const START_MS = Date.UTC(2024, 0, 1);
/** Gaps between bursts, in hours, repeated: the longest pause is 7 h. */
const GAPS_H = [4, 6, 5, 7, 3];

/**
 * Hourly idle series (0, with a ripple of ±0.01 so that it is not constant) with a burst of 100 after each gap of
 * `GAPS_H` until `stopH`, then idle for the rest of `hours`.
 */
function bursty(hours: number, stopH: number): number[] {
  const values = Array.from({ length: hours }, (_, h) => 0.01 * ((h % 3) - 1));
  let h = 0;
  for (let k = 0; h < stopH; k++) {
    values[h] = 100;
    h += GAPS_H[k % GAPS_H.length];
  }
  return values;
}

function series(values: number[]): RegularSeries {
  return { startMs: START_MS, stepMs: HOUR_MS, values, repairs: [] };
}

const RULES: SilenceRules = DEFAULT_DETECTOR_CONFIG.silence;

/** The ratio pushSilence returns per hour of `values`. */
function ratios(values: number[], rules: SilenceRules = RULES): number[] {
  const s = newSilenceWalk(rules, HOUR_MS);
  return values.map((y, i) => pushSilence(s, i, y));
}

describe('pushSilence', () => {
  it('should be silent once the pause exceeds the record pause by the margin and the shortest pause', () => {
    // Bursts stop at hour 300 (12.5 days); the last burst is the one at or before then.
    const values = bursty(400, 300);
    const lastBurst = values.lastIndexOf(100);
    const r = ratios(values);
    const first = r.findIndex((x) => x > 0);
    // Record 7 h × 1.15 = 8 h, but the shortest pause that can page is 12 h.
    expect(first - lastBurst).toBe(12);
    expect(r[first]).toBeCloseTo(12 / 7, 9);
    // Nothing while the bursts went on.
    expect(r.slice(0, lastBurst + 1).every((x) => x === 0)).toBe(true);
  });

  it('should use the record pause when it is longer than the shortest pause', () => {
    const r = ratios(bursty(400, 300), { ...RULES, minPauseMs: HOUR_MS });
    const lastBurst = bursty(400, 300).lastIndexOf(100);
    // 7 h × 1.15 = 8.05 h: the first silent slot is 9 h after the last burst.
    expect(r.findIndex((x) => x > 0) - lastBurst).toBe(9);
  });

  it('should forget a long pause that ended more than recordMs ago', () => {
    // A 25-hour pause (bursts at hours 15 and 40); the bursts stop at hour 500, 19 days later.
    const values = bursty(600, 500);
    for (let h = 20; h < 40; h++) {
      values[h] = 0;
    }
    values[40] = 100;
    const lastBurst = values.lastIndexOf(100);
    const r = ratios(values);
    expect(r.findIndex((x) => x > 0) - lastBurst).toBe(12);
    // Within the record window the same pause holds the test back until 25 h × 1.15.
    const recent = ratios(values, { ...RULES, recordMs: 30 * DAY_MS });
    expect(recent.findIndex((x) => x > 0) - lastBurst).toBe(29);
  });

  it('should not be silent before the series has been watched for watchMs', () => {
    // Bursts stop after 5 days: the pause is long, but a week of history is needed.
    const r = ratios(bursty(7 * 24 - 1, 5 * 24));
    expect(r.every((x) => x === 0)).toBe(true);
  });

  it('should restart the pause after missing data', () => {
    const values = bursty(400, 300);
    const lastBurst = values.lastIndexOf(100);
    values[lastBurst + 5] = NaN;
    const r = ratios(values);
    // The clock starts again at the first observed slot after the gap; it also needs a burst to have a pause.
    expect(r.every((x) => x === 0)).toBe(true);
  });

  it('should never be silent on a series busy most of the time (a daily sine)', () => {
    const values = Array.from({ length: 28 * 24 }, (_, h) => 10 + Math.sin((2 * Math.PI * h) / 24));
    expect(ratios(values).every((x) => x === 0)).toBe(true);
  });

  it('should not be silent when a slot of the pause came close to the burst threshold (hysteresis)', () => {
    const values = bursty(400, 300);
    const lastBurst = values.lastIndexOf(100);
    // The threshold is 5 % of the 99th-percentile deviation, 100: 5. A slot at 4.5 ends no pause but is activity.
    values[lastBurst + 3] = 4.5;
    expect(ratios(values).every((x) => x === 0)).toBe(true);
    // At 3 (60 % of the threshold) the pause is still silent.
    values[lastBurst + 3] = 3;
    expect(ratios(values).findIndex((x) => x > 0) - lastBurst).toBe(12);
  });

  it('should be off when burstShare is 0', () => {
    expect(ratios(bursty(400, 300), { ...RULES, burstShare: 0 }).every((x) => x === 0)).toBe(true);
  });
});

describe('runBacktest activity-stopped alerts', () => {
  const values = bursty(18 * 24, 14 * 24);
  const lastBurstMs = START_MS + values.lastIndexOf(100) * HOUR_MS;
  const alertTimes = (d: ReturnType<typeof runBacktest>) => d.timesMs.filter((_, i) => d.anomaly[i] > 0);

  it('should alert 12 h into the pause when the bursts of an intermittent series stop', () => {
    const alerts = alertTimes(runBacktest(series(values)));
    expect(alerts).toContain(lastBurstMs + 12 * HOUR_MS);
  });

  it('should not alert there without the test, nor later in the pause', () => {
    // The forecast misses the next expected burst once (an hour earlier, held off after that): the pause itself is
    // not in its errors.
    const off = { ...DEFAULT_DETECTOR_CONFIG, silence: { ...RULES, burstShare: 0 } };
    const alerts = alertTimes(runBacktest(series(values), off));
    expect(alerts.filter((t) => t >= lastBurstMs + 12 * HOUR_MS)).toEqual([]);
  });

  it('should alert in the pause although a spike alert holds off the other tests', () => {
    // The forecast's alert an hour before opens a two-day hold-off; the pause has its own.
    const alerts = alertTimes(runBacktest(series(values)));
    expect(alerts.filter((t) => t > lastBurstMs)).toEqual([lastBurstMs + 11 * HOUR_MS, lastBurstMs + 12 * HOUR_MS]);
  });

  it('should not alert for a pause when the direction is above', () => {
    const above = { ...DEFAULT_DETECTOR_CONFIG, direction: 'above' as const };
    const alerts = alertTimes(runBacktest(series(values), above));
    expect(alerts.filter((t) => t > lastBurstMs && t < lastBurstMs + DAY_MS)).toEqual([]);
  });
});
