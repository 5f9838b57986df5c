import type { RegularSeries } from '../series';
import { runBacktest } from './backtest';
import { DEFAULT_DETECTOR_CONFIG } from './config';
import { activitySide, newSilenceWalk, pauseSlots, pushSilence, recordSlots, type SilenceRules } from './silence';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../timeUnits';
import { anomalyWindows } from './windows';

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

  it('should not judge a pause whose last burst came before the watch ended', () => {
    // Bursts stop at 6.5 days: the pause is still running a week in, but it may be a rhythm the record has not seen.
    expect(ratios(bursty(10 * 24, 6.5 * 24)).every((x) => x === 0)).toBe(true);
    // Stopping at 7.5 days, the pause began after the watch: silent 12 h in.
    const values = bursty(10 * 24, 7.5 * 24);
    expect(ratios(values).findIndex((x) => x > 0) - values.lastIndexOf(100)).toBe(12);
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

  it('should tell the pause and the record it is judged against', () => {
    const values = bursty(400, 300);
    const lastBurst = values.lastIndexOf(100);
    const s = newSilenceWalk(RULES, HOUR_MS);
    const pauses = values.map((y, i) => {
      pushSilence(s, i, y);
      return pauseSlots(s, i);
    });
    // No pause before the first burst (the first slot has no threshold yet).
    expect(Number.isNaN(pauses[0])).toBe(true);
    expect(pauses[lastBurst]).toBe(0);
    expect(pauses[lastBurst + 12]).toBe(12);
    expect(recordSlots(s)).toBe(7);
    // Missing data ends the pause.
    pushSilence(s, 400, NaN);
    expect(Number.isNaN(pauseSlots(s, 400))).toBe(true);
  });

  it('should take the median and burst threshold in numeric order, negative values included', () => {
    // In text order (a sort without comparator on plain numbers) 10 and 100 would come before 9.
    const s = newSilenceWalk(RULES, HOUR_MS);
    [9, -3, 10, 100, 2].forEach((y, i) => pushSilence(s, i, y));
    expect(s.median).toBe(9);
    // |y − 9| sorted: 0 1 7 12 91; the 99th percentile interpolates 12 → 91 at 0.96.
    expect(s.threshold).toBeCloseTo(RULES.burstShare * (12 + 0.96 * 79), 12);
  });

  it('should tell the side of most bursts: above for bursts over an idle level, below for dips of a busy series', () => {
    const side = (values: number[]) => {
      const s = newSilenceWalk(RULES, HOUR_MS);
      values.forEach((y, i) => pushSilence(s, i, y));
      return activitySide(s);
    };
    const values = bursty(200, 200);
    expect(side(values)).toBe(1);
    expect(side(values.map((y) => 100 - y))).toBe(-1);
    // One stray spike above a busy series' level does not turn its side.
    const dips = values.map((y) => 100 - y);
    dips[190] = 1000;
    expect(side(dips)).toBe(-1);
  });

  it('should be off when burstShare is 0', () => {
    expect(ratios(bursty(400, 300), { ...RULES, burstShare: 0 }).every((x) => x === 0)).toBe(true);
  });
});

/** `bursty` with the burst 45 h before the last one a spike of 1000. */
function spiked(hours: number, stopH: number): number[] {
  const values = bursty(hours, stopH);
  values[values.lastIndexOf(100, values.lastIndexOf(100) - 40)] = 1000;
  return values;
}

