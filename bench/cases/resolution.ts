/**
 * Native-resolution cases (issue 13 item 4): one series analysed by the pipeline (`analyzeSeries`: orders, causal
 * walk with daily refits, forecast) with output at its own step, as the CLI backtest and the companion service run
 * it; and the data source's mixed grid (28 days: hourly history, the last day at 1 minute). Target: ≤ 300 ms per
 * series. No peer has a causal detector with output at the native step; the `-hourly` baselines analyse the same
 * data as hourly means (the grid every step used before issue 13), for the same-run ratio fine/hourly.
 */
import { analyzeSeries } from '../../src/model/pipeline/analyze';
import { DEFAULT_MODEL_SETTINGS } from '../../src/model/pipeline/settings';
import type { SeriesInput } from '../../src/model/pipeline/types';
import { seededNormal } from '../../src/model/sarima/simulate';
import type { BenchCase, BenchInput } from '../types';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../src/contract/constants';

/** A whole day, so every grid is aligned to the epoch like Prometheus' steps. */
const END_MS = 20_000 * DAY_MS;
const NO_PEER = { unavailable: 'no causal detector with output at the native step' };

/** Level 100, daily sine of amplitude 20, optional weekly one of 10 (weekends lower), unit white noise. */
function seasonal(days: number, stepMs: number, weeklyAmplitude: number, seed: number): BenchInput {
  const normal = seededNormal(seed);
  const n = (days * DAY_MS) / stepMs;
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = END_MS - (n - 1 - i) * stepMs;
    const daily = 20 * Math.sin((2 * Math.PI * (t % DAY_MS)) / DAY_MS);
    const weekly = weeklyAmplitude * Math.cos((2 * Math.PI * (t % (7 * DAY_MS))) / (7 * DAY_MS));
    y.push(100 + daily + weekly + normal());
  }
  // One 10-minute spike of +8 noise sd near the end: the case the issue is about.
  const spikeAt = n - Math.round((3 * HOUR_MS) / stepMs);
  for (let i = spikeAt; i < spikeAt + Math.max(1, Math.round((10 * MINUTE_MS) / stepMs)); i++) {
    y[i] += 8;
  }
  return { y };
}

function input(y: number[], stepMs: number): SeriesInput {
  const timesMs = y.map((_, i) => END_MS - (y.length - 1 - i) * stepMs);
  return { key: 'bench', labels: {}, timesMs, values: y, stepMs };
}

/** The same data as hourly means (the pre-issue-13 grid), for the same-run ratio. */
function hourly(y: number[], stepMs: number): SeriesInput {
  const per = HOUR_MS / stepMs;
  const means: number[] = [];
  for (let i = 0; i + per <= y.length; i += per) {
    means.push(y.slice(i, i + per).reduce((a, b) => a + b, 0) / per);
  }
  return input(means, HOUR_MS);
}

/** Mixed grid as the data source fetches it: hourly samples, then the last day at `stepMs`. */
function mixed(y: number[], stepMs: number): SeriesInput {
  const full = input(y, stepMs);
  const untilMs = END_MS - DAY_MS;
  const keep = full.timesMs.map((t) => t >= untilMs || (END_MS - t) % HOUR_MS === 0);
  return {
    ...full,
    timesMs: full.timesMs.filter((_, i) => keep[i]),
    values: full.values.filter((_, i) => keep[i]),
    coarse: { stepMs: HOUR_MS, untilMs },
  };
}

function analyse(series: SeriesInput): string {
  const { analysis } = analyzeSeries(series, DEFAULT_MODEL_SETTINGS);
  const flagged = analysis.points.anomaly.filter((a) => a > 0).length;
  return `${analysis.points.horizonStart} rows, ${flagged} flagged, m=${analysis.model.seasonalPeriod}`;
}

/** How a case hands its data to the pipeline: at its own step, as hourly means, or as the data source's mixed grid. */
type Grid = 'native' | 'hourly' | 'mixed';

const GRID_INPUT: Record<Grid, (y: number[], stepMs: number) => SeriesInput> = {
  native: input,
  hourly,
  mixed,
};

/**
 * One case: `days` of seasonal data at `stepMs` (weekly amplitude `weekly`), analysed on `grid`. The hourly grid is
 * a baseline (no target; for the same-run ratio fine/hourly) named after the native case it belongs to.
 */
function resolutionCase(c: {
  name: string;
  description: string;
  grid: Grid;
  days: number;
  stepMs: number;
  weekly: number;
  seed: number;
}): BenchCase {
  const baseline = c.grid === 'hourly';
  return {
    name: baseline ? `${c.name}-hourly` : c.name,
    description: baseline
      ? `baseline of ${c.name}: the same data as hourly means (${c.days * 24} rows)`
      : c.description,
    targetMs: baseline ? null : 300,
    reps: { full: 5, quick: 2 },
    input: () => seasonal(c.days, c.stepMs, c.weekly, c.seed),
    ours: (data) => analyse(GRID_INPUT[c.grid](data.y, c.stepMs)),
    peers: { arima: NO_PEER, r: NO_PEER, statsmodels: NO_PEER },
  };
}

const NATIVE_1MIN = {
  name: 'native-14d-1min',
  description: '14 days of 1-minute data, daily season: analysis + output at 1 minute (20,160 rows)',
  days: 14,
  stepMs: MINUTE_MS,
  weekly: 0,
  seed: 11,
};
const NATIVE_5MIN_WEEKLY = {
  name: 'native-28d-5min-weekly',
  description: '28 days of 5-minute data, daily + weekly seasons: analysis + output at 5 minutes (8,064 rows)',
  days: 28,
  stepMs: 5 * MINUTE_MS,
  weekly: 10,
  seed: 12,
};

export const cases: BenchCase[] = [
  resolutionCase({ ...NATIVE_1MIN, grid: 'native' }),
  resolutionCase({ ...NATIVE_5MIN_WEEKLY, grid: 'native' }),
  resolutionCase({
    name: 'mixed-28d-1min',
    description: "data source's mixed grid: 27 days hourly + the last day at 1 minute, output at 1 minute",
    grid: 'mixed',
    days: 28,
    stepMs: MINUTE_MS,
    weekly: 0,
    seed: 13,
  }),
  resolutionCase({ ...NATIVE_1MIN, grid: 'hourly' }),
  resolutionCase({ ...NATIVE_5MIN_WEEKLY, grid: 'hourly' }),
];
