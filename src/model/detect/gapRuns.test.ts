import dailySpike from '../../../tests/fixtures/detect/daily_spike.json';
import type { RegularSeries } from '../series';
import { runBacktest } from './backtest';
import { createGapRuns, logMissing, silencedByGap } from './gapRuns';

// Fixture: tests/fixtures/detect/generate.py (hourly daily sine, N(0, 0.3²) noise, +6 spike at 2024-01-10 12:00).
const EVENT_MS = Date.UTC(2024, 0, 10, 12);
const HOUR = 3_600_000;

/** The spike fixture with the hours at `missingMs` removed (NaN). */
function withGaps(missingMs: number[]): RegularSeries {
  const values = dailySpike.values.slice();
  for (const t of missingMs) {
    values[(t - dailySpike.startMs) / dailySpike.stepMs] = NaN;
  }
  return { startMs: dailySpike.startMs, stepMs: dailySpike.stepMs, values, repairs: [] };
}

describe('silencedByGap', () => {
  it('should silence after the first gap, for silencePoints slots after its last missing slot', () => {
    const g = createGapRuns();
    expect(silencedByGap(g, 10, 6, 168)).toBe(false);
    logMissing(g, 100);
    logMissing(g, 101);
    expect([102, 107, 108].map((i) => silencedByGap(g, i, 6, 168))).toEqual([true, true, false]);
  });

  it('should silence after a second gap in the window, and not after a third (gaps are then routine)', () => {
    const g = createGapRuns();
    logMissing(g, 100);
    logMissing(g, 150);
    // Two restarts in a week are still outages.
    expect(silencedByGap(g, 151, 6, 168)).toBe(true);
    logMissing(g, 200);
    expect(silencedByGap(g, 201, 6, 168)).toBe(false);
    // The run 200 is one gap: its later slots do not make it routine by themselves.
    logMissing(g, 201);
    expect(silencedByGap(g, 202, 6, 168)).toBe(false);
    // A quiet spell longer than the window: the next gap is an outage again.
    logMissing(g, 500);
    expect(silencedByGap(g, 501, 6, 168)).toBe(true);
    // routinePoints 0: every gap silences (the calibration is off).
    logMissing(g, 502);
    logMissing(g, 504);
    expect(silencedByGap(g, 505, 6, 0)).toBe(true);
  });
});

describe('runBacktest after missing data', () => {
  const flagged = (s: RegularSeries) => {
    const d = runBacktest(s);
    return d.timesMs.filter((_, i) => d.anomaly[i] > 0);
  };

  it('should still silence the hours after a lone outage', () => {
    // One missing hour two hours before the spike, in an otherwise complete series: an outage, whose restart
    // may look anomalous; the spike falls in the 6-hour silence.
    expect(flagged(withGaps([EVENT_MS - 2 * HOUR]))).toEqual([]);
  });

  it('should flag a spike two hours after a gap when the series misses an hour every eight as a matter of course', () => {
    // Fails with a silence after every gap: 6 of every 8 hours would be muted, the spike among them.
    const missing: number[] = [];
    for (let t = EVENT_MS - 2 * HOUR; t >= dailySpike.startMs; t -= 8 * HOUR) {
      missing.push(t);
    }
    for (let t = EVENT_MS + 6 * HOUR; t < dailySpike.startMs + dailySpike.values.length * HOUR; t += 8 * HOUR) {
      missing.push(t);
    }
    expect(flagged(withGaps(missing))).toEqual([EVENT_MS]);
  });
});
