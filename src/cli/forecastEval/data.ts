/**
 * Data of the forecast evaluation: the real (`real*` groups) NAB series of one or more NAB-format folders,
 * each averaged to an hourly grid (UTC hours; an hour without samples is missing), and the rolling origins.
 */
import { loadNab } from '../nabData';
import { HOUR_MS } from '../../contract/constants';

/** One hourly series of the evaluation. */
export interface HourlySeries {
  /** NAB key, e.g. "realKnownCause/nyc_taxi.csv". */
  name: string;
  /** Hourly means, NaN where an hour has no sample. */
  values: number[];
  /** Start of the first hour (ms since epoch, UTC). */
  startMs: number;
}

/** One forecast task: train on `train`, forecast `actual.length` steps. */
export interface ForecastTask {
  name: string;
  origin: number;
  train: number[];
  actual: number[];
}

/** Real series of every folder in `dirs` (a file present in several folders is read once), hourly. */
export function loadHourlySeries(dirs: string[]): HourlySeries[] {
  const byName = new Map<string, HourlySeries>();
  for (const dir of dirs) {
    for (const file of loadNab(dir)) {
      if (file.name.startsWith('real') && !byName.has(file.name)) {
        byName.set(file.name, { name: file.name, ...hourlyMeans(file.timesMs, file.values) });
      }
    }
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Means of the finite samples of each UTC hour from the first sample's hour to the last one's. */
export function hourlyMeans(timesMs: number[], values: number[]): { values: number[]; startMs: number } {
  const startMs = Math.floor(Math.min(...timesMs) / HOUR_MS) * HOUR_MS;
  const hours = Math.floor((Math.max(...timesMs) - startMs) / HOUR_MS) + 1;
  const sum = new Float64Array(hours);
  const count = new Float64Array(hours);
  timesMs.forEach((t, i) => {
    if (Number.isFinite(values[i])) {
      const h = Math.floor((t - startMs) / HOUR_MS);
      sum[h] += values[i];
      count[h]++;
    }
  });
  return { values: Array.from(sum, (s, h) => (count[h] > 0 ? s / count[h] : NaN)), startMs };
}

/** Options of {@link rollingTasks}. */
export interface OriginOptions {
  horizon: number;
  origins: number;
  /** Longest training window in steps (the most recent points before the origin). */
  maxTrain: number;
  /** Shortest training window; series too short for it get fewer origins (none when even one fails). */
  minTrain: number;
}

/**
 * Rolling origins at the end of the series, `horizon` steps apart so the test windows tile the last
 * origins·horizon steps without overlap.
 */
export function rollingTasks(series: HourlySeries, options: OriginOptions): ForecastTask[] {
  const n = series.values.length;
  const tasks: ForecastTask[] = [];
  for (let i = options.origins; i >= 1; i--) {
    const origin = n - i * options.horizon;
    if (origin < options.minTrain) {
      continue;
    }
    tasks.push({
      name: series.name,
      origin,
      train: series.values.slice(Math.max(0, origin - options.maxTrain), origin),
      actual: series.values.slice(origin, origin + options.horizon),
    });
  }
  return tasks;
}