describe('runBacktest activity-stopped alerts', () => {
  const values = spiked(18 * 24, 14 * 24);
  const lastBurstMs = START_MS + values.lastIndexOf(100) * HOUR_MS;
  const spikeMs = START_MS + values.indexOf(1000) * HOUR_MS;
  const alertTimes = (d: ReturnType<typeof runBacktest>) => d.timesMs.filter((_, i) => d.anomaly[i] > 0);

  it('should alert 12 h into the pause when the bursts of an intermittent series stop', () => {
    const alerts = alertTimes(runBacktest(series(values)));
    expect(alerts).toContain(lastBurstMs + 12 * HOUR_MS);
  });

  it('should not alert there without the test, nor later in the pause', () => {
    // The spike's alert holds the forecast's alerts off until after the pause began: the pause is not in its errors.
    const off = { ...DEFAULT_DETECTOR_CONFIG, silence: { ...RULES, burstShare: 0 } };
    const alerts = alertTimes(runBacktest(series(values), off));
    expect(alerts.filter((t) => t > lastBurstMs)).toEqual([]);
  });

  it('should alert in the pause although a spike alert holds off the other tests', () => {
    // The spike's alert opens a two-day hold-off, fading for two more; the pause has its own.
    const alerts = alertTimes(runBacktest(series(values)));
    expect(alerts.filter((t) => t >= spikeMs)).toEqual([spikeMs, lastBurstMs + 12 * HOUR_MS]);
  });

  it('should not page a stop again that the forecast already paged inside the pause', () => {
    // Without the spike the forecast alerts 11 h into the pause (it missed the next expected burst): one page.
    const plain = bursty(18 * 24, 14 * 24);
    const stopMs = START_MS + plain.lastIndexOf(100) * HOUR_MS;
    const detection = runBacktest(series(plain));
    expect(alertTimes(detection).filter((t) => t > stopMs)).toEqual([stopMs + 11 * HOUR_MS]);
    expect(detection.silences).toBeUndefined();
  });

  it('should page a stop although another test alerted in the pause before the next burst was due', () => {
    // Daily bursts (the record pause is 24 h); 2 h after the last one a blip of 3, under the hysteresis band (0.75 ×
    // the burst threshold of 5), that the forecast alerts on. An alert before the next burst was due is not about
    // the stop: the pause still pages, once it is 15 % longer than the record.
    const daily = Array.from({ length: 18 * 24 }, (_, h) => 0.01 * ((h % 3) - 1));
    for (let h = 3; h < 14 * 24; h += 24) {
      daily[h] = 100;
    }
    const stop = daily.lastIndexOf(100);
    daily[stop + 2] = 3;
    const stopMs = START_MS + stop * HOUR_MS;
    const detection = runBacktest(series(daily));
    const alerts = alertTimes(detection).filter((t) => t > stopMs);
    expect(alerts).toContain(stopMs + 2 * HOUR_MS);
    expect(alerts).toContain(stopMs + 28 * HOUR_MS);
    expect(detection.silences?.map((s) => [detection.timesMs[s.index], s.recordPauseMs])).toEqual([
      [stopMs + 28 * HOUR_MS, 24 * HOUR_MS],
    ]);
  });

  it('should not alert for a pause when the direction is above', () => {
    const above = { ...DEFAULT_DETECTOR_CONFIG, direction: 'above' as const };
    const alerts = alertTimes(runBacktest(series(values), above));
    expect(alerts.filter((t) => t > lastBurstMs)).toEqual([]);
  });

  it('should call a pause of a busy series whose idle dips stopped a silence above', () => {
    // The same rhythm upside down: busy at 100, dips to 0 (and one to −900) that stop; the value stays high.
    const dips = values.map((y) => 100 - y);
    const windows = anomalyWindows(runBacktest(series(dips))).filter((w) => w.endMs > lastBurstMs);
    expect(windows).toHaveLength(1);
    expect(windows[0]).toMatchObject({ kind: 'silence', direction: 'above', alertMs: lastBurstMs + 12 * HOUR_MS });
    expect(windows[0].silence?.direction).toBe('above');
    // Gated by its own side: a 'below' detector does not page it, an 'above' one does.
    const below = { ...DEFAULT_DETECTOR_CONFIG, direction: 'below' as const };
    expect(alertTimes(runBacktest(series(dips), below)).filter((t) => t > lastBurstMs)).toEqual([]);
    const above = { ...DEFAULT_DETECTOR_CONFIG, direction: 'above' as const };
    expect(alertTimes(runBacktest(series(dips), above))).toContain(lastBurstMs + 12 * HOUR_MS);
  });
});

