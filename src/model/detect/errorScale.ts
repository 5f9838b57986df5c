/**
 * Scale of recent prediction errors for the anomaly score, per phase of the season.
 *
 * Metrics are often heteroscedastic within the day (busy hours are noisier than the night), so one MAD for
 * all hours makes every busy hour look anomalous. The scale at a phase is the larger of the overall robust
 * scale and the robust scale of the errors at that phase and its two neighbours (a seasonal MAD, in the
 * spirit of the seasonal-ESD of Hochenbaum, Vallis & Kejariwal, "Automatic anomaly detection in the cloud
 * via statistical learning", arXiv:1704.07706, 2017). Taking the larger never makes quiet hours stricter
 * than the overall scale.
 *
 * Many metrics are also heteroscedastic over the week: weekdays carry the bursts (news, deploys, rush hours)
 * that weekends lack, and one scale for every day makes the busy days page (NAB's tweet volumes). On a grid where
 * a week is a whole number of days, the scale is multiplied by a factor per day of the week: the robust scale of
 * that day's errors over the robust scale of all errors of the same weeks, never below 1 (as for the hours: never
 * stricter) — the same seasonal MAD at the weekly period, as a multiplicative two-way model of the spread (hour of
 * day × day of week). Days are UTC days, so that every run over the same data groups the same hours whatever its
 * first slot (the data source's grid does not start where the CLI's does). Estimated from {@link DAY_FACTOR_WEEKS}
 * weeks and shrunk halfway towards 1 ({@link DAY_FACTOR_SHRINK}), as each factor rests on only a few days.
 */
import { MIN_ABSOLUTE_SIGMA, MIN_RELATIVE_SIGMA } from './fallback';
import { robustScale } from './robustScale';

/** Errors with their model-grid index, oldest first. */
export interface ErrorLog {
  index: number[];
  value: number[];
}

/** Scales of {@link errorScales}: overall, per phase (index mod period), and the day-of-week factors. */
export interface ErrorScales {
  overall: number;
  byPhase: number[];
  /** Factor (≥ 1) per day of the week ({@link dayOfWeek}); [1] without a week. */
  byDay: number[];
  /** The week of `byDay`: {@link NO_WEEK} exactly when `byDay` is [1]. */
  week: WeekGrid;
}

/** Grid points of a day and of a week, for the day-of-week factors of {@link errorScales}. */
export interface WeekGrid {
  dayPoints: number;
  weekPoints: number;
  /** Position of slot 0 in its UTC week (weeks from the epoch), in grid points (may be fractional). */
  startPoints: number;
}

/** No week: scales without day-of-week factors. */
export const NO_WEEK: WeekGrid = { dayPoints: 1, weekPoints: 1, startPoints: 0 };

/** Days in `week`, one group of day factors each: 7 on the grids `walk.ts` builds, 1 for {@link NO_WEEK}. */
function weekDays(week: WeekGrid): number {
  return Math.round(week.weekPoints / week.dayPoints);
}

/**
 * True when `week` has at least two days, so the score gets day-of-week factors: the one test of "the series has a
 * week" for the log's length ({@link errorLogKeep}), the factors ({@link errorScales}) and the score
 * ({@link scoreScale}). `walk.ts` builds either {@link NO_WEEK} (false) or 7 days of a whole number ≥ 2 of points
 * (true); a grid whose week is not a whole number ≥ 2 of days is not a week this module can place slots in.
 */
export function hasWeek(week: WeekGrid): boolean {
  return weekDays(week) >= 2;
}

/** Day of the week (0 … days − 1, from the epoch's weekday) of grid slot i. */
export function dayOfWeek(week: WeekGrid, i: number): number {
  return Math.floor(((i + week.startPoints) % week.weekPoints) / week.dayPoints);
}

/**
 * Weeks of errors behind the day-of-week factors: four instances of each weekday, so that one unusual day (a
 * holiday, an incident) is a quarter of its weekday's errors, within the MAD's 50 % breakdown: it widens that
 * weekday for four weeks by a bounded amount (up to ≈ 17 % for Gaussian errors), whatever its size.
 */
export const DAY_FACTOR_WEEKS = 4;

/** A weekday's factor stays 1 until more than this many days' worth of its errors are logged. */
const MIN_DAY_INSTANCES = 2;

/**
 * Exponent of the day-of-week factor: the geometric mean of the weekday's own ratio and 1 (every day alike),
 * a shrinkage of an estimate from three or four days towards the pooled one. On NAB 30 files the full ratio scores
 * within 0.1 point of it, but shifts the nyc_taxi blizzard's Monday-afternoon drop below the threshold at some
 * times of day (a Monday scaled ×1.3 by the holidays of the weeks before).
 */
export const DAY_FACTOR_SHRINK = 0.5;

