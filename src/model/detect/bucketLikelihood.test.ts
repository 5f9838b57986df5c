import { seededNormal } from '../sarima/simulate';
import type { RegularSeries } from '../series';
import { runDetector } from './backtest';
import { DEFAULT_BUCKET_BAR, bucketBar, createBucketScores, pushBucketScore } from './bucketLikelihood';
import { DEFAULT_DETECTOR_CONFIG } from './config';

const MIN_SCORE = 4.2;

/** A window of `length` holding `scores` in order. */
function windowOf(scores: number[], length = 504, minCount = 24) {
  const s = createBucketScores(length, minCount);
  scores.forEach((v) => pushBucketScore(s, v));
  return s;
}

/** |N(0, 1)| draws: the bucket scores of a series whose robust scale fits its errors. */
function calm(count: number, seed: number): number[] {
  const normal = seededNormal(seed);
  return Array.from({ length: count }, () => Math.abs(normal()));
}

describe('bucketBar (Ahmad et al. 2017 anomaly likelihood on bucket scores)', () => {
  it('should keep minScore on a series whose bucket scores are as calm as its scale says', () => {
    // |N(0, 1)|: mean 0.80, σ 0.60, so μ + 4.265σ ≈ 3.4 < 4.2: today's decisions are kept.
    expect(bucketBar(windowOf(calm(504, 1)), MIN_SCORE)).toBe(MIN_SCORE);
  });

  it('should raise the bar to μ + Q⁻¹(1e-5)·σ on a series whose bucket scores are heavier-tailed than its scale', () => {
    // 484 scores of 1 and 20 of 5 (|score| ≥ 4.2 in 4 % of the buckets): μ = 1.159, sample σ = 0.782, bar = 4.49.
    const scores = [...new Array<number>(484).fill(1), ...new Array<number>(20).fill(5)];
    const mean = (484 + 100) / 504;
    const sd = Math.sqrt((484 * (1 - mean) ** 2 + 20 * (5 - mean) ** 2) / 503);
    expect(bucketBar(windowOf(scores), MIN_SCORE)).toBeCloseTo(mean + 4.2649 * sd, 3);
    expect(bucketBar(windowOf(scores), MIN_SCORE)).toBeGreaterThan(MIN_SCORE);
  });

  it('should cap the bar at capShare × minScore however large a past giant', () => {
    expect(bucketBar(windowOf([...calm(300, 2), 272]), MIN_SCORE)).toBe(DEFAULT_BUCKET_BAR.capShare * MIN_SCORE);
  });

  it('should keep minScore until the window holds minCount scores, and skip NaN', () => {
    const s = windowOf([50, 0.5, NaN, 0.5], 504, 5);
    expect(s.count).toBe(3);
    expect(bucketBar(s, MIN_SCORE)).toBe(MIN_SCORE);
    pushBucketScore(s, 0.5);
    pushBucketScore(s, 0.5);
    expect(bucketBar(s, MIN_SCORE)).toBe(DEFAULT_BUCKET_BAR.capShare * MIN_SCORE);
  });

  it('should forget a giant once the window has moved past it, with exact sums after the ring wraps', () => {
    const s = windowOf([272, ...calm(503, 3)]);
    expect(bucketBar(s, MIN_SCORE)).toBe(DEFAULT_BUCKET_BAR.capShare * MIN_SCORE);
    pushBucketScore(s, 0.8);
    expect(bucketBar(s, MIN_SCORE)).toBe(MIN_SCORE);
    const exact = Array.from(s.ring).reduce((a, b) => a + b, 0);
    expect(s.sum).toBeCloseTo(exact, 9);
  });

  it('should be off (always minScore) for a window of length 0', () => {
    expect(bucketBar(windowOf([272, 300, 5, 5, 5], 0, 2), MIN_SCORE)).toBe(MIN_SCORE);
  });
});

