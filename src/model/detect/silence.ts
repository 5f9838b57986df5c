/**
 * Activity-stopped test: an intermittent metric (a disk written in bursts, a batch job's CPU) whose bursts stop is
 * anomalous by the absence of its activity, which forecast errors barely show: once the bursts are gone, the
 * prediction of the next slot is already close to the idle level. The test is the heartbeat / dead man's switch alert
 * of monitoring practice (a dead man's switch fires when an expected signal stops arriving; Prometheus
 * `absent_over_time` fires when a series had no sample for a fixed time), with the allowed pause taken from the
 * series' own record of pauses instead of a fixed timeout, as `record.ts` calibrates spikes by the series' own
 * extremes (for exchangeable pauses the chance that the current one is the longest of the last n + 1 is 1/(n + 1):
 * Rényi, "On the extreme elements of observations", 1962).
 *
 * Causal, per model slot i:
 * - a burst is a slot whose |value − median| exceeds `burstShare` × the 99th percentile of |value − median| over the
 *   trailing `statsMs` (median and percentile of the same trailing values, refreshed hourly);
 * - the pause at i is the time since the last burst; pauses that ended within `recordMs` form the record;
 * - the slot is silent when the pause exceeds the record by `margin`, lasts at least `minPauseMs`, began after the
 *   series had been watched for `watchMs`, and no slot of the pause came within `pauseShare` of the burst threshold:
 *   a hysteresis band (as an alert's clear threshold lies below its firing one), so that a series whose activity
 *   goes on just under the threshold — the low phase of a busy series — is not called silent.
 *   The watch ends before the pause's last burst, not before the slot: a pause running when a week of data is
 *   complete can be the series' weekly pause, whose previous instance the record has not seen (business traffic
 *   started on a Monday: the first weekend's 62-hour pause is still running at day 7, against a record of 15-hour
 *   weekday nights; started on a Saturday, the first weekend is cut and the second would page). A pause that began
 *   a week into the data has a week of pauses behind it (`silenceShapes.test.ts`; nab30 and nab7 unchanged).
 * Missing data ends the pause: no pause runs until the next burst, and the one it ended does not enter the record (an
 * outage is the gap test's business, `gapRuns.ts`). A series off its median on at most 1 % of the trailing week's
 * slots (a weekly job on hourly slots) has a burst threshold of 0 and is not tested.
 *
 * Bursts are two-sided (one-sided bursts, above the median only, cost 1.6 points on nab30: 73.35), so the side of the
 * activity is told apart: the side (above or below the median) of most burst slots in the trailing `statsMs`. A
 * series busy in bursts above an idle level (disk writes) whose bursts stop is stuck low, 'below'; a busy series with
 * idle dips whose dips stop is stuck high, 'above'. The majority rather than the side of the burst that began the
 * pause: a stray slot on the other side (a last spike before a stop) would flip the latter, not the former.
 *
 * It runs on the model grid (hourly bucket means of finer data), which spans the training window in the service as in
 * the CLI; the fine layer spans only the view there, too short for a week of watching. Why these thresholds (nab30
 * 74.97 with 83 false positives at the defaults, 70.85 with 81 without the test): a burst at 5 % of the
 * 99th-percentile deviation counts the bursts of a series idle most of the time (10 %: 73.10, 89, as tweet volumes'
 * and ad-exchange rates' low phases become pauses); the hysteresis band of 0.75 removes 7 false positives of such
 * low phases (none: 74.42, 90; 0.5 is too strict for a stopped CPU whose idle level wanders: 73.61); a two-week record
 * and a week of watching keep young series' short records from paging (7 days: 84; 2 days of watching: 87); the
 * 12-hour floor keeps the hour-scale pauses of busy series out (6 h: 88, and nab7 loses 0.85 points); a margin of
 * 30 % is too late for both stopped AWS series' windows (72.27). A cap on the share of burst slots (the test only for
 * series idle most of the time) was tried instead of the band: on hourly means the stopped AWS series have 25–28 %
 * burst hours, as many as the series of the false positives.
 */
import { HOUR_MS } from '../timeUnits';

/** Thresholds of the activity-stopped test; see the module comment. */
export interface SilenceRules {
  /** Share of the trailing 99th-percentile deviation a burst must exceed; 0 = test off. */
  burstShare: number;
  /**
   * Largest |value − median| a pause may reach and still be silent, as a share of the burst threshold (a hysteresis
   * band: a slot just under the threshold ends no pause but shows the activity has not stopped).
   */
  pauseShare: number;
  /** The pause must exceed the record pause by this fraction. */
  margin: number;
  /** Shortest pause that can be silent. */
  minPauseMs: number;
  /** Pauses that ended this recently form the record. */
  recordMs: number;
  /** Trailing span of the median, percentile and activity side. */
  statsMs: number;
  /** History (from the first observed slot) needed before a pause's last burst for the pause to be judged. */
  watchMs: number;
}

