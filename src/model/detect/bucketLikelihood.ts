/**
 * Per-series calibration of the hourly-bucket point test (data finer than the model grid: the test on bucket means,
 * `backtest.ts`) by the anomaly likelihood of Ahmad, Lavin, Purdy & Agha ("Unsupervised real-time anomaly detection
 * for streaming data", Neurocomputing 262, 2017, section 4.3), implemented from the paper. There, the raw scores of
 * the last W points are modelled as a normal distribution (sample mean μ and standard deviation σ), the mean μ̃ of
 * the last W' scores is compared with it, L = 1 − Q((μ̃ − μ)/σ), and a point is flagged when L ≥ 1 − ε. That
 * is μ̃ ≥ μ + Q⁻¹(ε)·σ. Here the raw score is a bucket's |score| and W' = 1 bucket: a bucket already averages the
 * 12–60 fine points of its hour, about the span the paper's W' = 10 covers at a 5-minute step. W is the span over
 * which the point tests' records remember an extreme (`recordWindow` + `recordFade`, 21 days), so the bucket test
 * and the fine test draw on the same history.
 *
 * The bar this gives is used only to *raise* the plain threshold, and only up to `capShare` × minScore:
 * - Raise only: on a well-behaved series μ + 4.26σ of |score| is about 3.4, below minScore 4.2, and the test decides
 *   exactly as before. Letting it lower the bar as well (down to 0.85 or 0.93 × minScore) added tweet and
 *   nyc_taxi false positives: nab7 70.76 / 72.03 (from 72.26).
 * - Capped: the σ of a window that holds a giant (a bucket |score| of 100–272 on NAB's AWS files) is set by that one
 *   bucket, and the paper's normal model of the scores does not hold for such tails; without a cap the bar hides the
 *   next real anomaly for three weeks (nab30 71.43, 52 of 62 windows, against 74.97 and 55 before). With the cap a
 *   bucket 1.5 × minScore away always counts, and the likelihood decides only the band minScore … 1.5 × minScore,
 *   where the bucket test's false positives and its weak first window detections mix (|score| 4–5 on the tweets).
 *
 * Measured on nab30 / nab7 (standard profile, issue 12, session 10) from main b5c01fb, before the early page counted
 * held runs: 74.97 → 76.96 (55 → 56 of 62 windows, 83 → 69 false positives) / 72.26 → 72.66. Neighbours: ε's
 * quantile 4.26 × 0.9 / 1.1: 75.74 / 76.96; cap 1.35 / 1.65: 75.24 / 76.88; W 7 / 14 / 25 / 28 / 31 / 56 days:
 * 76.78–77.05. With the early page counting held runs (`hygiene.ts`) the default scores 77.14 / 72.66, its
 * neighbours in `evalNeighbours.test.ts`.
 */
import { normalQuantile } from '../sarima/normal';

/** How the hourly-bucket test's bar is set from the series' own bucket scores (module comment). */
export interface BucketBarRules {
  /**
   * Q⁻¹(ε): how many σ above μ a bucket's |score| must lie for the likelihood L ≥ 1 − ε. Ahmad et al. 2017 flag at
   * ε = 10⁻⁵, 4.265 σ. ±10 %: nab30 75.74 / 76.96 (module comment).
   */
  tailSigmas: number;
  /**
   * The largest bar, in units of minScore: a bucket this far out always counts (uncapped: nab30 71.43). ≤ 1 (0) = the
   * calibration is off and the bar is minScore.
   */
  capShare: number;
}

/** The paper's ε = 10⁻⁵ and a cap of 1.5 × minScore (module comment). */
export const DEFAULT_BUCKET_BAR: BucketBarRules = {
  tailSigmas: normalQuantile(1 - 1e-5),
  capShare: 1.5,
};

/**
 * The last `length` finite bucket |scores| with their running sum and sum of squares (O(1) per bucket; the sums are
 * recomputed exactly each time the ring wraps, so rounding cannot build up). Plain data.
 */
export interface BucketScores {
  /** W in buckets; 0 = calibration off (the bar is minScore). */
  length: number;
  /** Fewest scores for a mean and a σ: fewer, and the bar is minScore. */
  minCount: number;
  ring: Float64Array;
  /** Slot of the next score in `ring`. */
  next: number;
  count: number;
  sum: number;
  sumSq: number;
}

/** An empty window of `length` bucket scores that gives a bar once it holds `minCount` (at least 2). */
export function createBucketScores(length: number, minCount: number): BucketScores {
  const n = Math.max(0, Math.round(length));
  return {
    length: n,
    minCount: Math.max(2, Math.round(minCount)),
    ring: new Float64Array(n),
    next: 0,
    count: 0,
    sum: 0,
    sumSq: 0,
  };
}

/** Add a bucket's |score| (NaN — no score yet — is skipped: the window holds scores, not slots). */
export function pushBucketScore(s: BucketScores, absScore: number): void {
  if (s.length === 0 || !Number.isFinite(absScore)) {
    return;
  }
  if (s.count === s.length) {
    const old = s.ring[s.next];
    s.sum -= old;
    s.sumSq -= old * old;
  } else {
    s.count++;
  }
  s.ring[s.next] = absScore;
  s.sum += absScore;
  s.sumSq += absScore * absScore;
  s.next = (s.next + 1) % s.length;
  if (s.next === 0) {
    s.sum = 0;
    s.sumSq = 0;
    for (let k = 0; k < s.count; k++) {
      s.sum += s.ring[k];
      s.sumSq += s.ring[k] * s.ring[k];
    }
  }
}

/**
 * The |score| the next bucket needs to be flagged: μ + `tailSigmas`·σ of the window's scores (sample σ), clamped to
 * [minScore, `capShare` × minScore]; minScore while the window holds fewer than `minCount` scores.
 */
export function bucketBar(s: BucketScores, minScore: number, rules: BucketBarRules = DEFAULT_BUCKET_BAR): number {
  if (s.count < s.minCount || !(rules.capShare > 1)) {
    return minScore;
  }
  const mean = s.sum / s.count;
  const variance = Math.max(0, (s.sumSq - s.count * mean * mean) / (s.count - 1));
  const bar = mean + rules.tailSigmas * Math.sqrt(variance);
  return Math.min(rules.capShare * minScore, Math.max(minScore, bar));
}
