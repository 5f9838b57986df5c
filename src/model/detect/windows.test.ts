import { seededNormal } from '../sarima/simulate';
import { runBacktest } from './backtest';
import { DEFAULT_DETECTOR_CONFIG, type Direction } from './config';
import type { Detection } from './types';
import { anomalyWindows } from './windows';
import { HOUR_MS } from '../timeUnits';

function detection(level: number[], anomaly: number[], score: number[]): Detection {
  const n = level.length;
  const times = Array.from({ length: n }, (_, i) => 1000 * i);
  const values = score.map((s) => 10 + s);
  return {
    timesMs: times,
    values,
    forecast: times.map(() => 10),
    bands: [{ levelPct: 95, lower: times.map(() => 8), upper: times.map(() => 12) }],
    score,
    level,
    extent: level.map(() => 0),
    anomaly,
    inputIndex: times.map((_, i) => i),
    refits: 1,
  };
}

describe('anomalyWindows', () => {
  it('should report start, end, alert, peak and expected range of each alerted run', () => {
    const d = detection([0, 1, 2, 1, 0, 1, 0], [0, 1, 0, 0, 0, 0, 0], [0, 3, -7, 4, 0, 3, 0]);
    expect(anomalyWindows(d)).toEqual([
      {
        startMs: 1000,
        endMs: 3000,
        alertMs: 1000,
        peakMs: 2000,
        peakScore: -7,
        direction: 'below',
        kind: 'deviation',
        level: 1,
        expectedLower: 8,
        expectedUpper: 12,
        forecast: 10,
        observed: 3,
      },
    ]);
  });

  it('should call a run with an activity-stopped alert a silence, on the side of its pause, with its pause', () => {
    // The pause's extent (slots 1–4) around a forecast's alert (slot 1) and the silence alert (slot 2); the idle
    // value sits above the forecast at the peak.
    const d = detection([0, 1, 0, 0, 0, 0], [0, 1, 1, 0, 0, 0], [0, -2, 0.5, 3, 0.5, 0]);
    d.extent = [0, 1, 1, 1, 1, 0];
    const pause = {
      pauseMs: 12 * HOUR_MS,
      recordPauseMs: 7 * HOUR_MS,
      recordWindowMs: 14 * 24 * HOUR_MS,
      direction: 'below' as const,
    };
    d.silences = [{ index: 2, ...pause }];
    const [window] = anomalyWindows(d);
    expect(window).toMatchObject({ startMs: 1000, endMs: 4000, alertMs: 1000, peakScore: 3 });
    expect(window).toMatchObject({ kind: 'silence', direction: 'below', silence: pause });
    // Stopped dips of a busy series: the window is on the pause's side, above.
    d.silences = [{ index: 2, ...pause, direction: 'above' }];
    expect(anomalyWindows(d)[0]).toMatchObject({ kind: 'silence', direction: 'above' });
    // The same run without the silence alert is a deviation, on the side of its peak.
    expect(anomalyWindows({ ...d, silences: undefined })[0]).toMatchObject({ kind: 'deviation', direction: 'above' });
  });

  it('should skip runs without an alert', () => {
    const d = detection([1, 1, 0], [0, 0, 0], [5, 5, 0]);
    expect(anomalyWindows(d)).toEqual([]);
  });
});

describe('anomalyWindows over a long excursion (issue 12 must-have 4)', () => {
  it('should span 16 hours near zero, though the walk follows the data after maxReplace', () => {
    // Hourly daily cycle around 100 (amplitude 30, noise σ 2), then 16 hours at ~0 on day 7.
    const normal = seededNormal(3);
    const values = Array.from({ length: 24 * 9 }, (_, i) => 100 + 30 * Math.sin((2 * Math.PI * i) / 24) + 2 * normal());
    const at = 24 * 7 + 2;
    for (let k = at; k < at + 16; k++) {
      values[k] = Math.abs(normal());
    }
    const d = runBacktest({ startMs: 0, stepMs: HOUR_MS, values, repairs: [] });
    const windows = anomalyWindows(d);
    expect(windows).toHaveLength(1);
    expect(windows[0].startMs).toBe(at * HOUR_MS);
    // The last low hour is at + 15; the walk, which followed the low values, sees the return to normal as a
    // jump, so the run may last a few hours more (no new alert: one per run).
    expect(windows[0].endMs).toBeGreaterThanOrEqual((at + 15) * HOUR_MS);
    expect(windows[0].endMs).toBeLessThanOrEqual((at + 18) * HOUR_MS);
    expect(windows[0].direction).toBe('below');
    expect(d.anomaly.filter((a) => a > 0)).toHaveLength(1);
  });
});

describe('anomalyWindows and direction (issue 12 must-have 5)', () => {
  // Hourly daily cycle around 100 (amplitude 30, noise σ 2), a spike of +40 on day 6 and 16 hours near 0 on day 9
  // (three days apart: past the hold-off, so each is alerted when its direction is allowed).
  const normal = seededNormal(5);
  const values = Array.from({ length: 24 * 11 }, (_, i) => 100 + 30 * Math.sin((2 * Math.PI * i) / 24) + 2 * normal());
  const spikeAt = 24 * 6 + 5;
  values[spikeAt] += 40;
  const lowAt = 24 * 9 + 2;
  for (let k = lowAt; k < lowAt + 16; k++) {
    values[k] = Math.abs(normal());
  }
  const run = (direction: Direction) =>
    runBacktest({ startMs: 0, stepMs: HOUR_MS, values, repairs: [] }, { ...DEFAULT_DETECTOR_CONFIG, direction });
  const flagged = (d: Detection) => d.timesMs.filter((_, i) => d.anomaly[i] > 0);

  it('should flag and window both excursions by default', () => {
    const d = run('both');
    expect(flagged(d)).toEqual([spikeAt * HOUR_MS, lowAt * HOUR_MS]);
    expect(anomalyWindows(d).map((w) => [w.alertMs, w.direction])).toEqual([
      [spikeAt * HOUR_MS, 'above'],
      [lowAt * HOUR_MS, 'below'],
    ]);
  });

  it('should keep only the excursion above the expected range when direction is above', () => {
    const d = run('above');
    expect(flagged(d)).toEqual([spikeAt * HOUR_MS]);
    expect(anomalyWindows(d).map((w) => w.direction)).toEqual(['above']);
  });

  it('should keep only the excursion below the expected range when direction is below', () => {
    const d = run('below');
    expect(flagged(d)).toEqual([lowAt * HOUR_MS]);
    expect(anomalyWindows(d).map((w) => w.direction)).toEqual(['below']);
  });
});
