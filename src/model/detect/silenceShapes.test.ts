/**
 * How the activity-stopped test (`silence.ts`) behaves on ordinary Prometheus metric shapes, end to end through
 * `runBacktest` at the default configuration: a daily cron job, diurnal traffic, business-hours traffic, an error
 * counter's rate and a square wave, each over six weeks of synthetic data from a seeded generator (deterministic).
 */
import type { RegularSeries } from '../series';
import { seededNormal, seededUniform } from '../sarima/simulate';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../timeUnits';
import { runBacktest } from './backtest';
import { DEFAULT_DETECTOR_CONFIG } from './config';
import { newSilenceWalk, pushSilence } from './silence';
import type { Detection } from './types';
import { anomalyWindows } from './windows';

/** A Monday, 00:00 UTC. */
const MONDAY_MS = Date.UTC(2024, 0, 1);
const WEEK_HOURS = 7 * 24;
const WEEKS = 6;

function series(values: number[], stepMs = HOUR_MS, startMs = MONDAY_MS): RegularSeries {
  return { startMs, stepMs, values, repairs: [] };
}

function silenceWindows(detection: Detection) {
  return anomalyWindows(detection).filter((w) => w.kind === 'silence');
}

/**
 * Hourly CPU of a daily cron job: idle at 2 % (noise 0.3), a run of one hour at 03:00 at 80 % (noise 3), except on
 * day `skipDay` (−1: never skipped).
 */
function cron(skipDay: number): number[] {
  const normal = seededNormal(1);
  return Array.from({ length: WEEKS * WEEK_HOURS }, (_, h) => {
    const runs = h % 24 === 3 && Math.floor(h / 24) !== skipDay;
    return runs ? 80 + 3 * normal() : 2 + 0.3 * normal();
  });
}

/** Hour of week (0 = Monday 00:00) of hour h of a series that starts `startDay` days after a Monday. */
function hourOfWeek(h: number, startDay: number): number {
  return (h + startDay * 24) % WEEK_HOURS;
}

/** Hourly requests/s of business traffic: 50 on weekdays 08:00–18:00, near zero (0.5) nights and all weekend. */
function business(startDay: number): number[] {
  const normal = seededNormal(1);
  return Array.from({ length: WEEKS * WEEK_HOURS }, (_, h) => {
    const how = hourOfWeek(h, startDay);
    const work = how < 5 * 24 && how % 24 >= 8 && how % 24 < 18;
    return Math.max(0, work ? 50 + 5 * normal() : 0.5 + 0.3 * normal());
  });
}

/** 5-minute error rate (per second) of a counter with Poisson errors at `perDay` a day: mostly 0, blips of 1/300. */
function errorRate(seed: number, perDay: number): number[] {
  const uniform = seededUniform(seed);
  const lambda = perDay / (DAY_MS / (5 * MINUTE_MS));
  // Inversion of the Poisson CDF; λ ≈ 0.01 per point, so almost always 0 or 1.
  const poisson = () => {
    let k = 0;
    let p = Math.exp(-lambda);
    let cdf = p;
    const u = uniform();
    while (u > cdf) {
      k++;
      p *= lambda / k;
      cdf += p;
    }
    return k;
  };
  return Array.from({ length: (WEEKS * WEEK_HOURS * HOUR_MS) / (5 * MINUTE_MS) }, () => poisson() / 300);
}

