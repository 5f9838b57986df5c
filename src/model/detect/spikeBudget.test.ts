import dailySpike from '../../../tests/fixtures/detect/daily_spike.json';
import type { RegularSeries } from '../series';
import { runBacktest } from './backtest';
import { DEFAULT_DETECTOR_CONFIG } from './config';
import { createSpikeTally, spikesAreRoutine } from './spikeBudget';
import { HOUR_MS } from '../timeUnits';

// Fixture: tests/fixtures/detect/generate.py (hourly daily sine, N(0, 0.3²) noise, a +6 spike at 2024-01-10 12:00).
const EVENT = (Date.UTC(2024, 0, 10, 12) - dailySpike.startMs) / dailySpike.stepMs;

describe('spikesAreRoutine', () => {
  it('should call the next spike routine once the span before it holds the budget of spikes', () => {
    const spikes = [1, 0, 1, 1, 0, 0];
    expect(spikesAreRoutine(createSpikeTally(6), spikes, 6, 3)).toBe(true);
    expect(spikesAreRoutine(createSpikeTally(6), spikes, 6, 4)).toBe(false);
    // Only the span before i counts: the spike at 0 has left a span of 5.
    expect(spikesAreRoutine(createSpikeTally(5), spikes, 6, 3)).toBe(false);
    // A budget of 0 (replacement off) makes every spike routine.
    expect(spikesAreRoutine(createSpikeTally(6), [], 0, 0)).toBe(true);
  });

  it('should count, point by point, exactly the spikes of the span before each point', () => {
    const spikes = [1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 1, 0, 1];
    const tally = createSpikeTally(4);
    for (let i = 0; i <= spikes.length; i++) {
      const inSpan = spikes.slice(Math.max(0, i - 4), i).filter((s) => s > 0).length;
      expect([i, spikesAreRoutine(tally, spikes, i, 2)]).toEqual([i, inSpan >= 2]);
      expect(tally.count).toBe(inSpan);
    }
  });
});

describe('runBacktest with recurring spikes', () => {
  // Twelve spikes five hours apart, each 1.5 times the last so that every one beats the series' record and is a
  // spike verdict; the fixture's own spike is removed. The points between them are ordinary, so the consecutive
  // cap alone would replace all twelve.
  const sizes = Array.from({ length: 12 }, (_, k) => 6 * 1.5 ** k);
  const at = sizes.map((_, k) => EVENT + 5 * (k + 1));
  const build = (withSpikes: boolean): RegularSeries => {
    const values = dailySpike.values.slice();
    values[EVENT] = dailySpike.values[EVENT - 24];
    at.forEach((j, k) => (values[j] += withSpikes ? sizes[k] : 0));
    return { ...dailySpike, values, repairs: [] };
  };
  const spiky = runBacktest(build(true));
  const quiet = runBacktest(build(false));
  // How far the prediction after a spike moved: ~0 when the spike was replaced by its prediction (noise only,
  // under 0.1 here), the model's response to it when absorbed as observed.
  const moved = (j: number) => Math.abs(spiky.forecast[j + 1] - quiet.forecast[j + 1]);
  // The default maxReplace, 6 hours, is 6 points of the hourly fixture.
  const budget = 6;

  it('should replace the first maxReplace spikes of four days, then absorb the next as observed', () => {
    expect(DEFAULT_DETECTOR_CONFIG.maxReplace).toEqual({ ms: budget * HOUR_MS });
    expect(at.slice(0, budget).every((j) => spiky.level[j] > 0)).toBe(true);
    for (const j of at.slice(0, budget)) {
      expect(moved(j)).toBeLessThan(0.5);
    }
    expect(moved(at[budget])).toBeGreaterThan(10);
  });
});
