import { join } from 'node:path';

import type { Detection } from '../model/detect/types';
import { HOUR_MS } from '../model/timeUnits';
import { formatDetectionCsv } from './backtest';
import { runCli } from './run';
import { captureIo } from './testIo';

const fixture = (name: string) => join(__dirname, '../../tests/fixtures/detect', name);

async function backtest(...args: string[]) {
  const io = captureIo();
  const code = await runCli(['backtest', ...args], io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

describe('backtest command', () => {
  it('should write the documented CSV with empty fields during warm-up and one flag at the spike', async () => {
    const { code, out, err } = await backtest('--input', fixture('daily_spike.csv'));
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe('timestamp,value,forecast,lower,upper,anomaly,score');
    // 14 days hourly = 336 rows; the first 72 (3-day warm-up) have no prediction.
    expect(lines).toHaveLength(337);
    expect(lines[1]).toBe('2024-01-01 00:00:00,9.956773,,,,0,');
    const flagged = lines.slice(1).filter((line) => line.split(',')[5] !== '0');
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toMatch(/^2024-01-10 12:00:00,16\.\d+,/);
    const [, value, forecast, lower, upper, anomaly] = flagged[0].split(',').map(Number);
    expect(anomaly).toBe(2);
    expect(value).toBeGreaterThan(upper);
    expect(lower).toBeLessThan(forecast);
  });

  it('should write one row per 1-minute input point and flag a 10-minute +8σ spike in its second minute', async () => {
    // Issue 13: the detector scores at the input's own step (no hourly rows), so the spike's own minutes are flagged.
    // Its first minute scores 5.00, just under the fine threshold for 60 points a bucket (5.05 at minScore 4.2); the
    // second scores 6.1.
    const { code, out, err } = await backtest('--input', fixture('minute_spike.csv'));
    expect(err).toBe('');
    expect(code).toBe(0);
    const rows = out.trim().split('\n').slice(1);
    expect(rows).toHaveLength(5 * 24 * 60);
    const flagged = rows.filter((line) => line.split(',')[5] !== '0');
    expect(flagged.map((line) => line.split(',')[0])).toEqual(['2024-01-04 12:01:00']);
  });

  it('should accept detector options', async () => {
    // Without onset-only, refits every 12 points and a 5-day warm-up: still the one spike, fewer rows predicted.
    const { code, out } = await backtest(
      '--input',
      fixture('daily_spike.csv'),
      '--all-points',
      '--refit-every',
      '12',
      '--min-train=5d'
    );
    expect(code).toBe(0);
    const rows = out.trim().split('\n').slice(1);
    expect(rows.filter((line) => line.split(',')[2] !== '')).toHaveLength(336 - 120);
  });

  it('should reject a missing --input and unknown options as usage errors (exit 2)', async () => {
    expect((await backtest()).code).toBe(2);
    const { code, err } = await backtest('--input', fixture('daily_spike.csv'), '--colour', 'red');
    expect(code).toBe(2);
    expect(err).toContain('unknown option --colour');
  });

  it('should exit 1 naming the path when the input cannot be read', async () => {
    const { code, err } = await backtest('--input', fixture('missing.csv'));
    expect(code).toBe(1);
    expect(err).toContain('missing.csv');
  });
});

describe('formatDetectionCsv', () => {
  /** Three hourly points: warm-up, then a drop whose weak band reaches below 0 (lower −40, upper −2). */
  const detection = (values: number[]): Detection => ({
    timesMs: [0, HOUR_MS, 2 * HOUR_MS],
    values,
    forecast: [NaN, 30, -10],
    bands: [
      { levelPct: 95, lower: [NaN, -40, -18], upper: [NaN, 100, -2] },
      { levelPct: 99, lower: [NaN, -60, -25], upper: [NaN, 120, 5] },
    ],
    score: [NaN, -1.5, 4.5],
    level: [0, 0, 2],
    extent: [0, 0, 1],
    anomaly: [0, 0, 2],
    inputIndex: [0, 1, 2],
    refits: 1,
  });
  const rows = (csv: string) => csv.trim().split('\n').slice(1);

  it('should write the forecast and weak band of a count series floored at 0, the score and flag as detected', () => {
    const d = detection([12, 0, 3]);
    expect(rows(formatDetectionCsv(d, 'unix'))).toEqual(['0,12,,,,0,', '3600,0,30,0,100,0,-1.5', '7200,3,0,0,0,2,4.5']);
    expect(d.bands[0].lower).toEqual([NaN, -40, -18]);
  });

  it('should write the band of a series with negative values as detected', () => {
    expect(rows(formatDetectionCsv(detection([12, -1, 3]), 'unix'))).toEqual([
      '0,12,,,,0,',
      '3600,-1,30,-40,100,0,-1.5',
      '7200,3,-10,-18,-2,2,4.5',
    ]);
  });
});
