import dailySpike from '../../../tests/fixtures/detect/daily_spike.json';
import type { RegularSeries } from '../series';
import { runBacktest } from './backtest';
import { beatsRecord, RECORD_MARGIN } from './record';
import { HOUR_MS } from '../timeUnits';

// Fixture: tests/fixtures/detect/generate.py (daily sine, N(0, 0.3²) noise, a +6 spike at 2024-01-10 12:00).
const EVENT_MS = Date.UTC(2024, 0, 10, 12);
// The same hour three days later: past the two-day hold-off, inside the seven-day record window.
const REPEAT_MS = EVENT_MS + 72 * HOUR_MS;

function withValue(at: number, value: number): RegularSeries {
  const values = dailySpike.values.slice();
  values[(at - dailySpike.startMs) / dailySpike.stepMs] = value;
  return { ...dailySpike, values, repairs: [] };
}

describe('beatsRecord', () => {
  it('should count a score as a new extreme only when it beats the record by more than the margin', () => {
    expect(RECORD_MARGIN).toBeGreaterThan(1);
    expect(beatsRecord(10 * RECORD_MARGIN * 1.001, 10)).toBe(true);
    expect(beatsRecord(10.1, 10)).toBe(false);
    expect(beatsRecord(10, 10)).toBe(false);
    // No record yet (or calibration off): any positive score beats it.
    expect(beatsRecord(0.5, 0)).toBe(true);
  });
});

describe('runBacktest with a repeated spike', () => {
  // The score is linear in the value at a point (its prediction and scale depend only on earlier points), so the
  // value that scores k times the first spike's score is found from the run without the repeat.
  const base = runBacktest(withValue(REPEAT_MS, dailySpike.values[(REPEAT_MS - dailySpike.startMs) / HOUR_MS]));
  const first = base.timesMs.indexOf(EVENT_MS);
  const at = base.timesMs.indexOf(REPEAT_MS);
  const valueScoring = (k: number) => {
    const perUnit = base.score[at] / (base.values[at] - base.forecast[at]);
    return base.forecast[at] + (k * base.score[first]) / perUnit;
  };

  it('should not flag a repeat that beats the first spike by under 1 %, but flag one 5 % larger', () => {
    expect(base.level[first]).toBeGreaterThan(0);
    const repeat = runBacktest(withValue(REPEAT_MS, valueScoring(1.01)));
    expect(repeat.score[at] / base.score[first]).toBeCloseTo(1.01, 6);
    // Without the margin this point is a new record (1 % above) and pages for the same event again: the record it
    // meets is the first spike's score, the largest |score| of the seven days before it.
    const week = base.score
      .slice(at - 7 * 24, at)
      .filter(Number.isFinite)
      .map(Math.abs);
    expect(Math.max(...week)).toBe(Math.abs(base.score[first]));
    expect(beatsRecord(Math.abs(repeat.score[at]), Math.max(...week), 1)).toBe(true);
    expect(repeat.level[at]).toBe(0);
    const larger = runBacktest(withValue(REPEAT_MS, valueScoring(1.05)));
    expect(larger.level[at]).toBeGreaterThan(0);
  });
});
