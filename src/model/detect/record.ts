/**
 * Per-series calibration of the point test by the series' own extremes: a point counts as a spike only when
 * its |score| exceeds every |score| of the series over the last W points. A series whose errors are
 * heavy-tailed, or that spikes routinely (a cron job every night, a weekly batch), has had such a score
 * recently and is not paged for it again; a quiet series is judged by the fixed threshold alone, since the
 * largest of W Gaussian |scores| is only about √(2 ln W) (≈ 4.3 for a week of minutes). It is also a guard on
 * the flag rate: for exchangeable scores, the chance that a point is the largest of the last W + 1 is
 * 1/(W + 1), whatever their distribution (the classical record argument; Rényi, "On the extreme elements of
 * observations", 1962), so a series cannot page more than about once per window by this test.
 * This is the extreme-value counterpart of the anomaly likelihood of Ahmad et al. (Neurocomputing 262, 2017):
 * both compare the current score with the distribution of the series' own past scores.
 *
 * The point tests' records fade rather than forget (`recordFade`): an extreme counts in full for `recordWindow`
 * (a week), then at a weight falling linearly to 0 over the next two weeks. An extreme of last week is strong
 * evidence of what is normal for the series; one of three weeks ago is weaker evidence. A plain week forgets at
 * a cliff: a burst like the last one pages again the day after the record expires (nab30: 12 fewer false
 * positives in five files with the fade, tweet bursts and exchange spikes held back by larger ones 7–21 days
 * earlier). A plain longer window remembers too well: an old giant hides a real new anomaly (a plain 28-day window
 * hides exchange-3's third labelled window; plain 14 and 21 days find the fade's windows, 70.13 and 70.29 at the
 * default, but fall more than 3 points at the threshold × 0.9, and score 71.41 on the seven files against 71.84).
 * With the fade, an extreme of 9 days ago counts at 0.86 and one of 19 days ago at 0.14. This is a time-decayed
 * maximum (Cohen & Strauss, "Maintaining time-decaying stream aggregates", J. Algorithms 59, 2006) with a
 * flat-then-linear decay, which keeps it exactly computable from a short list.
 */
import { spanPoints, type DetectorConfig } from './config';

/**
 * Sliding-window maximum of |score| × weight(age) (monotonic deque; amortised O(1) per point without a fade).
 * Plain data.
 */
export interface RecordWindow {
  /** Window length W in points: extremes older than this no longer count. */
  length: number;
  /** Age in points up to which an extreme counts in full; from there its weight falls linearly to 0 at W + 1. */
  fullPoints: number;
  /** Next point index. */
  t: number;
  /** Indices and values of the candidates for the maximum, values decreasing. */
  index: number[];
  value: number[];
}

/**
 * An empty window whose extremes count in full for `fullPoints` points, then fade linearly to nothing over the next
 * `fadePoints` (module comment). `fullPoints` 0 = calibration off (every score is a record), whatever the fade.
 * The weight is non-increasing and log-concave in the age, which keeps pruning exact (`fadedMax`).
 */
export function createRecordWindow(fullPoints: number, fadePoints = 0): RecordWindow {
  const full = Math.max(0, Math.round(fullPoints));
  const fade = full > 0 ? Math.max(0, Math.round(fadePoints)) : 0;
  return { length: full + fade, fullPoints: full, t: 0, index: [], value: [] };
}

/** Weight of an extreme `age` points before the next point (1 = the previous point). */
export function recordWeight(r: RecordWindow, age: number): number {
  if (age > r.length) {
    return 0;
  }
  return age <= r.fullPoints ? 1 : 1 - (age - r.fullPoints) / (r.length + 1 - r.fullPoints);
}

/** Largest |score| × weight(age) of the last W points before the next one (0 before any). */
export function recordMax(r: RecordWindow): number {
  while (r.index.length > 0 && r.index[0] <= r.t - 1 - r.length) {
    r.index.shift();
    r.value.shift();
  }
  if (r.length === r.fullPoints || r.value.length === 0) {
    return r.value.length > 0 ? r.value[0] : 0;
  }
  return fadedMax(r);
}

/**
 * The faded maximum. Candidates of full weight (age ≤ `fullPoints`) are the newest, their values decreasing: the
 * oldest of them is their maximum, and no newer one can outweigh it while they all weigh 1, so only the fading
 * candidates in front of them are scanned (a |score| falling slowly for a week keeps a week of full-weight
 * candidates: reading them all made each point cost O(W)). A fading candidate that weighs no more than a newer one
 * is dropped, as it never will again: for a log-concave weight w and ages a > b, w(a + s)/w(b + s) never rises
 * with s. The kept fading candidates weigh more the older they are, so the scan is short: about the number of
 * times the series beat its own faded record.
 */
function fadedMax(r: RecordWindow): number {
  let fresh = 0;
  while (fresh < r.index.length && r.t - r.index[fresh] > r.fullPoints) {
    fresh++;
  }
  let best = fresh < r.value.length ? r.value[fresh] : 0;
  let kept = fresh;
  for (let k = fresh - 1; k >= 0; k--) {
    const weighted = r.value[k] * recordWeight(r, r.t - r.index[k]);
    if (weighted > best || k === r.index.length - 1) {
      best = Math.max(best, weighted);
      kept--;
      r.index[kept] = r.index[k];
      r.value[kept] = r.value[k];
    }
  }
  r.index.splice(0, kept);
  r.value.splice(0, kept);
  return best;
}

/** Add the next point's |score| (NaN counts as 0: a missing point is no extreme). */
export function pushRecord(r: RecordWindow, absScore: number): void {
  const v = Number.isFinite(absScore) ? absScore : 0;
  // An older candidate no larger than the new point weighs no more at any later time (its age is larger).
  while (r.value.length > 0 && r.value[r.value.length - 1] <= v) {
    r.index.pop();
    r.value.pop();
  }
  r.index.push(r.t);
  r.value.push(v);
  r.t++;
}

/**
 * Relative margin by which a score must exceed the record to count as a new extreme. Scores are re-estimated
 * against a scale and a model refitted every day, so the same routine event re-scores a few per cent apart from
 * one day to the next (a daily 03:10 job on NAB ec2_cpu_utilization_53ea38: 11.71, 11.25, 11.78): beating its own
 * earlier instance by under 1 % is a repeat, not a new extreme, and paging for it depended on which way the
 * refit happened to round. Measured on nab30 (issue 12 log): any margin from 1.5 % to 3 % gives the same flags on
 * the windows; 4 % starts to hide anomalies that beat an earlier labelled anomaly by that much.
 */
export const RECORD_MARGIN = 1.025;

/**
 * True when |score| beats the series' record by more than `margin` (default {@link RECORD_MARGIN}; always when there
 * is none).
 */
export function beatsRecord(absScore: number, record: number, margin = RECORD_MARGIN): boolean {
  return absScore > record * margin;
}

/**
 * The record of a point test (native or fine) on a grid of `stepMs`: full weight over `recordWindow`, fading over
 * `recordFade`. The sustained test's record and the routine-gap window keep the plain `recordWindow`.
 */
export function pointRecordWindow(config: DetectorConfig, stepMs: number): RecordWindow {
  return createRecordWindow(spanPoints(config.recordWindow, stepMs, 0), spanPoints(config.recordFade, stepMs, 0));
}
