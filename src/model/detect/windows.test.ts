import type { Detection } from './types';
import { anomalyWindows } from './windows';

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
        level: 1,
        expectedLower: 8,
        expectedUpper: 12,
        forecast: 10,
        observed: 3,
      },
    ]);
  });

  it('should skip runs without an alert', () => {
    const d = detection([1, 1, 0], [0, 0, 0], [5, 5, 0]);
    expect(anomalyWindows(d)).toEqual([]);
  });
});
