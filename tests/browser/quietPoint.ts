/**
 * Picks the point where the demo checks look at the bands: one whose column shows nothing but the series' own
 * bands. Chosen from the data, not from a fixed offset, because what lies where in the visible range moves with
 * the time of day the history ends at.
 */
import { HOUR_MS } from '../../src/contract/constants';

/** The parts of a demo series the choice needs (see DemoHarness in demoPage.ts). */
export interface QuietPointSeries {
  times: number[];
  flags: Array<number | null>;
  windows: number[][];
  /** First forecast-horizon time; null (after JSON) or absent when there is none. */
  horizonStartMs: number | null;
  /**
   * Outermost lower band per point. Where it is at or below 0 the bands of a count series are floored there and
   * the strong band no longer shows below the weak one, so such points are not quiet for the band check.
   */
  strongLower?: Array<number | null>;
}

/** Points kept clear of flags on each side: a marker disc is ~10 px wide, a step is ~4 px on the demo panel. */
const CLEAR_POINTS = 10;

/**
 * Index of the middle of the longest run of quiet points: observed history (the forecast horizon is shaded),
 * after `fromMs`, at least an hour outside every anomaly window (windows are shaded too), with no flag within
 * ±10 points and its strong lower band above 0 (not floored). -1 when there is none.
 */
export function quietPointIndex(series: QuietPointSeries, fromMs: number): number {
  const horizonMs = series.horizonStartMs ?? Number.POSITIVE_INFINITY;
  const inWindow = (t: number) => series.windows.some(([from, to]) => t >= from - HOUR_MS && t <= to + HOUR_MS);
  const quiet = series.times.map(
    (t, i) =>
      i >= CLEAR_POINTS &&
      t > fromMs &&
      t < horizonMs - HOUR_MS &&
      !inWindow(t) &&
      !((series.strongLower?.[i] ?? Number.POSITIVE_INFINITY) <= 0) &&
      series.flags.slice(i - CLEAR_POINTS, i + CLEAR_POINTS + 1).every((v) => !v)
  );
  let best = { start: -1, length: 0 };
  let start = -1;
  quiet.forEach((q, i) => {
    start = q ? (start < 0 ? i : start) : -1;
    if (q && i - start + 1 > best.length) {
      best = { start, length: i - start + 1 };
    }
  });
  return best.start < 0 ? -1 : best.start + Math.floor(best.length / 2);
}
