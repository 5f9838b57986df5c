/**
 * Detector case (issue 4): a causal backtest of 10,000 five-minute points (~35 days) with the default
 * configuration: hourly aggregation, daily refits on a trailing 28 days, filtering between refits.
 * Target: ≤ 10 s on one core. No peer runs the same walk-forward detector, so there are none.
 */

import { runBacktest } from '../../src/model/detect/backtest';
import { simulateSeasonal } from '../../src/model/testing/random';
import type { BenchCase } from '../types';

const FIVE_MINUTES_MS = 300_000;

/** Level 100, daily sine of amplitude 20, AR(1) noise φ = 0.8, plus a spike and a level shift. */
function input() {
  const y = simulateSeasonal(10_000, { seed: 4, period: 288, amplitude: 20, phi: 0.8, level: 100 });
  y[6000] += 40;
  for (let i = 8000; i < y.length; i++) {
    y[i] += 15;
  }
  return { y };
}

export const cases: BenchCase[] = [
  {
    name: 'backtest-10k-5min',
    description: 'causal backtest of 10,000 five-minute points, default detector (hourly, daily refits)',
    targetMs: 10_000,
    reps: { full: 3, quick: 1 },
    input,
    ours: (data) => {
      const d = runBacktest({ startMs: 0, stepMs: FIVE_MINUTES_MS, values: data.y, repairs: [] });
      return `${d.refits} refits, ${d.anomaly.filter((a) => a > 0).length} alerts`;
    },
    peers: {
      arima: { unavailable: 'no walk-forward detector' },
      r: { unavailable: 'no walk-forward detector' },
      statsmodels: { unavailable: 'no walk-forward detector' },
    },
  },
];
