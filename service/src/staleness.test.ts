import { newestSampleMs, staleAfterMs, upstreamIsStale } from './staleness';

const MIN = 60_000;

describe('upstream staleness', () => {
  it('should find the newest non-null sample over all series', () => {
    const series = [
      { labels: {}, timesMs: [0, 10, 20], values: [1, 2, null] },
      { labels: {}, timesMs: [0, 10, 20, 30], values: [1, null, 3, null] },
    ];
    expect(newestSampleMs(series)).toBe(20);
    expect(newestSampleMs([{ labels: {}, timesMs: [0], values: [null] }])).toBeNull();
    expect(newestSampleMs([])).toBeNull();
  });

  it('should allow two steps, and at least the 5-minute lookback, before calling the upstream stale', () => {
    expect(staleAfterMs(60 * MIN)).toBe(120 * MIN);
    expect(staleAfterMs(10_000)).toBe(5 * MIN);
    expect(upstreamIsStale(1000 * MIN - 120 * MIN, 1000 * MIN, 60 * MIN)).toBe(false);
    expect(upstreamIsStale(1000 * MIN - 121 * MIN, 1000 * MIN, 60 * MIN)).toBe(true);
    expect(upstreamIsStale(null, 1000 * MIN, 60 * MIN)).toBe(true);
  });
});
