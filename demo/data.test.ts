import {
  DEMO_EVENTS,
  DEMO_LIVE_SPIKES,
  DEMO_METRIC,
  demoValuesAt,
  generateDemoSeries,
  liveSpikeCentresMs,
  toExposition,
  toOpenMetrics,
} from './data';
import { HOUR_MS } from '../src/contract/constants';

const END_MS = Date.UTC(2026, 10, 21, 8, 37);
const STEP_MS = 300_000;

describe('generateDemoSeries', () => {
  const series = generateDemoSeries({ endMs: END_MS, days: 14, stepMs: STEP_MS, seed: 7 });
  const checkout = series.find((s) => s.labels.service === 'checkout')!;
  const anchorMs = END_MS - (END_MS % STEP_MS);

  it('should return one series per service on the step grid ending at the rounded end', () => {
    expect(series.map((s) => [s.name, s.labels.service])).toEqual([
      [DEMO_METRIC, 'checkout'],
      [DEMO_METRIC, 'catalog'],
    ]);
    expect(checkout.timesMs).toHaveLength((14 * 24 * HOUR_MS) / STEP_MS);
    expect(checkout.timesMs[checkout.timesMs.length - 1]).toBe(anchorMs);
    expect(checkout.timesMs.every((t, i) => i === 0 || t - checkout.timesMs[i - 1] === STEP_MS)).toBe(true);
  });

  it('should be deterministic for a seed and differ for another seed', () => {
    const again = generateDemoSeries({ endMs: END_MS, days: 14, stepMs: STEP_MS, seed: 7 });
    const other = generateDemoSeries({ endMs: END_MS, days: 14, stepMs: STEP_MS, seed: 8 });
    expect(again[0].values).toEqual(checkout.values);
    expect(other[0].values).not.toEqual(checkout.values);
  });

  it('should continue in demoValuesAt exactly where the history is', () => {
    const i = checkout.timesMs.length - 3;
    expect(demoValuesAt(checkout.timesMs[i], anchorMs, 7)[0].value).toBe(checkout.values[i]);
  });

  it('should put the spike and the level shift where DEMO_EVENTS says', () => {
    const at = (offsetMs: number) => checkout.values[checkout.timesMs.indexOf(anchorMs - offsetMs)];
    const dayBefore = (offsetMs: number) => at(offsetMs + 24 * HOUR_MS);
    // Noise sd is 4 req/s; the same time of day one day earlier differs by noise (and 2.5 req/s drift) only.
    const spike = DEMO_EVENTS.spike.startBeforeEndMs - 30 * 60_000;
    expect(at(spike) - dayBefore(spike)).toBeGreaterThan(DEMO_EVENTS.spike.heightPerSecond - 25);
    const shift = DEMO_EVENTS.levelShift.startBeforeEndMs - HOUR_MS;
    expect(at(shift) - dayBefore(shift)).toBeGreaterThan(DEMO_EVENTS.levelShift.heightPerSecond - 25);
  });

  it('should refuse a non-positive step', () => {
    expect(() => generateDemoSeries({ endMs: END_MS, days: 1, stepMs: 0, seed: 1 })).toThrow(/stepMs > 0/);
  });
});

describe('liveSpikeCentresMs', () => {
  const anchorMs = END_MS - (END_MS % STEP_MS);
  // END_MS is 08:35 UTC after rounding: 30 h later is 14:35 the next day, so the first centre is 15:00.
  const firstMs = Date.UTC(2026, 10, 22, 15);

  it('should start at the first whole hour at least firstAfterEndMs after the anchor and repeat every everyMs', () => {
    expect(liveSpikeCentresMs(anchorMs, anchorMs, anchorMs + 3 * 24 * HOUR_MS)).toEqual([
      firstMs,
      firstMs + 10 * HOUR_MS,
      firstMs + 20 * HOUR_MS,
      firstMs + 30 * HOUR_MS,
      firstMs + 40 * HOUR_MS,
    ]);
    expect(firstMs - anchorMs).toBeGreaterThanOrEqual(DEMO_LIVE_SPIKES.firstAfterEndMs);
    expect(DEMO_LIVE_SPIKES.everyMs).toBe(10 * HOUR_MS);
  });

  it('should return only the centres inside [fromMs, toMs], bounds included', () => {
    const later = firstMs + 10 * DEMO_LIVE_SPIKES.everyMs;
    expect(liveSpikeCentresMs(anchorMs, later, later)).toEqual([later]);
    expect(liveSpikeCentresMs(anchorMs, later + 1, later + DEMO_LIVE_SPIKES.everyMs - 1)).toEqual([]);
  });

  it('should put no spike in the history or in the first hours after the anchor', () => {
    expect(liveSpikeCentresMs(anchorMs, anchorMs - 30 * 24 * HOUR_MS, firstMs - 1)).toEqual([]);
    expect(firstMs - DEMO_LIVE_SPIKES.halfWidthMs).toBeGreaterThan(anchorMs);
  });
});

