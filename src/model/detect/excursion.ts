/**
 * How long an anomaly lasts, for windows and annotations (issue 12 must-have 4). The walk follows a lasting
 * deviation after `maxReplace` (it must, or a level shift would alarm forever), so "outside the band" of the
 * one-step prediction ends long before the anomaly does: nyc_taxi near 0 for 16 hours is inside its own
 * one-step band after 6. An excursion therefore compares the data with the band the model expected *before*
 * the anomaly began: the forecast from the filter state just before its onset, at the weak level, up to one
 * day (or one season) ahead, with the forecast's own widening uncertainty. The excursion lasts while the data
 * stays outside that band on the onset's side; it only extends windows and never raises alerts.
 */
import { cloneState, forecastSarima, type FilterState, type SarimaModel } from '../sarima';

/** An excursion in progress: the reference band from its onset on. */
export interface Excursion {
  onset: number;
  /** +1 above, −1 below. */
  sign: number;
  lower: number[];
  upper: number[];
}

/**
 * Start an excursion at model slot `onset` from the state before it (not modified), `horizon` slots long
 * (at least 1), at band level `levelPct`.
 */
export function startExcursion(
  model: SarimaModel,
  stateBefore: FilterState,
  onset: number,
  sign: number,
  horizon: number,
  levelPct: number
): Excursion {
  const f = forecastSarima(model, cloneState(stateBefore), Math.max(1, horizon), [levelPct]);
  return { onset, sign, lower: f.intervals[0].lower, upper: f.intervals[0].upper };
}

/** True while y at slot i (≥ onset) lies outside the reference band on the onset's side (NaN: not outside). */
export function continuesExcursion(x: Excursion, i: number, y: number): boolean {
  const h = i - x.onset;
  if (h < 0 || h >= x.lower.length || !Number.isFinite(y)) {
    return false;
  }
  return x.sign > 0 ? y > x.upper[h] : y < x.lower[h];
}
