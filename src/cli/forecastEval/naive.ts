/**
 * Seasonal naive benchmark with the intervals of R `forecast::snaive`: ŷ_{n+h} = the last value at the same
 * phase, se_h = σ·√(⌊(h − 1)/m⌋ + 1) with σ² the mean squared seasonal difference of the training data.
 */
import { normalQuantile } from '../../model/sarima/normal';
import type { IntervalForecast } from './metrics';

/** Seasonal naive forecast of `horizon` steps at `levelPct`; a phase with no present value uses the last value. */
export function seasonalNaive(train: number[], period: number, horizon: number, levelPct: number): IntervalForecast {
  const n = train.length;
  const m = n > period ? period : 1;
  let squares = 0;
  let count = 0;
  for (let t = m; t < n; t++) {
    const e = train[t] - train[t - m];
    if (Number.isFinite(e)) {
      squares += e * e;
      count++;
    }
  }
  const sigma = Math.sqrt(count > 0 ? squares / count : NaN);
  const lastPresent = [...train].reverse().find(Number.isFinite) ?? NaN;
  const z = normalQuantile(0.5 + levelPct / 200);
  const mean: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  for (let h = 1; h <= horizon; h++) {
    let t = n + h - 1 - m * (Math.floor((h - 1) / m) + 1);
    while (t >= 0 && !Number.isFinite(train[t])) {
      t -= m;
    }
    const f = t >= 0 ? train[t] : lastPresent;
    const se = sigma * Math.sqrt(Math.floor((h - 1) / m) + 1);
    mean.push(f);
    lower.push(f - z * se);
    upper.push(f + z * se);
  }
  return { mean, lower, upper };
}
