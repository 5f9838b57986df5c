import { seededNormal } from '../sarima/simulate';
import type { RegularSeries } from '../series';
import { runDetector } from './backtest';
import { DEFAULT_DETECTOR_CONFIG } from './config';
import { MIN_ABSOLUTE_SIGMA, MIN_RELATIVE_SIGMA } from './fallback';
import { robustScale } from './robustScale';
import { WARMUP_RECORD_MARGIN, warmupLevels } from './warmup';

const both = () => true;
/** Warm-up options of a 5-minute series: one day of history, the point threshold 4. */
const FIVE_MINUTE_DAY = { threshold: 4, windowPoints: 288, minPoints: 24, allows: both };
const flagsOf = (levels: number[]) => levels.flatMap((l, j) => (l > 0 ? [j] : []));

describe('warmupLevels', () => {
  it('should score each point by the median and robust scale of its trailing window, exactly', () => {
    // The sliding sorted window must give the very numbers a sort of each window gives: quantised values (MAD 0,
    // the mean-deviation fallback), ties, gaps, and windows that fill, slide and lose missing points.
    const normal = seededNormal(11);
    const values = Array.from({ length: 400 }, (_, j) => {
      if (j < 200 && j % 17 === 5) {
        return NaN;
      }
      return j < 200 ? Math.round(Math.abs(normal())) : 50 + 5 * Math.sin(j / 9) + normal() + (j % 61 === 0 ? 30 : 0);
    });
    const windowPoints = 40;
    const result = warmupLevels(values, values.length, { threshold: 4, windowPoints, minPoints: 12, allows: both });
    for (let j = 0; j < values.length; j++) {
      const history = values.slice(Math.max(0, j - windowPoints), j).filter(Number.isFinite);
      if (!Number.isFinite(values[j]) || history.length < 12) {
        expect(result.strength[j]).toBeNaN();
        continue;
      }
      const sorted = [...history].sort((a, b) => a - b);
      const mid = sorted.length >> 1;
      const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
      const floor = Math.max(MIN_RELATIVE_SIGMA * Math.abs(median), MIN_ABSOLUTE_SIGMA);
      expect(result.strength[j]).toBe(Math.abs(values[j] - median) / Math.max(robustScale(history), floor));
    }
  });

  it('should flag a spike against the level so far, but not a second spike no larger than the first', () => {
    const normal = seededNormal(3);
    const values = Array.from({ length: 200 }, () => 10 + normal());
    values[100] += 12;
    values[150] += 11;
    const result = warmupLevels(values, values.length, FIVE_MINUTE_DAY);
    expect(flagsOf(result.level)).toEqual([100]);
    // z ≈ 12 / σ with σ ≈ 1: the score is the robust z of the value.
    expect(result.strength[100]).toBeGreaterThan(9);
    expect(result.strength[100]).toBeLessThan(15);
  });

  it("should start the record from the first history's own extremes", () => {
    const normal = seededNormal(3);
    const values = Array.from({ length: 200 }, () => 10 + normal());
    values[10] += 12; // inside the first 24 points: never scored, but the series has shown it
    values[100] += 9;
    const result = warmupLevels(values, values.length, FIVE_MINUTE_DAY);
    expect(flagsOf(result.level)).toEqual([]);
    expect(result.strength[100]).toBeGreaterThan(4);
  });

  it('should not flag a record won by a hair (the sliding yardstick drifts), yet flag a clear new record', () => {
    const normal = seededNormal(3);
    const values = Array.from({ length: 200 }, () => 10 + normal());
    values[100] += 12;
    values[150] += 12.4;
    values[180] += 20;
    const result = warmupLevels(values, values.length, FIVE_MINUTE_DAY);
    // 150 beats 100's score, but by less than the margin: the same spike measured on a slightly moved median/MAD.
    expect(result.strength[150]).toBeGreaterThan(result.strength[100]);
    expect(result.strength[150]).toBeLessThan(WARMUP_RECORD_MARGIN * result.strength[100]);
    expect(flagsOf(result.level)).toEqual([100, 180]);
  });

  it('should score nothing before minPoints of history and past `end`', () => {
    const values = Array.from({ length: 60 }, (_, j) => (j === 10 || j === 50 ? 100 : 1 + (j % 3)));
    const result = warmupLevels(values, 40, { threshold: 4, windowPoints: 288, minPoints: 24, allows: both });
    expect(result.level).toHaveLength(40);
    expect(flagsOf(result.level)).toEqual([]);
    expect(Number.isNaN(result.strength[10])).toBe(true);
  });

  it('should flag the first step away from a flat line, never the flat line itself, and honour direction', () => {
    const values = Array.from({ length: 100 }, (_, j) => (j < 80 ? 5 : 4));
    const options = { threshold: 4, windowPoints: 288, minPoints: 24 };
    expect(flagsOf(warmupLevels(values, 100, { ...options, allows: both }).level)).toEqual([80]);
    expect(flagsOf(warmupLevels(values, 100, { ...options, allows: (z) => z > 0 }).level)).toEqual([]);
    expect(flagsOf(warmupLevels(values.slice(0, 80), 80, { ...options, allows: both }).level)).toEqual([]);
  });
});

describe('the warm-up test in the detector (before the first model)', () => {
  it('should alert on a burst on the second day of a 5-minute series, before any model exists', () => {
    const normal = seededNormal(8);
    const values = Array.from({ length: 2 * 288 }, (_, i) => 20 + 2 * Math.sin((2 * Math.PI * i) / 288) + normal());
    const burst = 288 + 100;
    for (let k = burst; k < burst + 6; k++) {
      values[k] += 25;
    }
    const series: RegularSeries = { startMs: Date.UTC(2024, 0, 1), stepMs: 300_000, values, repairs: [] };
    const run = runDetector(series, DEFAULT_DETECTOR_CONFIG);
    expect(run.detection.forecast.every((f) => Number.isNaN(f))).toBe(true);
    expect(flagsOf(run.detection.anomaly)).toEqual([burst]);
    expect(run.detection.extent[burst]).toBe(1);
  });
});
