import fiveMinute from '../../../tests/fixtures/detect/five_minute.json';
import dailyShift from '../../../tests/fixtures/detect/daily_shift.json';
import dailySpike from '../../../tests/fixtures/detect/daily_spike.json';
import fadingSpikes from '../../../tests/fixtures/detect/fading_spikes.json';
import type { RegularSeries } from '../series';
import { runBacktest, runDetector } from './backtest';
import { DEFAULT_DETECTOR_CONFIG } from './config';
import { anomalyWindows } from './windows';
import { DAY_MS, HOUR_MS } from '../timeUnits';

// Fixtures: tests/fixtures/detect/generate.py (daily sine, N(0, 0.3²) noise, events at 2024-01-10 12:00).
const EVENT_MS = Date.UTC(2024, 0, 10, 12);

function series(fixture: { startMs: number; stepMs: number; values: number[] }): RegularSeries {
  return { ...fixture, values: fixture.values.slice(), repairs: [] };
}

const flaggedTimes = (d: ReturnType<typeof runBacktest>) => d.timesMs.filter((_, i) => d.anomaly[i] > 0);

describe('runBacktest', () => {
  it('should flag the spike, and only the spike, above the forecast', () => {
    const d = runBacktest(series(dailySpike));
    expect(flaggedTimes(d)).toEqual([EVENT_MS]);
    const i = d.timesMs.indexOf(EVENT_MS);
    // The spike is +6 on noise of σ 0.3: 20σ, far above the threshold of 4 whatever the MAD's noise.
    expect(d.score[i]).toBeGreaterThan(10);
    expect(d.anomaly[i]).toBe(2);
    // The window spans the excursion: the hour after the spike still lies just above the band expected before
    // it (9.34 > 9.29), so the window ends an hour later; one alert, at the spike.
    expect(anomalyWindows(d)).toEqual([
      expect.objectContaining({
        startMs: EVENT_MS,
        endMs: EVENT_MS + HOUR_MS,
        alertMs: EVENT_MS,
        peakMs: EVENT_MS,
        direction: 'above',
        level: 2,
      }),
    ]);
  });

  it('should not let the spike widen the band or shift the forecast a day later', () => {
    const d = runBacktest(series(dailySpike));
    const at = (t: number) => d.timesMs.indexOf(t);
    const width = (i: number) => d.bands[0].upper[i] - d.bands[0].lower[i];
    const before = at(EVENT_MS - 24 * HOUR_MS);
    const after = at(EVENT_MS + 24 * HOUR_MS);
    // The spike was absorbed as its prediction, so the next refit sees no outlier: the band width stays
    // within 25% (refits on one more day of noise move it a little) and the forecast within 3 noise σ.
    expect(width(after) / width(before)).toBeLessThan(1.25);
    expect(Math.abs(d.forecast[after] - d.values[after])).toBeLessThan(0.9);
  });

  it('should flag a level shift once at its onset and follow the new level after the next refit', () => {
    const d = runBacktest(series(dailyShift));
    expect(flaggedTimes(d)).toEqual([EVENT_MS]);
    // Two days later (two refits on data containing the shift) the one-step forecast is back to the noise
    // level: within 3σ = 0.9 of the observation on average over a day.
    const from = d.timesMs.indexOf(EVENT_MS + 48 * HOUR_MS);
    let sumAbs = 0;
    for (let i = from; i < from + 24; i++) {
      sumAbs += Math.abs(d.values[i] - d.forecast[i]);
    }
    expect(sumAbs / 24).toBeLessThan(0.9);
  });

  it('should be causal: results up to t do not change when later data is added', () => {
    const full = runBacktest(series(dailySpike));
    const cut = full.timesMs.indexOf(EVENT_MS) + 1;
    const prefix = runBacktest({ ...series(dailySpike), values: dailySpike.values.slice(0, cut) });
    expect(prefix.anomaly).toEqual(full.anomaly.slice(0, cut));
    expect(prefix.forecast).toEqual(full.forecast.slice(0, cut));
    expect(prefix.score).toEqual(full.score.slice(0, cut));
  });

  it('should leave predictions empty during warm-up and count refits', () => {
    const d = runBacktest(series(dailySpike));
    // minTrain 3 days = 72 hourly points; refits daily from point 72 to 335: 11 fits.
    expect(d.forecast.slice(0, 72).every(Number.isNaN)).toBe(true);
    expect(Number.isFinite(d.forecast[72])).toBe(true);
    expect(d.refits).toBe(11);
  });

  it('should model 5-minute data on hourly buckets labelled by completion time, and score every 5-minute point', () => {
    const run = runDetector(series(fiveMinute), DEFAULT_DETECTOR_CONFIG);
    const m = run.modelDetection;
    // Buckets (t − 1h, t]: the first complete bucket ends at 01:00 (slots 00:05..01:00; 00:00 alone is
    // less than half a bucket and NaN). Slot 12 of the input (01:00) completes it.
    expect(m.timesMs[1]).toBe(fiveMinute.startMs + HOUR_MS);
    expect(m.timesMs[1] - m.timesMs[0]).toBe(HOUR_MS);
    expect(m.inputIndex[1]).toBe(12);
    // The detection itself has one row per input point, at the input's own step.
    const d = run.detection;
    expect(d.timesMs).toHaveLength(fiveMinute.values.length);
    expect(d.timesMs[1] - d.timesMs[0]).toBe(5 * 60_000);
    expect(flaggedTimes(d)).toEqual([]);
  });

  it("should calibrate the sustained test by the series' own largest moving sums", () => {
    // Two 4-hour bumps three days apart (past the hold-off) on the spike fixture: +2.5 on 2024-01-05 (scores
    // 5–7, flagged at once), then +1.35 on 2024-01-08 (scores about 3, under the point threshold 4, whose moving
    // sum passes sustainScore 5 but stays under the first bump's). The calibrated detector does not page again
    // for the weaker repeat; without calibration (window 0) it does.
    const bumped = series(dailySpike);
    const bump = (fromMs: number, height: number) => {
      const i = (fromMs - bumped.startMs) / HOUR_MS;
      for (let k = i; k < i + 4; k++) {
        bumped.values[k] += height;
      }
    };
    const first = Date.UTC(2024, 0, 5, 6);
    const second = Date.UTC(2024, 0, 8, 6);
    bump(first, 2.5);
    bump(second, 1.35);
    const inSecond = (t: number) => t >= second && t < second + 4 * HOUR_MS;
    const calibrated = flaggedTimes(runBacktest(bumped));
    expect(calibrated.filter((t) => t >= first && t < first + 4 * HOUR_MS)).toHaveLength(1);
    expect(calibrated.filter(inSecond)).toEqual([]);
    const plain = flaggedTimes(runBacktest(bumped, { ...DEFAULT_DETECTOR_CONFIG, recordWindow: { points: 0 } }));
    expect(plain.filter(inSecond)).toHaveLength(1);
  });

  it('should hold back a smaller spike nine days after a larger one, not once the larger has faded', () => {
    // fading_spikes.json: spikes of |z| 15.2 (01-08), 11.5 (01-17, nine days later) and 12.9 (01-27, ten days after
    // that). The plain week-long record has forgotten 15.2 by 01-17 and pages all three; a 21-day window still holds
    // 15.2 on 01-27 and misses the third; the fading record weighs 15.2 at 1 − 2/14 on 01-17 (13.0 > 11.5 × 1.025)
    // and at 0.14 on 01-27, where the nearer 11.5 weighs 0.79 (9.0 < 12.9 / 1.025).
    const [first, second, third] = [Date.UTC(2024, 0, 8, 12), Date.UTC(2024, 0, 17, 12), Date.UTC(2024, 0, 27, 12)];
    const flagged = (change: Partial<typeof DEFAULT_DETECTOR_CONFIG>) =>
      flaggedTimes(runBacktest(series(fadingSpikes), { ...DEFAULT_DETECTOR_CONFIG, ...change }));
    expect(flagged({})).toEqual([first, third]);
    expect(flagged({ recordFade: { ms: 0 } })).toEqual([first, second, third]);
    expect(flagged({ recordWindow: { ms: 21 * DAY_MS }, recordFade: { ms: 0 } })).toEqual([first]);
  });

  it('should flag every anomalous point when not onset-only', () => {
    const config = { ...DEFAULT_DETECTOR_CONFIG, rules: { ...DEFAULT_DETECTOR_CONFIG.rules, onsetOnly: false } };
    const d = runBacktest(series(dailyShift), config);
    // The shift stays anomalous until the model follows it: several consecutive flags from the onset.
    const flagged = flaggedTimes(d);
    expect(flagged[0]).toBe(EVENT_MS);
    expect(flagged.length).toBeGreaterThan(1);
    expect(flagged[1]).toBe(EVENT_MS + HOUR_MS);
  });
});
