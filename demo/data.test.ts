import { DEMO_EVENTS, DEMO_METRIC, demoValuesAt, generateDemoSeries, toExposition, toOpenMetrics } from './data';

const END_MS = Date.UTC(2026, 10, 21, 8, 37);
const STEP_MS = 300_000;
const HOUR_MS = 3_600_000;

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
