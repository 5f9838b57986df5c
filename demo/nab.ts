/**
 * A real series for the demo: NAB's nyc_taxi (30-minute NYC taxi passenger counts, 2014-07 … 2015-01) from
 * `../shared/nab`, time-shifted so a chosen window ends at the demo's "now". The window ends two days after the
 * January 2015 blizzard (a labelled anomaly), so the dip is in the demo's visible range. Lavin & Ahmad, "Evaluating
 * Real-time Anomaly Detection Algorithms – the Numenta Anomaly Benchmark", 2015; data under NAB's AGPL licence,
 * read in place, not copied into this repository.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DemoSeries } from './data';

const FILE = 'data/realKnownCause/nyc_taxi.csv';

/**
 * Where `../shared/nab` is from the repository root: beside the checkout, or beside the folder of git worktrees
 * (`<dir>/wt/<name>`), as the NAB tests look for it; the first that exists.
 */
export const NAB_DIR =
  [
    path.resolve(__dirname, '..', '..', 'shared', 'nab'),
    path.resolve(__dirname, '..', '..', '..', 'shared', 'nab'),
  ].find((dir) => fs.existsSync(path.join(dir, FILE))) ?? path.resolve(__dirname, '..', '..', 'shared', 'nab');

/** The real metric's name in Prometheus. */
export const NAB_METRIC = 'tidemark_demo_nyc_taxi_passengers';

/** Sample interval of nyc_taxi. */
export const NAB_STEP_MS = 30 * 60_000;
/** Original timestamp the shifted window ends at: 2015-01-29 00:00 UTC, after the 26–27 January blizzard. */
const WINDOW_END_MS = Date.UTC(2015, 0, 29);

/**
 * Days of nyc_taxi the demo backfills at least (whatever the synthetic series' length): the nyc_taxi preset runs the
 * default settings, whose 28-day training window before the 3 visible days the data source fetches (from the hour
 * at or before), so 31 days and a day's margin.
 */
export const NAB_REPLAY_MIN_DAYS = 32;

/** Shift from the original timestamps for a window ending at `endMs`: a whole number of 30-minute steps. */
export function nabShiftMs(endMs: number): number {
  return endMs - (endMs % NAB_STEP_MS) - WINDOW_END_MS;
}

/** The whole file as (original time, value) pairs; NAB timestamps are naive, read as UTC. */
function readCsv(file: string): { timesMs: number[]; values: number[] } {
  const timesMs: number[] = [];
  const values: number[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n').slice(1)) {
    const [stamp, value] = line.split(',');
    if (stamp && value !== undefined) {
      timesMs.push(Date.parse(`${stamp.replace(' ', 'T')}Z`));
      values.push(Number(value));
    }
  }
  return { timesMs, values };
}

/** A loaded real series: the backfill window plus what the live exporter replays after it. */
export interface NabReplay {
  /** The window of `days` days ending at (about) `endMs`, timestamps shifted. */
  history: DemoSeries;
  /** Shift added to the original timestamps (a whole number of 30-minute steps, so the grid stays aligned). */
  shiftMs: number;
  /** The value for the 30-minute slot containing `timeMs` (shifted time), continuing past the window; or null. */
  valueAt: (timeMs: number) => number | null;
}

/**
 * Loads nyc_taxi shifted so that its window of `days` days ends at the last 30-minute boundary ≤ `endMs`.
 * Returns null when `../shared/nab` (or the file) is absent, so the demo continues with the synthetic series.
 */
export function loadNabReplay({ endMs, days, dir = NAB_DIR }: { endMs: number; days: number; dir?: string }) {
  const file = path.join(dir, FILE);
  if (!fs.existsSync(file)) {
    return null;
  }
  const all = readCsv(file);
  const shiftMs = nabShiftMs(endMs);
  const fromMs = WINDOW_END_MS - days * 86_400_000;
  const history: DemoSeries = {
    name: NAB_METRIC,
    labels: { source: 'nab', series: 'nyc_taxi' },
    timesMs: [],
    values: [],
  };
  all.timesMs.forEach((t, i) => {
    if (t > fromMs && t <= WINDOW_END_MS) {
      history.timesMs.push(t + shiftMs);
      history.values.push(all.values[i]);
    }
  });
  const byTime = new Map(all.timesMs.map((t, i) => [t, all.values[i]]));
  const valueAt = (timeMs: number) => {
    const original = timeMs - shiftMs;
    return byTime.get(original - (original % NAB_STEP_MS)) ?? null;
  };
  return { history, shiftMs, valueAt } satisfies NabReplay;
}