describe('demoValuesAt', () => {
  const anchorMs = END_MS - (END_MS % STEP_MS);
  // A second anchor 5 h later has its spikes exactly between this anchor's (every 10 h), the same level shift
  // from the first spike on, and 5 h less of drift: the difference of the two isolates the spikes.
  const otherMs = anchorMs + 5 * HOUR_MS;
  const driftDiff = (DEMO_EVENTS.drift.perDay * 5) / 24;
  const diff = (timeMs: number, service = 0) =>
    demoValuesAt(timeMs, anchorMs, 7)[service].value - demoValuesAt(timeMs, otherMs, 7)[service].value;
  const [firstMs] = liveSpikeCentresMs(anchorMs, anchorMs, anchorMs + 2 * 24 * HOUR_MS);
  const { halfWidthMs, heightPerSecond } = DEMO_LIVE_SPIKES;
  // Each value is rounded to 0.01, so a difference of two is exact to within 0.01 (plus float error).
  const ROUNDING = 0.0101;

  it('should add the live spike to checkout from halfWidthMs before its centre until halfWidthMs after it', () => {
    for (const t of [firstMs - halfWidthMs, firstMs, firstMs + halfWidthMs - 1]) {
      expect(Math.abs(diff(t) - (heightPerSecond + driftDiff))).toBeLessThanOrEqual(ROUNDING);
    }
    for (const t of [firstMs - halfWidthMs - 1, firstMs + halfWidthMs]) {
      expect(Math.abs(diff(t) - driftDiff)).toBeLessThanOrEqual(ROUNDING);
    }
  });

  it('should leave catalog without live spikes', () => {
    expect(diff(firstMs, 1)).toBe(0);
  });

  it('should show each spike at exactly one whole-hour instant, the centres of liveSpikeCentresMs', () => {
    // A query at a whole hour reads the last 15-second scrape at or before it.
    const hours = Array.from({ length: 5 * 24 }, (_, i) => Math.ceil(anchorMs / HOUR_MS) * HOUR_MS + i * HOUR_MS);
    const seen = hours.filter((t) => diff(t - 15_000) > heightPerSecond / 2);
    expect(seen).toEqual(liveSpikeCentresMs(anchorMs, hours[0], hours[hours.length - 1]));
    // 5 days from 08:35 hold the spikes from +30.4 h on, every 10 h: 9 of them.
    expect(seen).toHaveLength(9);
  });

  it('should serve the same values for the same (time, seed, anchor), as the exporter and a backfill must', () => {
    expect(demoValuesAt(firstMs, anchorMs, 7)).toEqual(demoValuesAt(firstMs, anchorMs, 7));
    expect(demoValuesAt(firstMs, anchorMs, 8)[0].value).not.toBe(demoValuesAt(firstMs, anchorMs, 7)[0].value);
  });
});

describe('toOpenMetrics', () => {
  it('should write typed gauges with second timestamps in time order and end with # EOF', () => {
    const text = toOpenMetrics([
      { name: 'm', labels: { a: 'x"y' }, timesMs: [2000, 1000], values: [2, 1] },
      { name: 'm', labels: { a: 'z' }, timesMs: [1000], values: [NaN] },
    ]);
    expect(text).toBe('# TYPE m gauge\nm{a="x\\"y"} 1 1\nm{a="x\\"y"} 2 2\n# EOF\n');
  });
});

describe('toExposition', () => {
  it('should write one TYPE line per metric and no timestamps', () => {
    expect(toExposition(demoValuesAt(END_MS, END_MS, 7))).toMatch(
      /^# TYPE tidemark_demo_requests_per_second gauge\n(tidemark_demo_requests_per_second\{service="\w+"\} [\d.]+\n){2}$/
    );
  });
});
