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
 */

/** Sliding-window maximum of |score| (monotonic deque; amortised O(1) per point). Plain data. */
export interface RecordWindow {
  /** Window length W in points. */
  length: number;
  /** Next point index. */
  t: number;
  /** Indices and values of the candidates for the maximum, values decreasing. */
  index: number[];
  value: number[];
}

/** An empty window over the last `length` points (0 = calibration off: every score is a record). */
export function createRecordWindow(length: number): RecordWindow {
  return { length: Math.max(0, Math.round(length)), t: 0, index: [], value: [] };
}

/** Largest |score| of the last W points before the next one (0 before any). */
export function recordMax(r: RecordWindow): number {
  while (r.index.length > 0 && r.index[0] <= r.t - 1 - r.length) {
    r.index.shift();
    r.value.shift();
  }
  return r.value.length > 0 ? r.value[0] : 0;
}

/** Add the next point's |score| (NaN counts as 0: a missing point is no extreme). */
export function pushRecord(r: RecordWindow, absScore: number): void {
  const v = Number.isFinite(absScore) ? absScore : 0;
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