describe('activity-stopped test on ordinary metric shapes', () => {
  describe('(a) a daily cron job', () => {
    it('should not page a silence while the job runs on time', () => {
      // The forecast's own alerts (bursts noisier than its idle-sized band) are not this test's business.
      expect(silenceWindows(runBacktest(series(cron(-1))))).toEqual([]);
    });

    it('should page one silence below when a run is skipped, once the pause beats 1.15 × the daily pause', () => {
      // Day 30's run is skipped: the last run is at hour 29 × 24 + 3 and the pause lasts 47 h until day 31's run.
      const lastRunH = 29 * 24 + 3;
      const detection = runBacktest(series(cron(30)));
      // Run to run is 24 slots (23 idle hours between the run hours): record 24 h, 1.15 × 24 = 27.6 h, above the
      // 12-hour floor, so the first silent slot is 28 h after the last run (one hour after the skipped run was due).
      const windows = anomalyWindows(detection).filter((w) => w.endMs > MONDAY_MS + lastRunH * HOUR_MS);
      expect(windows[0]).toMatchObject({
        kind: 'silence',
        direction: 'below',
        alertMs: MONDAY_MS + (lastRunH + 28) * HOUR_MS,
        // The window ends where the pause ends: the slot before day 31's run.
        endMs: MONDAY_MS + (31 * 24 + 2) * HOUR_MS,
      });
      expect(windows[0].silence).toMatchObject({ pauseMs: 28 * HOUR_MS, recordPauseMs: 24 * HOUR_MS });
      // One page per stop.
      expect(detection.silences).toHaveLength(1);
      // Where the forecast itself pages the missed run (other seeds: a 'below' deviation at hour 30 × 24 + 3) the
      // silence test stays quiet, by design (one page per stop; silence.test.ts covers that case).
    });
  });

  it('(b) should not page a silence on diurnal traffic: nights and weekends are routine', () => {
    const normal = seededNormal(1);
    // Requests/s: a half sine from 06:00 to 22:00 peaking at 100 (40 on weekends), 0.5 at night; noise grows by day.
    const values = Array.from({ length: WEEKS * WEEK_HOURS }, (_, h) => {
      const weekend = hourOfWeek(h, 0) >= 5 * 24 ? 0.4 : 1;
      const day = Math.max(0, Math.sin((Math.PI * ((h % 24) - 6)) / 16));
      return Math.max(0, 0.5 + 100 * weekend * day + (1 + 5 * day) * normal());
    });
    const detection = runBacktest(series(values));
    expect(detection.silences).toBeUndefined();
    expect(silenceWindows(detection)).toEqual([]);
  });

  describe('(c) business traffic near zero all weekend', () => {
    // Where the series starts decides whether a whole weekend pause is in the record by the time the watch ends: a
    // Monday start (the first weekend ends after the watch), Saturday and Sunday (the first weekend is cut). Other
    // start days pass too; left out to keep the file fast.
    const startDays = [0, 5, 6];

    it.each(startDays)('should not page a silence on ordinary weekends (start %i days after a Monday)', (startDay) => {
      const detection = runBacktest(series(business(startDay), HOUR_MS, MONDAY_MS + startDay * DAY_MS));
      expect(detection.silences).toBeUndefined();
    });

    it('should not be silent on a weekend before a whole weekend pause could enter the record', () => {
      // The walk alone, without the forecast's alerts that may page a weekend first and so hide it: a pause that
      // began before a week of watching is judged against a record of weekday nights only (15 h). Starting on a
      // Monday, the first weekend (Fri 18:00 → Mon 08:00, 62 h) would be silent at the end of the watch (day 7.0);
      // starting on a Saturday or Sunday, the second weekend would be.
      for (const startDay of [0, 1, 2, 3, 4, 5, 6]) {
        const walk = newSilenceWalk(DEFAULT_DETECTOR_CONFIG.silence, HOUR_MS);
        const ratios = business(startDay).map((y, i) => pushSilence(walk, i, y));
        expect({ startDay, silent: ratios.filter((r) => r > 0).length }).toEqual({ startDay, silent: 0 });
      }
    });
  });

  describe('(d) an error counter’s rate: 0 with Poisson blips, 3 a day', () => {
    const stepMs = 5 * MINUTE_MS;

    it('should page few silences over six weeks', () => {
      // Pauses between blips are exponential (mean 8 h), so a pause beyond 1.15 × the record of the last 14 days
      // (and 12 h) comes now and then by chance (for exchangeable pauses a new record is 1 in n + 1). Seeds 1–10
      // page 1, 2, 1, 2, 1, 1, 1, 2, 1, 1 times (pauses 22–37 h against records of 19–32 h); the bound is that
      // maximum, for seed 1 (1).
      const detection = runBacktest(series(errorRate(1, 3), stepMs));
      const silences = detection.silences ?? [];
      expect(silences.length).toBeGreaterThanOrEqual(1);
      expect(silences.length).toBeLessThanOrEqual(2);
      // A stop of errors leaves the rate at its floor: below.
      expect(silences.every((s) => s.direction === 'below')).toBe(true);
    });

    it('should page none with direction above (a stop of errors is good news)', () => {
      const above = { ...DEFAULT_DETECTOR_CONFIG, direction: 'above' as const };
      expect(runBacktest(series(errorRate(1, 3), stepMs), above).silences).toBeUndefined();
    });
  });

  it('(e) should not page a silence on a square wave (two levels, 12 h each)', () => {
    const normal = seededNormal(1);
    const values = Array.from(
      { length: WEEKS * WEEK_HOURS },
      (_, h) => (Math.floor(h / 12) % 2 === 0 ? 10 : 50) + normal()
    );
    expect(runBacktest(series(values)).silences).toBeUndefined();
  });
});