describe('the hourly-bucket test calibrated by its own scores (backtest.ts, bucketLikelihood.ts)', () => {
  /** 1-minute data: daily sine plus N(0, 1) noise; the model runs on hourly means, σ of an hour's mean ≈ 0.13. */
  function minutes(days: number, seed: number): RegularSeries {
    const normal = seededNormal(seed);
    const values = Array.from(
      { length: days * 1440 },
      (_, i) => 50 + 3 * Math.sin((2 * Math.PI * i) / 1440) + normal()
    );
    return { startMs: Date.UTC(2024, 0, 1), stepMs: 60_000, values, repairs: [] };
  }
  /** Shift the minutes of the hour ending at `hour`:00 of day `day` (the hourly bucket (t − 1 h, t]) by `by`. */
  function shiftHour(series: RegularSeries, day: number, hour: number, by: number): void {
    for (let k = 1; k <= 60; k++) {
      series.values[day * 1440 + (hour - 1) * 60 + k] += by;
    }
  }
  /** Level (before the alert rules) of the model-grid bucket ending at `timeMs`. */
  function bucketLevel(series: RegularSeries, timeMs: number): number {
    const m = runDetector(series, DEFAULT_DETECTOR_CONFIG).modelDetection;
    return m.level[m.timesMs.indexOf(timeMs)];
  }
  const targetMs = Date.UTC(2024, 0, 11, 15);

  it('should not flag a shifted hour at |z| 4.6 on a series whose hours shifted by |z| 13-18 on five days, yet flag one at 9', () => {
    // Measured bucket |z|: the five daily shifts of +3 score 13.4-18.0; the target +1.0 scores 4.5 (calm series) / 4.6
    // (spiky series): a well-calibrated scale would seldom give either. On the calm series μ + 4.27σ of the bucket
    // scores is under 4.2, so the target is flagged as before; on the spiky series the bar reaches its cap 6.3, over
    // the target. A +1.7 hour (|z| 9.0) is beyond the cap and is flagged on both.
    const withTarget = (spiky: boolean, by: number) => {
      const series = minutes(12, 7);
      if (spiky) {
        [4, 5, 6, 7, 8].forEach((day) => shiftHour(series, day, 4 + day, 3));
      }
      shiftHour(series, 10, 15, by);
      return bucketLevel(series, targetMs);
    };
    expect(withTarget(false, 1)).toBeGreaterThan(0);
    expect(withTarget(true, 1)).toBe(0);
    expect(withTarget(true, 1.7)).toBeGreaterThan(0);
  });

  it('should judge a bucket by the bar of the buckets before it, not one its own score has raised', () => {
    // A +0.9 hour 30 buckets after scoring began (|z| ≈ 4.9), the sustained test off so the bucket test alone decides:
    // the 30 calm scores before it leave the bar at minScore, but counted in its own window the bucket would raise
    // the bar above itself (one outlier among 31 scores dominates their σ), and hide itself.
    const noSustain = { ...DEFAULT_DETECTOR_CONFIG, sustainScore: Infinity };
    const calmRun = runDetector(minutes(10, 7), noSustain).modelDetection;
    const target = calmRun.score.findIndex((z) => Number.isFinite(z)) + 30;
    const series = minutes(10, 7);
    const endSlot = (calmRun.timesMs[target] - series.startMs) / series.stepMs;
    for (let k = 0; k < 60; k++) {
      series.values[endSlot - k] += 0.9;
    }
    const m = runDetector(series, noSustain).modelDetection;
    const z = Math.abs(m.score[target]);
    const before = m.score.slice(0, target).map(Math.abs);
    expect(bucketBar(windowOf(before), MIN_SCORE)).toBe(MIN_SCORE);
    expect(bucketBar(windowOf([...before, z]), MIN_SCORE)).toBeGreaterThan(z);
    expect(m.level[target]).toBeGreaterThan(0);
  });

  it('should read its bar from the configuration: capShare 0, or no record window, turns the calibration off', () => {
    const series = minutes(12, 7);
    [4, 5, 6, 7, 8].forEach((day) => shiftHour(series, day, 4 + day, 3));
    shiftHour(series, 10, 15, 1);
    const off = { ...DEFAULT_DETECTOR_CONFIG, bucketBar: { ...DEFAULT_BUCKET_BAR, capShare: 0 } };
    const m = runDetector(series, off).modelDetection;
    expect(m.level[m.timesMs.indexOf(targetMs)]).toBeGreaterThan(0);
    // The window is the records' (`walk.ts`): with the record calibration off the bucket test is the plain threshold.
    const noRecord = runDetector(series, { ...DEFAULT_DETECTOR_CONFIG, recordWindow: { points: 0 } }).modelDetection;
    expect(noRecord.level[noRecord.timesMs.indexOf(targetMs)]).toBeGreaterThan(0);
  });
});

describe('the bar on data at the model step (backtest.ts)', () => {
  it('should leave a series scored at its own step to the point record, the bar unused', () => {
    // Hourly data is its own model grid: the point test there is calibrated by the faded record (`record.ts`), which
    // has all but forgotten two +30 hours (|z| 25.8 and 30.0) on days 4 and 5 by day 24, where a +6 hour scores 5.39.
    // The bucket scores' 21 days still hold both, so a bar would stand at its cap 6.3 and hide that hour.
    const normal = seededNormal(11);
    const values = Array.from({ length: 25 * 24 }, (_, h) => 50 + 10 * Math.sin((2 * Math.PI * h) / 24) + normal());
    [4, 5].forEach((day) => {
      values[day * 24 + 10] += 30;
    });
    const targetH = 24 * 24 + 15;
    values[targetH] += 6;
    const hourly: RegularSeries = { startMs: Date.UTC(2024, 0, 1), stepMs: 3_600_000, values, repairs: [] };
    const off = { ...DEFAULT_DETECTOR_CONFIG, bucketBar: { ...DEFAULT_BUCKET_BAR, capShare: 0 } };
    const withBar = runDetector(hourly, DEFAULT_DETECTOR_CONFIG).modelDetection;
    const withoutBar = runDetector(hourly, off).modelDetection;
    expect(withBar.level[targetH]).toBeGreaterThan(0);
    expect(withBar.level).toEqual(withoutBar.level);
  });
});
