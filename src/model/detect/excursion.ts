/**
 * How long an anomaly lasts, for windows and annotations (issue 12 must-have 4). The walk follows a lasting
 * deviation after `maxReplace` (it must, or a level shift would alarm forever), so "outside the band" of the
 * one-step prediction ends long before the anomaly does: nyc_taxi near 0 for 16 hours is inside its own
 * one-step band after 6. An excursion therefore compares the data with the band the model expected *before*
 * the anomaly began: the forecast from the filter state just before its onset, at the weak level, with the
 * forecast's own widening uncertainty (a counterfactual "had nothing happened", as in the intervention
 * analysis of Box & Tiao, "Intervention analysis with applications to economic and environmental problems",
 * JASA 70, 1975, where the effect of an event is the data minus the pre-event model's forecast).
 *
 * Where that band is too wide to tell (an additive model's band at a quiet hour: nyc_taxi's night band reaches
 * below 0, so 20 passengers instead of 1,500 lie inside it), the data neither confirms nor refutes the
 * excursion. Such points stay undecided while the data remains on the onset's side of the reference forecast:
 * they join the excursion when a later point is outside the band again. The excursion ends at the first point
 * on the other side of the forecast (the data is back where it was expected), after more than half the
 * reference of undecided points (the reference is one season: a quiet phase of the cycle, where the band says
 * nothing, is shorter than half of it, so data not outside the band again by then has ended its excursion), or
 * when the reference runs out (within a season the walk has re-learned the level: the new normal). A window thus
 * ends at the last point outside the band, and an ordinary spike keeps a short window. The extent only shapes
 * windows; it never raises alerts.
 */
import { cloneState, forecastSarima, type FilterState, type SarimaModel } from '../sarima';

/** An excursion in progress: the reference forecast and band from its onset on (index = slot − onset). */
export interface Excursion {
  onset: number;
  /** +1 above, −1 below. */
  sign: number;
  mean: number[];
  lower: number[];
  upper: number[];
  /** Slots since the last one outside the band, not yet decided (inside it, on the onset's side, or missing). */
  undecided: number[];
  /** Longest run of undecided slots that a later slot outside the band can still join: half the reference. */
  bridge: number;
}

/**
 * Start an excursion at model slot `onset` from the state before it (not modified), with a reference of
 * `horizon` slots (at least 1) at band level `levelPct`.
 */
export function startExcursion(
  model: SarimaModel,
  stateBefore: FilterState,
  onset: number,
  sign: number,
  horizon: number,
  levelPct: number
): Excursion {
  const { mean, intervals } = forecastSarima(model, cloneState(stateBefore), Math.max(1, horizon), [levelPct]);
  const bridge = Math.floor(mean.length / 2);
  return { onset, sign, mean, lower: intervals[0].lower, upper: intervals[0].upper, undecided: [], bridge };
}

/**
 * Follow excursion `x` to slot i (> onset) holding y (NaN = missing). A point outside the reference band on the
 * onset's side belongs to the excursion, and so do the undecided points before it: all are marked 1 in `extent`.
 * A point inside the band but on the onset's side of the reference forecast, or a missing point, is undecided.
 * Returns false when the excursion is over: y on the other side of the forecast, more than `bridge` undecided
 * points in a row, or past the reference.
 */
export function followExcursion(x: Excursion, i: number, y: number, extent: number[]): boolean {
  const h = i - x.onset;
  if (h < 0 || h >= x.mean.length) {
    return false;
  }
  if (!Number.isFinite(y)) {
    return undecided(x, i);
  }
  if (x.sign * (y - x.mean[h]) <= 0) {
    return false;
  }
  if (x.sign > 0 ? y <= x.upper[h] : y >= x.lower[h]) {
    return undecided(x, i);
  }
  for (const j of x.undecided) {
    extent[j] = 1;
  }
  x.undecided.length = 0;
  extent[i] = 1;
  return true;
}

/** Hold slot i as undecided; false when that makes the undecided run longer than the bridge. */
function undecided(x: Excursion, i: number): boolean {
  x.undecided.push(i);
  return x.undecided.length <= x.bridge;
}

/**
 * Copy a model-grid extent to the input grid: the fine slots (`slotsOf(i)`, first and last, inclusive) of every
 * model slot in an extent. Undecided slots join an excursion after their fine points were written, hence a pass
 * at the end of the walk; it only adds (a fine point flagged on its own keeps its mark).
 */
export function spreadExtent(
  modelExtent: number[],
  fineExtent: number[],
  slotsOf: (i: number) => [number, number]
): void {
  modelExtent.forEach((inExtent, i) => {
    if (inExtent !== 1) {
      return;
    }
    const [from, to] = slotsOf(i);
    for (let j = from; j <= to; j++) {
      fineExtent[j] = 1;
    }
  });
}
