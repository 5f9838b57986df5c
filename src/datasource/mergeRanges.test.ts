import { HOUR_MS, MINUTE_MS } from '../contract/constants';
import type { SeriesInput } from '../contract/fit';
import { mergeRanges } from './mergeRanges';

const part = (labels: Record<string, string>, timesMs: number[], stepMs: number): SeriesInput => ({
  key: JSON.stringify(labels),
  labels,
  timesMs,
  values: timesMs.map((t) => t / 1000),
  stepMs,
});

describe('mergeRanges', () => {
  it('should join a history without the metric name (Prometheus drops it from avg_over_time) to its recent part', () => {
    const fineFromMs = 3 * HOUR_MS;
    const history = part({ job: 'api' }, [HOUR_MS, 2 * HOUR_MS], HOUR_MS);
    const recent = part({ __name__: 'up', job: 'api' }, [fineFromMs, fineFromMs + MINUTE_MS], MINUTE_MS);
    const other = part({ __name__: 'up', job: 'db' }, [fineFromMs], MINUTE_MS);
    const merged = mergeRanges([history], [recent, other], fineFromMs, HOUR_MS);
    expect(merged).toHaveLength(2);
    expect(merged[0]).toEqual({
      ...recent,
      timesMs: [HOUR_MS, 2 * HOUR_MS, fineFromMs, fineFromMs + MINUTE_MS],
      values: [3600, 7200, 10_800, 10_860],
      coarse: { stepMs: HOUR_MS, untilMs: fineFromMs },
    });
    // A series with recent samples only is fitted alone, still on the model grid.
    expect(merged[1]).toEqual({ ...other, coarse: { stepMs: HOUR_MS, untilMs: fineFromMs } });
  });
});
