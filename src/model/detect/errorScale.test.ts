import {
  DAY_FACTOR_SHRINK,
  DAY_FACTOR_WEEKS,
  dayOfWeek,
  errorLogKeep,
  errorScales,
  hasWeek,
  logError,
  NO_WEEK,
  scoreScale,
  type ErrorLog,
} from './errorScale';
import { MAD_TO_SIGMA } from './robustScale';
import { normalQuantile } from '../sarima/normal';
import { DEFAULT_DETECTOR_CONFIG, type DetectorConfig } from './config';
import { newWalk } from './walk';
import { DAY_MS, HOUR_MS } from '../timeUnits';

describe('errorScales', () => {
  it('should keep the overall scale when a noisy phase is a minority of its neighbourhood', () => {
    // Period 4, 12 cycles: phase 2 is ±10, the other phases ±1 (signs alternate per cycle, median 0).
    // Overall: 36 of 48 deviations are 1 → MAD 1 → 1.4826. Phase 2 pools phases 1..3: 24 of 36 deviations
    // are 1 → MAD 1, so one noisy phase among three does not raise its scale (MAD's 50% breakdown).
    const log: ErrorLog = { index: [], value: [] };
    for (let i = 0; i < 48; i++) {
      logError(log, i, (i % 4 === 2 ? 10 : 1) * (i % 8 < 4 ? 1 : -1), 1000);
    }
    const s = errorScales(log, 1000, 4);
    expect(s.overall).toBeCloseTo(MAD_TO_SIGMA, 12);
    expect(s.byPhase).toEqual([s.overall, s.overall, s.overall, s.overall]);
  });

  it('should raise the scale of a phase whose neighbourhood is mostly noisy', () => {
    // Period 6: phases 2 and 3 are ±10, the others ±1. Overall: 4 of 6 deviations are 1 → MAD 1.
    // Phase 3 pools phases 2, 3, 4 → 2 of 3 deviations are 10 → MAD 10; phase 0 pools 5, 0, 1 → MAD 1.
    const log: ErrorLog = { index: [], value: [] };
    for (let i = 0; i < 60; i++) {
      const phase = i % 6;
      logError(log, i, (phase === 2 || phase === 3 ? 10 : 1) * (i % 12 < 6 ? 1 : -1), 1000);
    }
    const s = errorScales(log, 1000, 6);
    expect(s.overall).toBeCloseTo(MAD_TO_SIGMA, 12);
    expect(s.byPhase[3]).toBeCloseTo(10 * MAD_TO_SIGMA, 12);
    expect(s.byPhase[0]).toBeCloseTo(MAD_TO_SIGMA, 12);
  });

  it('should only use errors of the last windowPoints grid points', () => {
    // Indices 0..9 hold ±100, 10..19 hold ±1; a window of 10 points sees only the ±1 errors.
    const log: ErrorLog = { index: [], value: [] };
    for (let i = 0; i < 20; i++) {
      logError(log, i, (i < 10 ? 100 : 1) * (i % 2 ? 1 : -1), 1000);
    }
    expect(errorScales(log, 10, 1).overall).toBeCloseTo(MAD_TO_SIGMA, 12);
  });
});

