/**
 * Bounds of the CLI's own inputs (the detector flags are bounded by the settings schema): sizes and counts of
 * `fit`/`auto` and of the CSV, so a typo cannot crash, hang or be silently rounded. Each check throws a
 * UsageError naming the option and the value.
 */
import type { RegularSeries } from '../model/series';
import { MAX_HORIZON_STEPS } from '../model/pipeline/settings';
import { UsageError } from './errors';
import type { CliIo } from './io';

/** Largest input accepted, in CSV rows (and grid slots: `prepareSeries`' default `maxSlots`). */
export const MAX_INPUT_POINTS = 1_000_000;

/** Largest forecast horizon in steps: the analysis pipeline's bound, also the settings schema's on backtest's lead. */
export { MAX_HORIZON_STEPS };

/**
 * Longest season in steps: a week at a one-minute step. The Kalman state grows with the season (its covariance
 * with its square), so a mistyped period must not reach the engine.
 */
export const MAX_SEASON_STEPS = 10_080;

/**
 * `fit` and `auto` estimate on at most the trailing this-many grid points: five weekly seasons at a 5-minute
 * step. Measured on this machine: auto took 15 s on 5,000 minute points, 56 s on 100,000 and over 100 s on
 * 1,000,000; a fixed-order fit took 98 s (1.3 GB) on 1,000,000.
 */
export const MAX_MODEL_POINTS = 10_000;

/**
 * A whole number from `min` to `max`, e.g. `--season 24` (`alternative` names a keyword the caller accepts too); fractions, exponents and signs are refused
 * rather than rounded (`--season 0.4` used to become 0).
 */
export function parseCount(text: string, name: string, min: number, max: number, alternative = ''): number {
  const expected = `--${name} must be ${alternative ? `${alternative} or ` : ''}a whole number from ${min} to ${max}`;
  const value = Number(text);
  if (!/^\s*\d+\s*$/.test(text)) {
    const kind = Number.isFinite(value) && !Number.isInteger(value) ? 'a fraction' : 'not a whole number';
    throw new UsageError(`${expected}, got "${text}" (${kind})`);
  }
  if (value < min || value > max) {
    throw new UsageError(`${expected}, got ${value}`);
  }
  return value;
}

/** A series cut to its trailing `maxPoints` grid slots, and how many leading slots were left out. */
export interface TrailingWindow {
  series: RegularSeries;
  skippedPoints: number;
}

/**
 * Keeps the trailing `maxPoints` slots of a long series for estimation and says so on stderr: recent data
 * matter most for a forecast, and the cost of `auto` grows with the length.
 */
export function trailingWindow(series: RegularSeries, io: CliIo, maxPoints = MAX_MODEL_POINTS): TrailingWindow {
  const skippedPoints = Math.max(0, series.values.length - maxPoints);
  if (skippedPoints === 0) {
    return { series, skippedPoints };
  }
  io.stderr(
    `note: fitting the last ${maxPoints} of ${series.values.length} points (the first ${skippedPoints} ` +
      `are left out to bound the run time; limit ${MAX_MODEL_POINTS})\n`
  );
  return {
    series: {
      ...series,
      startMs: series.startMs + skippedPoints * series.stepMs,
      values: series.values.slice(skippedPoints),
    },
    skippedPoints,
  };
}
