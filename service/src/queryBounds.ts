/**
 * Bounds on the time parameters of `/api/v1/query` and `/api/v1/query_range`, as Prometheus applies them
 * (web/api/v1 `parseTime`, `parseDuration`, the 11,000-points rule), plus one bound Prometheus 2.42 lacks:
 * timestamps outside the ECMAScript time range (±8.64e15 ms) are refused. Past it, `start + i·step` can no
 * longer tell neighbouring grid points apart (1e17 s + 1 ms == 1e17 s in a double), which once made a range
 * query loop until the process ran out of memory; Prometheus itself silently wraps such times around.
 */
import { MAX_POINTS_PER_QUERY } from '../../src/contract/constants';
import { parseDurationOrSecondsMs, parseTimeMs } from './duration';

/** Prometheus's cap on points per series in a range query. */
export const MAX_RANGE_POINTS = MAX_POINTS_PER_QUERY;

/** Largest |timestamp| in ms a query may name: the ECMAScript time value range (ECMA-262 §21.4.1.1). */
export const MAX_ABS_TIME_MS = 8.64e15;

/** Prometheus keeps durations in int64 nanoseconds; a step past this overflows there. */
const MAX_STEP_MS = Number.MAX_SAFE_INTEGER / 1e6;

/** A query parameter is missing or out of bounds; answered as Prometheus's `bad_data` with 400. */
export class BadQueryParameterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadQueryParameterError';
  }
}

/**
 * Parses a timestamp parameter (RFC 3339 or float Unix seconds) to Unix ms. `fallbackMs` makes it optional,
 * as `time` is on instant queries; Prometheus words the two cases differently.
 */
export function parseTimeParamMs(name: string, text: string | undefined, fallbackMs?: number): number {
  if (text === undefined || text === '') {
    if (fallbackMs === undefined) {
      throw new BadQueryParameterError(`invalid parameter "${name}": cannot parse "" to a valid timestamp`);
    }
    return fallbackMs;
  }
  const ms = parseTimeMs(text);
  if (ms === null) {
    const prefix = fallbackMs === undefined ? '' : `Invalid time value for '${name}': `;
    throw new BadQueryParameterError(
      `invalid parameter "${name}": ${prefix}cannot parse "${text}" to a valid timestamp`
    );
  }
  if (Math.abs(ms) > MAX_ABS_TIME_MS) {
    throw new BadQueryParameterError(
      `invalid parameter "${name}": timestamp ${text} is out of range: must be within ±${MAX_ABS_TIME_MS / 1000} ` +
        `Unix seconds (year −271821 to 275760)`
    );
  }
  return ms;
}

/** A validated range-query grid: `points` evaluation times `startMs + i·stepMs`. */
export interface RangeGrid {
  startMs: number;
  stepMs: number;
  points: number;
}

/** Validates start/end/step as Prometheus does (same messages) and returns the evaluation grid. */
export function parseRangeGrid(params: { start?: string; end?: string; step?: string }): RangeGrid {
  const startMs = parseTimeParamMs('start', params.start);
  const endMs = parseTimeParamMs('end', params.end);
  if (endMs < startMs) {
    throw new BadQueryParameterError('invalid parameter "end": end timestamp must not be before start time');
  }
  const stepText = params.step ?? '';
  const stepMs = parseDurationOrSecondsMs(stepText);
  if (stepMs === null) {
    throw new BadQueryParameterError(`invalid parameter "step": cannot parse "${stepText}" to a valid duration`);
  }
  if (stepMs > MAX_STEP_MS) {
    throw new BadQueryParameterError(
      `invalid parameter "step": cannot parse "${stepText}" to a valid duration. It overflows int64`
    );
  }
  if (!(stepMs > 0)) {
    throw new BadQueryParameterError(
      'invalid parameter "step": zero or negative query resolution step widths are not accepted. Try a positive integer'
    );
  }
  // Prometheus divides durations as integers: (end − start) / step steps, plus the start point.
  const steps = Math.floor((endMs - startMs) / stepMs);
  if (steps > MAX_RANGE_POINTS) {
    throw new BadQueryParameterError(
      'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)'
    );
  }
  return { startMs, stepMs, points: steps + 1 };
}

/** The evaluation times of a grid, computed by index so that rounding can never stall the walk. */
export function gridTimesMs(grid: RangeGrid): number[] {
  return Array.from({ length: grid.points }, (_, i) => grid.startMs + i * grid.stepMs);
}
