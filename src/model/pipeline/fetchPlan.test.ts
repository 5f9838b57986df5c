import { joinKey, joinSamples } from './fetchPlan';
import { HOUR_MS } from '../timeUnits';

const MIN5_MS = 300_000;

describe('joinSamples', () => {
  it('should keep the history before the fine start and the recent part from it, each time once', () => {
    const fineFromMs = 3 * HOUR_MS;
    // Hourly means up to and including the bucket starting at the fine start (Prometheus' last bucket may reach it).
    const history = { timesMs: [0, 1, 2, 3].map((h) => h * HOUR_MS), values: [10, 11, 12, 13] };
    // A recent answer aligned one sample before the fine start.
    const recent = { timesMs: [-1, 0, 1, 2].map((k) => fineFromMs + k * MIN5_MS), values: [99, 20, 21, 22] };
    expect(joinSamples(history, recent, fineFromMs)).toEqual({
      timesMs: [0, HOUR_MS, 2 * HOUR_MS, fineFromMs, fineFromMs + MIN5_MS, fineFromMs + 2 * MIN5_MS],
      values: [10, 11, 12, 20, 21, 22],
    });
  });

  it('should keep a whole part when the other has nothing on its side of the fine start', () => {
    const late = { timesMs: [5 * HOUR_MS], values: [7] };
    const early = { timesMs: [HOUR_MS], values: [3] };
    expect(joinSamples(late, late, 4 * HOUR_MS)).toEqual(late);
    expect(joinSamples(early, early, 4 * HOUR_MS)).toEqual(early);
  });
});

describe('joinKey', () => {
  it('should pair a series with and without its metric name, whatever the label order', () => {
    expect(joinKey({ __name__: 'up', job: 'a', instance: 'x' })).toBe(joinKey({ instance: 'x', job: 'a' }));
    expect(joinKey({ job: 'a' })).not.toBe(joinKey({ job: 'b' }));
  });
});
