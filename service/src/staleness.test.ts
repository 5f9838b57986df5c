import { newestSampleMs, staleAfterMs, upstreamIsStale } from './staleness';
import { MINUTE_MS } from '../../src/contract/constants';

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
    expect(staleAfterMs(60 * MINUTE_MS)).toBe(120 * MINUTE_MS);
    expect(staleAfterMs(10_000)).toBe(5 * MINUTE_MS);
    expect(upstreamIsStale(1000 * MINUTE_MS - 120 * MINUTE_MS, 1000 * MINUTE_MS, 60 * MINUTE_MS)).toBe(false);
    expect(upstreamIsStale(1000 * MINUTE_MS - 121 * MINUTE_MS, 1000 * MINUTE_MS, 60 * MINUTE_MS)).toBe(true);
    expect(upstreamIsStale(null, 1000 * MINUTE_MS, 60 * MINUTE_MS)).toBe(true);
  });
});
