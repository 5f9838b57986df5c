import { rangeExpr, rangePoints, type FetchRange } from '../../src/model/pipeline/fetchPlan';
import { analyzeSeries } from '../../src/model/pipeline/analyze';
import { DEFAULT_MODEL_SETTINGS } from '../../src/model/pipeline/settings';
import { seededNormal } from '../../src/model/sarima/simulate';
import type { FitSettings } from '../../src/contract/settings';
import type { DetectorDefinition } from './configTypes';
import { detectorFetch, joinParts } from './detectorFetch';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../src/contract/constants';

/** A fixed clock 30 s past a whole minute (tests never read the real clock). */
const NOW_MS = Date.UTC(2026, 0, 15, 12, 7, 30);

const detector = (stepMs: number, season = 'auto'): DetectorDefinition => ({
  name: 'd',
  query: 'up',
  stepMs,
  trainingWindowMs: 28 * DAY_MS,
  settings: { season } as FitSettings,
});

describe('detectorFetch', () => {
  it('should fetch 28 days at 1-minute steps as hourly history plus the last days at 1 minute, within 11,000 points', () => {
    const plan = detectorFetch(detector(MINUTE_MS), NOW_MS);
    expect(plan.modelStepMs).toBe(HOUR_MS);
    const [coarse, fine] = plan.ranges;
    expect(coarse.stepMs).toBe(HOUR_MS);
    expect(fine).toEqual({ fromMs: plan.fineFromMs, toMs: Date.UTC(2026, 0, 15, 12, 7), stepMs: MINUTE_MS });
    expect(coarse.toMs).toBe(plan.fineFromMs - HOUR_MS);
    expect(fine.toMs - coarse.fromMs).toBeGreaterThanOrEqual(28 * DAY_MS);
    expect(plan.ranges.map(rangePoints).every((n) => n <= 11_000)).toBe(true);
    // The history is fetched as hourly means of the 1-minute values (the query the scheduler sends).
    expect(plan.ranges.map((r) => rangeExpr('up', r))).toEqual(['avg_over_time((up)[3599999ms:60000ms])', 'up']);
    // The newest sample is the last whole minute: scored in this cycle, not an hour later.
    expect(fine.toMs).toBe(Math.floor(NOW_MS / MINUTE_MS) * MINUTE_MS);
  });

  it('should fit a weekly season on 6-hour steps whatever the detector step', () => {
    expect(detectorFetch(detector(MINUTE_MS, '7d'), NOW_MS).modelStepMs).toBe(6 * HOUR_MS);
  });

  it('should keep one range at the step when the step is the model step', () => {
    const plan = detectorFetch(detector(HOUR_MS, '1d'), NOW_MS);
    expect(plan.ranges).toHaveLength(1);
    expect(plan.modelStepMs).toBe(HOUR_MS);
  });
});

/** Scrapes of a daily sine (amplitude 20, unit noise) over a fetch range, as the upstream answers it. */
function scraped(range: FetchRange, normal: () => number) {
  const timesMs: number[] = [];
  for (let t = range.fromMs; t <= range.toMs; t += range.stepMs) {
    timesMs.push(t);
  }
  const values = timesMs.map((t) => 100 + 20 * Math.sin((2 * Math.PI * (t % DAY_MS)) / DAY_MS) + normal());
  return { labels: { job: 'a' }, timesMs, values };
}

describe('a detector cycle at 1-minute steps', () => {
  it('should score its newest sample and flag a +12σ spike there, in the cycle that fetched it', () => {
    const plan = detectorFetch(detector(MINUTE_MS), NOW_MS);
    const normal = seededNormal(3);
    const parts = plan.ranges.map((range) => [scraped(range, normal)]);
    const recent = parts[parts.length - 1][0];
    // 12σ, not 8σ: the hourly history holds single 1-minute samples (their own noise), so the score's scale of
    // bucket errors is ~1.6σ here and an 8σ spike scores ~4.8, just under the 1-minute threshold of 4.88.
    recent.values[recent.values.length - 1] += 12;
    const [input] = joinParts(parts, plan, MINUTE_MS, (l) => l.job);
    const newestMs = recent.timesMs[recent.timesMs.length - 1];
    const { points } = analyzeSeries(input, DEFAULT_MODEL_SETTINGS, { outputFromMs: newestMs }).analysis;
    // Two ways this failed before: the fine layer needs 24 completed hourly buckets of 1-minute noise before it
    // scores, and one day of minutes holds 23; and the bucket still filling (the newest minutes) was never scored.
    expect(points.timesMs[0]).toBe(newestMs);
    expect(points.score[0]).toBeGreaterThan(4);
    expect(points.anomaly[0]).toBeGreaterThan(0);
  });
});

describe('joinParts', () => {
  it('should join hourly history and minute samples per series, marking the mixed grid', () => {
    const plan = detectorFetch(detector(MINUTE_MS), NOW_MS);
    const labels = { job: 'a' };
    const history = { labels, timesMs: [plan.fineFromMs - 2 * HOUR_MS, plan.fineFromMs - HOUR_MS], values: [1, 2] };
    const recent = { labels, timesMs: [plan.fineFromMs, plan.fineFromMs + MINUTE_MS], values: [3, 4] };
    const gone = { labels: { job: 'gone' }, timesMs: [plan.fineFromMs - HOUR_MS], values: [5] };
    const [input, ...rest] = joinParts([[history, gone], [recent]], plan, MINUTE_MS, (l) => l.job);
    expect(rest).toEqual([]);
    expect(input).toEqual({
      key: 'a',
      labels,
      timesMs: [...history.timesMs, ...recent.timesMs],
      values: [1, 2, 3, 4],
      stepMs: MINUTE_MS,
      coarse: { stepMs: HOUR_MS, untilMs: plan.fineFromMs },
    });
  });

  it('should pair a history without the metric name (dropped by avg_over_time) with its recent samples', () => {
    const plan = detectorFetch(detector(MINUTE_MS), NOW_MS);
    const history = { labels: { job: 'api' }, timesMs: [plan.fineFromMs - HOUR_MS], values: [1] };
    const recent = { labels: { __name__: 'up', job: 'api' }, timesMs: [plan.fineFromMs], values: [2] };
    const [input] = joinParts([[history], [recent]], plan, MINUTE_MS, (l) => JSON.stringify(l));
    expect(input.labels).toEqual(recent.labels);
    expect(input.values).toEqual([1, 2]);
  });
});
