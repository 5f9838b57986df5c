/**
 * Input preparation of the pipeline for the mixed grid of `SeriesInput.coarse`: a long training window on the
 * model's coarse grid followed by a recent part on the finer output grid (what a data source fetches to stay within
 * Prometheus' 11,000 points per query). Each part is regularised on its own grid (`prepareSeries`); the model grid
 * is the coarse part followed by the fine part averaged into buckets of the coarse step.
 */
import { aggregateSeries } from '../detect/aggregate';
import { InvalidSeriesError } from '../errors';
import { prepareSeries, type RegularSeries, type SeriesRepair } from '../series';
import { bucketFor } from './settings';
import type { SeriesInput } from './types';

/** A prepared input: the output grid and, for a mixed grid, the coarse history before it. */
export interface PreparedInput {
  /** The input on its own step; for a mixed grid only the part from `coarse.untilMs` on. */
  fine: RegularSeries;
  /** Mixed grid only: the part before `coarse.untilMs`, on the coarse step; ends before `fine` starts. */
  history?: RegularSeries;
  /** Repairs of both parts, as `prepareSeries` reports them. */
  repairs: SeriesRepair[];
}

/**
 * Step of the grid the seasonal model of `input` is fitted on: the coarse step of a mixed grid, else the input's
 * step averaged into the buckets of `bucketFor` (hourly for finer data). Seasons and horizons
 * given as durations become steps of this grid.
 */
export function modelStepOf(input: Pick<SeriesInput, 'stepMs' | 'coarse'>): number {
  return input.coarse?.stepMs ?? (bucketFor(input.stepMs) || input.stepMs);
}

/**
 * Regularises `input` (rules of `prepareSeries`). A mixed grid is split at `coarse.untilMs` and each part put on its
 * own grid; a part with fewer than 2 samples joins the other part's grid instead (nothing left to split).
 * @throws InvalidSeriesError when the coarse step is not a whole multiple (≥ 2) of the fine step; the errors of
 *   `prepareSeries` otherwise
 */
export function prepareInput(input: SeriesInput): PreparedInput {
  const values = input.values.map((v) => (v === null ? NaN : v));
  const coarse = input.coarse;
  if (coarse === undefined) {
    const fine = prepareSeries(input.timesMs, values, { stepMs: input.stepMs });
    return { fine, repairs: fine.repairs };
  }
  const factor = coarse.stepMs / input.stepMs;
  if (!(Number.isInteger(factor) && factor >= 2)) {
    throw new InvalidSeriesError(
      `mixed grid: the coarse step ${coarse.stepMs} ms must be a whole multiple (≥ 2) of the step ${input.stepMs} ms`
    );
  }
  const split = input.timesMs.findIndex((t) => t >= coarse.untilMs);
  const cut = split < 0 ? input.timesMs.length : split;
  if (cut < 2 || input.timesMs.length - cut < 2) {
    const stepMs = cut < 2 ? input.stepMs : coarse.stepMs;
    const only = prepareSeries(input.timesMs, values, { stepMs });
    return { fine: only, repairs: only.repairs };
  }
  const history = prepareSeries(input.timesMs.slice(0, cut), values.slice(0, cut), {
    stepMs: coarse.stepMs,
    minPoints: 0,
    allowConstant: true,
  });
  const fine = prepareSeries(input.timesMs.slice(cut), values.slice(cut), {
    stepMs: input.stepMs,
    minPoints: 0,
    allowConstant: true,
  });
  return { fine, history, repairs: [...history.repairs, ...fine.repairs] };
}

/**
 * The model grid of a prepared input at step `modelStepMs`: the history (already on it), then the fine part averaged
 * into buckets of that step labelled by their completion time (`aggregateSeries`), with the buckets on the
 * history's phase (Grafana aligns coarse steps to the dashboard's time zone), gaps between the two parts NaN.
 * Without history, the fine part aggregated (or unchanged when `modelStepMs` is not coarser).
 * @returns the grid and, per grid slot, the index of the fine slot that completed it (-1 for history slots)
 */
export function modelGrid(prepared: PreparedInput, modelStepMs: number): { series: RegularSeries; endIndex: number[] } {
  const { history, fine } = prepared;
  if (!history || history.values.length === 0) {
    // The fine grid itself when no aggregation is needed (the detector then runs natively on it).
    const agg = aggregateSeries(fine, modelStepMs);
    return { series: agg.series, endIndex: agg.endIndex };
  }
  const phaseMs = mod(history.startMs, modelStepMs);
  const shifted = aggregateSeries({ ...fine, startMs: fine.startMs - phaseMs }, modelStepMs);
  const recent = { ...shifted.series, startMs: shifted.series.startMs + phaseMs };
  const firstSlot = Math.round((recent.startMs - history.startMs) / modelStepMs);
  const kept = Math.min(history.values.length, firstSlot);
  const gap = Math.max(0, firstSlot - kept);
  const values = [...history.values.slice(0, kept), ...new Array<number>(gap).fill(NaN), ...recent.values];
  const endIndex = [...new Array<number>(kept + gap).fill(-1), ...shifted.endIndex];
  return {
    series: { startMs: history.startMs, stepMs: modelStepMs, values, repairs: prepared.repairs },
    endIndex,
  };
}

const mod = (a: number, b: number) => ((a % b) + b) % b;
