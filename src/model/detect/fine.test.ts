import { seededNormal } from '../sarima/simulate';
import type { RegularSeries } from '../series';
import { runDetector } from './backtest';
import { fineThreshold } from './fine';
import { DEFAULT_DETECTOR_CONFIG } from './config';
import { DAY_MS } from '../timeUnits';

/** 1-minute data: daily sine of amplitude 3 plus white N(0, 1) noise; the model runs on hourly means. */
function minutes(days: number, seed: number): RegularSeries {
  const normal = seededNormal(seed);
  const values = Array.from({ length: days * 1440 }, (_, i) => 50 + 3 * Math.sin((2 * Math.PI * i) / 1440) + normal());
  return { startMs: Date.UTC(2024, 0, 1), stepMs: 60_000, values, repairs: [] };
}

describe('scoring at the native step (fine.ts)', () => {
  it('should put about 95 % of clean 1-minute points inside the 95 % band', () => {
    const d = runDetector(minutes(8, 5), DEFAULT_DETECTOR_CONFIG).detection;
    let inside = 0;
    let total = 0;
    d.values.forEach((y, j) => {
      const lower = d.bands[0].lower[j];
      const upper = d.bands[0].upper[j];
      if (Number.isFinite(lower) && j >= 3 * 1440) {
        total++;
        inside += y >= lower && y <= upper ? 1 : 0;
      }
    });
    // ~7200 points: the binomial sd of the share is 0.26 %; ±2 % also absorbs the error of the estimated bands.
    expect(total).toBeGreaterThan(4 * 1440);
    expect(inside / total).toBeGreaterThan(0.93);
    expect(inside / total).toBeLessThan(0.97);
  });

  it('should flag a 10-minute +8σ spike at its first minute, which the hourly mean alone would not', () => {
    const series = minutes(8, 6);
    const at = 7 * 1440 + 600;
    for (let k = at; k < at + 10; k++) {
      series.values[k] += 8;
    }
    const run = runDetector(series, DEFAULT_DETECTOR_CONFIG);
    const flagged = run.detection.anomaly.flatMap((a, j) => (a > 0 ? [j] : []));
    expect(flagged).toEqual([at]);
    expect(run.detection.timesMs).toHaveLength(series.values.length);
  });

  it('should honour direction: a spike below is not flagged when only above counts', () => {
    const series = minutes(8, 6);
    const at = 7 * 1440 + 600;
    series.values[at] -= 10;
    const both = runDetector(series, DEFAULT_DETECTOR_CONFIG).detection;
    const above = runDetector(series, { ...DEFAULT_DETECTOR_CONFIG, direction: 'above' }).detection;
    expect(both.anomaly[at]).toBeGreaterThan(0);
    expect(above.anomaly.some((a) => a > 0)).toBe(false);
  });
});

describe('the fine record fading out (fine.ts, record.ts)', () => {
  it('should hold back a smaller 1-minute spike nine days after a larger one, not once the larger has faded', () => {
    // One-minute spikes of +20, +15 nine days later and +17 ten days after that (noise σ 1): each moves its hour's
    // mean by a third of a σ at most, so only the fine point test sees them. Measured fine |z|: 19.4, 14.0, 15.6.
    // The fading record weighs 19.4 at 1 − 2/14 nine days later (16.6 > 14.0 × 1.025) and 14.0 at 1 − 3/14 ten
    // days after that (11.0 < 15.6 / 1.025); a plain week pages all three, a plain 21 days the first only.
    const series = minutes(24, 3);
    const spikes = [4, 13, 23].map((day) => day * 1440 + 720);
    spikes.forEach((at, k) => (series.values[at] += [20, 15, 17][k]));
    const levels = (change: Partial<typeof DEFAULT_DETECTOR_CONFIG>) => {
      const d = runDetector(series, { ...DEFAULT_DETECTOR_CONFIG, ...change }).detection;
      return spikes.map((at) => (d.level[at] > 0 ? 1 : 0));
    };
    expect(levels({})).toEqual([1, 0, 1]);
    expect(levels({ recordFade: { ms: 0 } })).toEqual([1, 1, 1]);
    expect(levels({ recordWindow: { ms: 21 * DAY_MS }, recordFade: { ms: 0 } })).toEqual([1, 0, 0]);
  });
});

describe('the fine record before the first model (fine.ts seedFineRecord)', () => {
  it("should not page a young model for the series' daily burst, yet flag a larger new spike", () => {
    // 5-minute data, N(0, 1) noise, and a burst of 20 minutes every day at 07:40 (a routine job): +18 on the first
    // three days, which are the series' own history when the first model starts scoring on day four; +15 then.
    // (The warm-up test, before the model, may alert on the first bursts: the test looks at day four only.)
    const normal = seededNormal(11);
    const perDay = 288;
    const values = Array.from({ length: 4 * perDay + 200 }, (_, i) => {
      const minuteOfDay = (i % perDay) * 5;
      const burst = i < 3 * perDay ? 18 : 15;
      return 50 + normal() + (minuteOfDay >= 460 && minuteOfDay < 480 ? burst : 0);
    });
    const spike = 3 * perDay + 170; // 14:10 on day four, after the burst: a +80 spike no day has shown
    values[spike] += 80;
    const series: RegularSeries = { startMs: Date.UTC(2024, 0, 1), stepMs: 300_000, values, repairs: [] };
    const d = runDetector(series, DEFAULT_DETECTOR_CONFIG).detection;
    // Levels before the alert rules, so that an alert's hold-off cannot hide the burst.
    const burstOnDayFour = d.level.slice(3 * perDay + 90, 3 * perDay + 100);
    expect(burstOnDayFour.every((l) => l === 0)).toBe(true);
    expect(d.level[spike]).toBeGreaterThan(0);
  });
});

describe('fineThreshold', () => {
  it('should keep the tail probability per bucket of the model-grid threshold', () => {
    // 1 − Φ(4) = 3.167e-5; / 12 = 2.64e-6 → 4.553; / 60 = 5.28e-7 → 4.88 (normal tables, to 2 decimals).
    expect(fineThreshold(4, 12)).toBeCloseTo(4.553, 2);
    expect(fineThreshold(4, 60)).toBeCloseTo(4.88, 2);
    expect(fineThreshold(4, 1)).toBe(4);
  });
});