/** Errors the log must keep for {@link errorScales}: the scale window, and the day factors' weeks. */
export function errorLogKeep(scaleWindow: number, week: WeekGrid): number {
  return hasWeek(week) ? Math.max(scaleWindow, DAY_FACTOR_WEEKS * week.weekPoints) : scaleWindow;
}

/** Minimum errors (phase and neighbours together) for a phase scale; fewer → the overall scale. */
const MIN_PHASE_ERRORS = 6;

/** Append an error, dropping the oldest when the log holds more than twice `keep` entries. */
export function logError(log: ErrorLog, index: number, value: number, keep: number): void {
  log.index.push(index);
  log.value.push(value);
  if (log.index.length > 2 * keep) {
    log.index.splice(0, log.index.length - keep);
    log.value.splice(0, log.value.length - keep);
  }
}

/**
 * Overall and per-phase robust scales (1.4826·MAD, `robustScale`) of the last `windowPoints` grid points of
 * the log, and the day-of-week factors when `week` has more than one day. `period` ≤ 1 gives the overall scale
 * for every phase.
 */
export function errorScales(log: ErrorLog, windowPoints: number, period: number, week = NO_WEEK): ErrorScales {
  const last = log.index.length > 0 ? log.index[log.index.length - 1] : 0;
  let from = log.index.length;
  while (from > 0 && log.index[from - 1] > last - windowPoints) {
    from--;
  }
  const values = log.value.slice(from);
  const overall = robustScale(values);
  const days = dayFactors(log, week);
  return { overall, byPhase: phaseScales(log, from, overall, period), ...days };
}

/** Scale per phase: the robust scale of the phase and its two neighbours, never below `overall`. */
function phaseScales(log: ErrorLog, from: number, overall: number, period: number): number[] {
  const phases = Math.max(1, Math.round(period));
  if (phases === 1) {
    return [overall];
  }
  const groups: number[][] = Array.from({ length: phases }, () => []);
  for (let k = from; k < log.index.length; k++) {
    const phase = log.index[k] % phases;
    for (const p of [phase - 1, phase, phase + 1]) {
      groups[(p + phases) % phases].push(log.value[k]);
    }
  }
  const byPhase = groups.map((g) => {
    if (g.length < MIN_PHASE_ERRORS) {
      return overall;
    }
    const s = robustScale(g);
    return Number.isFinite(s) && s > overall ? s : overall;
  });
  return byPhase;
}

/**
 * Factor per day of the week from the errors of the last {@link DAY_FACTOR_WEEKS} weeks of the log: (robust scale
 * of the day's errors / robust scale of all of them) ^ {@link DAY_FACTOR_SHRINK}, at least 1; 1 until the day has
 * more than {@link MIN_DAY_INSTANCES} days' worth of errors.
 */
function dayFactors(log: ErrorLog, week: WeekGrid): Pick<ErrorScales, 'byDay' | 'week'> {
  if (!hasWeek(week)) {
    return { byDay: [1], week: NO_WEEK };
  }
  const days = weekDays(week);
  const groups: number[][] = Array.from({ length: days }, () => []);
  const all: number[] = [];
  const last = log.index.length > 0 ? log.index[log.index.length - 1] : 0;
  for (let k = log.index.length - 1; k >= 0 && log.index[k] > last - DAY_FACTOR_WEEKS * week.weekPoints; k--) {
    groups[dayOfWeek(week, log.index[k])].push(log.value[k]);
    all.push(log.value[k]);
  }
  const overall = robustScale(all);
  const byDay = groups.map((g) => {
    const s = g.length > MIN_DAY_INSTANCES * week.dayPoints && overall > 0 ? robustScale(g) / overall : 1;
    return Number.isFinite(s) && s > 1 ? s ** DAY_FACTOR_SHRINK : 1;
  });
  return { byDay, week };
}

/**
 * Scale of the score at model slot i: the robust scale of recent errors at its phase times its day-of-week factor,
 * never below the minimum width relative to the level of `fallback.ts` (errors of a series that repeats itself to
 * the last bit, ~1e-14, must not make rounding noise look like a drift), and the model's σ where the errors have
 * no scale (a flat line).
 */
export function scoreScale(scales: ErrorScales, sigma2: number, i: number, level: number): number {
  const dayFactor = hasWeek(scales.week) ? scales.byDay[dayOfWeek(scales.week, i)] : 1;
  const phaseScale = scales.byPhase[i % scales.byPhase.length] * dayFactor;
  const floor = Math.max(MIN_RELATIVE_SIGMA * Math.abs(level), MIN_ABSOLUTE_SIGMA);
  return phaseScale > 0 ? Math.max(phaseScale, floor) : Math.max(Math.sqrt(sigma2), floor);
}