describe('errorScales: day-of-week factors', () => {
  // A toy week of 7 days × 4 points; errors alternate in sign within each day (median 0), so each day's MAD is its
  // amplitude.
  const week = { dayPoints: 4, weekPoints: 28, startPoints: 0 };
  const logOf = (weeks: number, amplitude: (day: number, weekNo: number) => number): ErrorLog => {
    const log: ErrorLog = { index: [], value: [] };
    for (let i = 0; i < weeks * 28; i++) {
      const day = Math.floor((i % 28) / 4);
      logError(log, i, amplitude(day, Math.floor(i / 28)) * (i % 2 ? 1 : -1), errorLogKeep(8, week));
    }
    return log;
  };

  it('should widen the scale of a weekday whose errors are wider, and never narrow a quiet one', () => {
    // Day 2 is ±4, day 5 ±0.5, the others ±1: pooled MAD 1 (5 of 7 days), day 2's ratio 4, day 5's 0.5.
    const log = logOf(DAY_FACTOR_WEEKS, (day) => (day === 2 ? 4 : day === 5 ? 0.5 : 1));
    const s = errorScales(log, 1000, 1, week);
    expect(s.week).toBe(week);
    expect(s.byDay[2]).toBeCloseTo(4 ** DAY_FACTOR_SHRINK, 12);
    expect(s.byDay.filter((_, d) => d !== 2)).toEqual([1, 1, 1, 1, 1, 1]);
    // The score's scale at a slot of day 2 (any week) carries the factor; day 5 keeps the hour scale.
    const slotOfDay = (day: number) => 3 * 28 + day * 4 + 1;
    expect(scoreScale(s, 1, slotOfDay(2), 0)).toBeCloseTo(s.byPhase[0] * 4 ** DAY_FACTOR_SHRINK, 12);
    expect(scoreScale(s, 1, slotOfDay(5), 0)).toBeCloseTo(s.byPhase[0], 12);
  });

  it('should keep every factor at 1 until a weekday has more than two days of errors', () => {
    const log = logOf(2, (day) => (day === 2 ? 4 : 1));
    expect(errorScales(log, 1000, 1, week).byDay).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(
      errorScales(
        logOf(3, (day) => (day === 2 ? 4 : 1)),
        1000,
        1,
        week
      ).byDay[2]
    ).toBeGreaterThan(1);
  });

  it('should not widen a weekday for one unusual day among its four (a holiday)', () => {
    // Day 2 of the second week is ±10: a quarter of day 2's errors, within the MAD's breakdown.
    const log = logOf(DAY_FACTOR_WEEKS, (day, weekNo) => (day === 2 && weekNo === 1 ? 10 : 1));
    expect(errorScales(log, 1000, 1, week).byDay).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it('should widen a weekday by a bounded amount for one unusual day among its four, however unusual', () => {
    // Errors of ±1 (above) leave the MAD unmoved by any minority. With spread errors (24 normal quantiles a day) a
    // quarter of outliers, however large, raises the weekday's MAD to Φ⁻¹(5/6) (0.75·P(|Z| < m) = 0.5) from Φ⁻¹(3/4),
    // ×1.43, or ×1.37 over the pooled scale (which holds 1/28 of them): a factor of √1.37 ≈ 1.17, bounded but not 1.
    const hourly = { dayPoints: 24, weekPoints: 168, startPoints: 0 };
    const factorWith = (holiday: number) => {
      const log: ErrorLog = { index: [], value: [] };
      for (let i = 0; i < DAY_FACTOR_WEEKS * 168; i++) {
        const unusual = Math.floor((i % 168) / 24) === 2 && Math.floor(i / 168) === 1;
        logError(log, i, normalQuantile(((i % 24) + 0.5) / 24) * (unusual ? holiday : 1), errorLogKeep(336, hourly));
      }
      return errorScales(log, 336, 24, hourly).byDay[2];
    };
    expect(factorWith(1)).toBe(1);
    // Bound: the asymptotic 1.17 (this 24-quantile sample gives 1.09 at ×10 and 1.14 beyond).
    expect(factorWith(10)).toBeLessThan(1.18);
    expect(factorWith(1e6)).toBeLessThan(1.18);
  });

  it('should use only the last DAY_FACTOR_WEEKS weeks, and have no factors without a week', () => {
    // Day 2 was ±4 in the first two weeks only; the last four weeks are alike.
    const log = logOf(DAY_FACTOR_WEEKS + 2, (day, weekNo) => (day === 2 && weekNo < 2 ? 4 : 1));
    expect(errorScales(log, 1000, 1, week).byDay).toEqual([1, 1, 1, 1, 1, 1, 1]);
    const noWeek = errorScales(
      logOf(DAY_FACTOR_WEEKS, (day) => (day === 2 ? 4 : 1)),
      1000,
      1,
      NO_WEEK
    );
    expect(noWeek.byDay).toEqual([1]);
    expect(errorLogKeep(8, NO_WEEK)).toBe(8);
    expect(errorLogKeep(8, week)).toBe(DAY_FACTOR_WEEKS * 28);
  });
});

describe('dayOfWeek', () => {
  it('should place slots by their position in the UTC week, whatever the first slot', () => {
    // Hourly grid whose slot 0 lies 30 h into its week (Friday 06:00 UTC; the epoch was a Thursday).
    const week = { dayPoints: 24, weekPoints: 168, startPoints: 30 };
    expect([0, 17, 18, 137, 138, 162].map((i) => dayOfWeek(week, i))).toEqual([1, 1, 2, 6, 0, 1]);
    // A run starting 5 slots later sees the same slot at the same day.
    const later = { ...week, startPoints: 35 };
    expect(dayOfWeek(later, 13)).toBe(dayOfWeek(week, 18));
  });
});

describe('logError', () => {
  it('should keep at most twice `keep` entries, trimming to `keep`', () => {
    const log: ErrorLog = { index: [], value: [] };
    for (let i = 0; i < 7; i++) {
      logError(log, i, i, 3);
    }
    // After the 7th push (7 > 6) the log is trimmed to the last 3.
    expect(log.index).toEqual([4, 5, 6]);
  });
});

describe('newWalk: the week of the day-of-week factors', () => {
  const walkAt = (startMs: number, stepMs: number, season: DetectorConfig['season'] = 'auto') =>
    newWalk({ startMs, stepMs, values: [1, 2, 3], repairs: [] }, { ...DEFAULT_DETECTOR_CONFIG, season }, [0, 1, 2]);
  // Day 0 of `dayOfWeek` is the epoch's weekday, a Thursday (getUTCDay 4).
  const utcDay = (timeMs: number) => (new Date(timeMs).getUTCDay() + 3) % 7;

  it.each([
    ['an aligned start', Date.UTC(2015, 0, 26, 13), HOUR_MS],
    ['a start before the epoch', -5 * DAY_MS - 7 * HOUR_MS, HOUR_MS],
    ['a start off the step (fractional startPoints)', Date.UTC(2015, 0, 26, 13, 30, 7), HOUR_MS],
    ['a 45-minute step', Date.UTC(2015, 0, 26, 0, 15), 45 * 60_000],
  ])('should place every slot on the UTC weekday of its time with %s', (_, startMs, stepMs) => {
    const { week } = walkAt(startMs, stepMs).r;
    const slots = Array.from({ length: (14 * DAY_MS) / stepMs }, (_, i) => i);
    expect(slots.map((i) => dayOfWeek(week, i))).toEqual(slots.map((i) => utcDay(startMs + i * stepMs)));
  });

  it('should have no week when a day is not a whole number of steps', () => {
    expect(walkAt(0, 7 * 60_000).r.week).toBe(NO_WEEK);
  });

  it('should have no week when the season is a whole number of weeks (its phases are the weekdays already)', () => {
    expect(walkAt(0, HOUR_MS, { ms: 7 * DAY_MS }).r.week).toBe(NO_WEEK);
    expect(walkAt(0, HOUR_MS, { ms: 7 * DAY_MS }).r.errorKeep).toBe(walkAt(0, HOUR_MS).r.scaleWindow);
    expect(walkAt(0, HOUR_MS, { ms: DAY_MS / 2 }).r.week.dayPoints).toBe(24);
  });

  it('should have a week (hasWeek) exactly when the log keeps weeks and the scales have day factors', () => {
    const grids = [
      walkAt(0, HOUR_MS).r,
      walkAt(0, 45 * 60_000).r,
      walkAt(0, 7 * 60_000).r,
      walkAt(0, HOUR_MS, { ms: 7 * DAY_MS }).r,
    ];
    expect(grids.map((r) => hasWeek(r.week))).toEqual([true, true, false, false]);
    for (const r of grids) {
      const scales = errorScales({ index: [0, 1], value: [1, -1] }, r.scaleWindow, r.season, r.week);
      expect(scales.byDay.length > 1).toBe(hasWeek(r.week));
      expect(r.errorKeep > r.scaleWindow).toBe(hasWeek(r.week));
    }
  });
});