describe('runBacktest activity-stopped windows', () => {
  const PAUSE = { pauseMs: 12 * HOUR_MS, recordWindowMs: 14 * DAY_MS, direction: 'below' };

  /** The windows of `values` (step `stepMs`) that end after `afterMs`. */
  function windowsAfter(values: number[], stepMs: number, afterMs: number) {
    const detection = runBacktest({ startMs: START_MS, stepMs, values, repairs: [] });
    return anomalyWindows(detection).filter((w) => w.endMs > afterMs);
  }

  it('should span an hourly pause from the alerts to the end of the data, as a silence below', () => {
    const values = spiked(18 * 24, 14 * 24);
    const lastBurstMs = START_MS + values.lastIndexOf(100) * HOUR_MS;
    const windows = windowsAfter(values, HOUR_MS, lastBurstMs);
    expect(windows).toHaveLength(1);
    // From the first silent slot, which alerted.
    expect(windows[0]).toMatchObject({ startMs: lastBurstMs + 12 * HOUR_MS, alertMs: lastBurstMs + 12 * HOUR_MS });
    expect(windows[0].endMs).toBe(START_MS + (values.length - 1) * HOUR_MS);
    expect(windows[0]).toMatchObject({ kind: 'silence', direction: 'below' });
    expect(windows[0].silence).toEqual({ ...PAUSE, recordPauseMs: 7 * HOUR_MS });
  });

  it('should end the window where the pause ends: at the next burst or at missing data', () => {
    const values = spiked(18 * 24, 14 * 24);
    const lastBurst = values.lastIndexOf(100);
    const lastBurstMs = START_MS + lastBurst * HOUR_MS;
    // The bursts resume 30 hours after the last one, in their old rhythm.
    const resumed = [...values];
    for (let h = lastBurst + 30, k = 0; h < values.length; k++) {
      resumed[h] = 100;
      h += GAPS_H[k % GAPS_H.length];
    }
    expect(windowsAfter(resumed, HOUR_MS, lastBurstMs).map((w) => w.endMs)).toEqual([lastBurstMs + 29 * HOUR_MS]);
    const missing = [...values];
    missing[lastBurst + 20] = NaN;
    expect(windowsAfter(missing, HOUR_MS, lastBurstMs).map((w) => w.endMs)).toEqual([lastBurstMs + 19 * HOUR_MS]);
  });

  it('should span the pause of a 5-minute series on its fine points', () => {
    // The hourly bursts as runs of twelve 5-minute points; the idle ripple continues at the fine step.
    const fineValues = bursty(18 * 24, 14 * 24).flatMap((v, h) =>
      Array.from({ length: 12 }, (_, k) => (v === 100 ? 100 : 0.01 * (((12 * h + k) % 3) - 1)))
    );
    const stepMs = 5 * MINUTE_MS;
    const lastBurstMs = START_MS + fineValues.lastIndexOf(100) * stepMs;
    const windows = windowsAfter(fineValues, stepMs, lastBurstMs);
    expect(windows).toHaveLength(1);
    expect(windows[0]).toMatchObject({ kind: 'silence', direction: 'below' });
    // The model grid's hourly buckets end on the hour; the last burst's bucket ends 5 minutes after it. The alert is
    // on the completing point of the first silent bucket, 12 hours later, and the window begins with that bucket.
    const alertMs = lastBurstMs + 5 * MINUTE_MS + 12 * HOUR_MS;
    expect(windows[0]).toMatchObject({ alertMs, startMs: alertMs - HOUR_MS + stepMs });
    // To the last completed bucket: the points of the bucket still filling are judged when it completes.
    expect(windows[0].endMs).toBe(START_MS + (fineValues.length - 12) * stepMs);
    expect(windows[0].silence).toEqual({ ...PAUSE, recordPauseMs: 6 * HOUR_MS });
  });
});