/** Mutable state of the test over one series. */
export interface SilenceWalk {
  rules: SilenceRules;
  stepMs: number;
  /** Observed values of the trailing `statsMs` with their slot indices, oldest first. */
  index: number[];
  value: number[];
  /** Median and burst threshold (|value − median| >), refreshed every `refreshPoints` slots. */
  median: number;
  threshold: number;
  /** Side of most bursts at the last refresh: 1 above the median, −1 below ({@link activitySide}). */
  side: 1 | -1;
  refreshPoints: number;
  lastRefresh: number;
  /** Slot of the last burst; NaN before the first and after missing data, until the next. */
  lastBurst: number;
  firstObserved: number;
  /**
   * Candidates for the record pause: the slot where each ended and its length in slots, oldest first, lengths
   * decreasing (a pause shorter than a later one can never be the record again; a monotonic deque).
   */
  pauseEnd: number[];
  pauseLength: number[];
  /** Largest |value − median| / threshold of the current pause's slots. */
  pauseDev: number;
}

/** A fresh walk for a grid of step `stepMs`. */
export function newSilenceWalk(rules: SilenceRules, stepMs: number): SilenceWalk {
  return {
    rules,
    stepMs,
    index: [],
    value: [],
    median: NaN,
    threshold: NaN,
    side: 1,
    refreshPoints: Math.max(1, Math.round(HOUR_MS / stepMs)),
    lastRefresh: -Infinity,
    lastBurst: NaN,
    firstObserved: NaN,
    pauseEnd: [],
    pauseLength: [],
    pauseDev: 0,
  };
}

/** Quantile (type 7, linear interpolation) of ascending `sorted`. */
function quantile(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

function refresh(s: SilenceWalk): void {
  // Typed arrays sort numerically without a comparator callback: several times faster on the week of a fine grid.
  const sorted = Float64Array.from(s.value).sort();
  s.median = quantile(sorted, 0.5);
  const dev = sorted.map((v) => Math.abs(v - s.median)).sort();
  s.threshold = s.rules.burstShare * quantile(dev, 0.99);
  let above = 0;
  let below = 0;
  for (const v of s.value) {
    if (v - s.median > s.threshold) {
      above++;
    } else if (s.median - v > s.threshold) {
      below++;
    }
  }
  // A tie (or no burst) is read as bursts above an idle level, the usual intermittent metric.
  s.side = below > above ? -1 : 1;
}

/**
 * Push slot i's value `y` (NaN = missing) and return how many times the record pause the current pause is, when the
 * slot is silent (> 1 + margin), else 0.
 */
export function pushSilence(s: SilenceWalk, i: number, y: number): number {
  const r = s.rules;
  if (!(r.burstShare > 0)) {
    return 0;
  }
  if (!Number.isFinite(y)) {
    s.lastBurst = NaN;
    return 0;
  }
  if (!Number.isFinite(s.firstObserved)) {
    s.firstObserved = i;
  }
  const statsPoints = r.statsMs / s.stepMs;
  s.index.push(i);
  s.value.push(y);
  while (s.index.length > 0 && s.index[0] <= i - statsPoints) {
    s.index.shift();
    s.value.shift();
  }
  if (i - s.lastRefresh >= s.refreshPoints) {
    refresh(s);
    s.lastRefresh = i;
  }
  if (s.threshold > 0 && Math.abs(y - s.median) > s.threshold) {
    if (Number.isFinite(s.lastBurst)) {
      const length = i - s.lastBurst;
      while (s.pauseLength.length > 0 && s.pauseLength[s.pauseLength.length - 1] <= length) {
        s.pauseEnd.pop();
        s.pauseLength.pop();
      }
      s.pauseEnd.push(i);
      s.pauseLength.push(length);
    }
    s.lastBurst = i;
    s.pauseDev = 0;
    return 0;
  }
  // A constant week (threshold 0) has no bursts: the pause is then judged on the record alone.
  s.pauseDev = Math.max(s.pauseDev, s.threshold > 0 ? Math.abs(y - s.median) / s.threshold : 0);
  const recordPoints = r.recordMs / s.stepMs;
  while (s.pauseEnd.length > 0 && s.pauseEnd[0] < i - recordPoints) {
    s.pauseEnd.shift();
    s.pauseLength.shift();
  }
  if (!Number.isFinite(s.lastBurst) || (s.lastBurst - s.firstObserved) * s.stepMs < r.watchMs) {
    return 0;
  }
  const pause = pauseSlots(s, i);
  const record = recordSlots(s);
  const silent =
    record > 0 && pause > record * (1 + r.margin) && pause * s.stepMs >= r.minPauseMs && s.pauseDev <= r.pauseShare;
  return silent ? pause / record : 0;
}

/**
 * Slots since the last burst, once slot i has been pushed: 0 at a burst, NaN where no pause runs (before the first
 * burst, after missing data, with the test off). A pause ends at the next slot where this is not > 0.
 */
export function pauseSlots(s: SilenceWalk, i: number): number {
  return i - s.lastBurst;
}

/** The record pause (slots) the current pause is judged against; 0 when there is none. */
export function recordSlots(s: SilenceWalk): number {
  return s.pauseLength.length > 0 ? s.pauseLength[0] : 0;
}

/**
 * Side of the series' activity: 1 when most burst slots of the trailing `statsMs` lie above the median (a stopped
 * activity is then a shortfall, below), −1 when most lie below it (idle dips of a busy series; their stop leaves the
 * value high, above). See the module comment.
 */
export function activitySide(s: SilenceWalk): 1 | -1 {
  return s.side;
}
