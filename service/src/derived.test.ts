import { fakeAnalyze as analyzeSeries } from '../../src/contract/testing/fakeAnalyzer';
import { analyzeSeries as realAnalyzeSeries } from '../../src/model/pipeline/analyze';
import { DEFAULT_MODEL_SETTINGS } from '../../src/model/pipeline/settings';
import { simulateSeasonal } from '../../src/model/testing/random';
import { DAY_MS, HOUR_MS } from '../../src/model/timeUnits';
import { baseLabels, derivedSeries, valueAt } from './derived';

const settings = {
  ...DEFAULT_MODEL_SETTINGS,
  seasonalPeriod: 'auto' as const,
  order: 'auto' as const,
  seasonalOrder: 'auto' as const,
  levelsPct: [95, 99] as [number, number],
  minConsecutive: 1,
  onsetOnly: false,
  holdOffMs: 0,
  horizonSteps: 2,
  refitEveryMs: 3_600_000,
  trainingWindowMs: 86_400_000,
};
const input = {
  key: 'k',
  labels: { pod: 'a' },
  timesMs: [0, 60_000, 120_000, 180_000, 240_000, 300_000],
  values: [1, 2, null, 40, 5, 6],
  stepMs: 60_000,
};

describe('baseLabels', () => {
  it('should drop __name__, add detector and keep clashing upstream labels as exported_*', () => {
    expect(baseLabels('cpu', { __name__: 'x', detector: 'd', level: 'l', pod: 'a' })).toEqual({
      exported_detector: 'd',
      exported_level: 'l',
      pod: 'a',
      detector: 'cpu',
    });
  });
});

describe('derivedSeries', () => {
  const series = derivedSeries({ detector: 'cpu' }, analyzeSeries(input, settings, {}).analysis);
  const byName = (name: string, level?: string) =>
    series.find((s) => s.labels.__name__ === name && s.labels.level === level)!;

  it('should publish six metrics, bands once per level', () => {
    expect(series.map((s) => [s.labels.__name__, s.labels.level ?? ''])).toEqual([
      ['tidemark_actual', ''],
      ['tidemark_forecast', ''],
      ['tidemark_anomaly', ''],
      ['tidemark_anomaly_score', ''],
      ['tidemark_lower', '95'],
      ['tidemark_upper', '95'],
      ['tidemark_lower', '99'],
      ['tidemark_upper', '99'],
    ]);
  });

  it('should leave anomaly undefined in the forecast horizon and forecast defined there', () => {
    expect(byName('tidemark_anomaly').values.slice(6)).toEqual([null, null]);
    expect(
      byName('tidemark_forecast')
        .values.slice(6)
        .every((v) => typeof v === 'number')
    ).toBe(true);
  });

  it('should evaluate with a lookback, skipping missing points, as Prometheus does', () => {
    const actual = byName('tidemark_actual');
    expect(valueAt(actual, 150_000, 300_000)).toBe(2);
    expect(valueAt(actual, 150_000, 60_000)).toBeNull();
    expect(valueAt(actual, 180_000, 1)).toBe(40);
    expect(valueAt(actual, -1, 300_000)).toBeNull();
  });
});

describe('derivedSeries of a count series (the real pipeline)', () => {
  // Hourly counts with nights near 0 and a 12-hour drop to 0: the one-step band below the drop reaches below 0.
  const values = simulateSeasonal(14 * 24, { seed: 3, period: 24, amplitude: 40, phi: 0.3, level: 50 }).map((v, i) =>
    i >= 12 * 24 + 14 && i < 12 * 24 + 26 ? 0 : Math.max(0, Math.round(v))
  );
  const counts = { key: 'c', labels: {}, timesMs: values.map((_, i) => i * HOUR_MS), values, stepMs: HOUR_MS };
  const { analysis } = realAnalyzeSeries(counts, { ...DEFAULT_MODEL_SETTINGS, trainingWindowMs: 7 * DAY_MS });
  const published = derivedSeries({ detector: 'taxi' }, analysis);

  it('should publish the forecast and band bounds no lower than 0', () => {
    const bounds = published.filter((s) =>
      ['tidemark_forecast', 'tidemark_lower', 'tidemark_upper'].includes(s.labels.__name__)
    );
    expect(bounds).toHaveLength(5);
    for (const bound of bounds) {
      expect(bound.values.filter((v) => v !== null && v < 0)).toEqual([]);
    }
    // Floored, not merely positive: the weak band reached below 0 (at night and in the drop).
    const weakLower = bounds.find((b) => b.labels.__name__ === 'tidemark_lower' && b.labels.level === '95')!;
    expect(weakLower.values).toContain(0);
  });
});

describe('tidemark_anomaly under the direction setting (the real pipeline)', () => {
  // Hourly counts with a 12-hour drop to 0 on day 12: an anomaly below the expected range.
  const values = simulateSeasonal(14 * 24, { seed: 3, period: 24, amplitude: 40, phi: 0.3, level: 50 }).map((v, i) =>
    i >= 12 * 24 + 14 && i < 12 * 24 + 26 ? 0 : Math.max(0, Math.round(v))
  );
  const counts = { key: 'c', labels: {}, timesMs: values.map((_, i) => i * HOUR_MS), values, stepMs: HOUR_MS };
  /** Sum of tidemark_anomaly over the drop's hours with `direction`. */
  const flaggedInDrop = (direction: 'both' | 'above' | 'below') => {
    const { analysis } = realAnalyzeSeries(counts, {
      ...DEFAULT_MODEL_SETTINGS,
      trainingWindowMs: 7 * DAY_MS,
      direction,
    });
    const anomaly = derivedSeries({ detector: 'taxi' }, analysis).find(
      (s) => s.labels.__name__ === 'tidemark_anomaly'
    )!;
    const drop = (t: number) => t >= (12 * 24 + 14) * HOUR_MS && t < (12 * 24 + 26) * HOUR_MS;
    return analysis.points.timesMs.reduce((sum, t, k) => sum + (drop(t) ? (anomaly.values[k] ?? 0) : 0), 0);
  };

  it('should flag the drop with direction both or below, and not with above', () => {
    expect(flaggedInDrop('both')).toBeGreaterThan(0);
    expect(flaggedInDrop('below')).toBe(flaggedInDrop('both'));
    expect(flaggedInDrop('above')).toBe(0);
  });
});
