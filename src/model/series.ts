/**
 * Input preparation: puts timestamped samples on a regular grid and reports every repair it applied, so the
 * CLI and the UI can show them. Pure data in, pure data out.
 *
 * Rules, in the order they are applied (each repair is reported with its count):
 * 1. Non-finite timestamps are errors naming the index. Non-finite values (NaN, +Inf, -Inf) mean "missing"
 *    ('missingValues', counted by kind: `seriesValues.ts`) and become NaN; |values| above `MAX_ABS_VALUE`
 *    are an error naming the value (their squares overflow).
 * 2. Unsorted timestamps are repaired by a stable sort ('sorted').
 * 3. Duplicate timestamps keep the last sample in input order ('duplicates'), as the NAB data needs (a
 *    re-sent sample supersedes the first one).
 * 4. The step is `options.stepMs`, else the median spacing between consecutive distinct timestamps, rounded
 *    to whole seconds when ≥ 1 s (scrape intervals are whole seconds; this absorbs jitter) and to whole ms
 *    below. The median ignores gaps (larger spacings) while fewer than half of the spacings are irregular.
 * 5. The grid starts at the first timestamp. Each sample goes to the nearest slot ('snapped' counts samples
 *    that moved). When two samples land in one slot ('collisions'), a finite value beats NaN, then the
 *    sample nearer the slot wins, then the later one.
 * 6. Slots without a sample are NaN ('gaps'); the Kalman filter skips them.
 * 7. Fewer than `minPoints` finite values is an InsufficientDataError; a constant series is a
 *    ConstantSeriesError unless `allowConstant`.
 */
import { ConstantSeriesError, InsufficientDataError, InvalidSeriesError } from './errors';
import { checkMagnitude, countNonFinite, describeNonFinite } from './seriesValues';

/** One repair applied by {@link prepareSeries}. */
export interface SeriesRepair {
  kind: 'sorted' | 'duplicates' | 'snapped' | 'collisions' | 'gaps' | 'missingValues';
  /** Samples affected (slots, for 'gaps'). */
  count: number;
  /** One line naming the numbers and the first affected timestamp, ready to show. */
  message: string;
}

/** A series on a regular time grid: `values[i]` is the sample at `startMs + i·stepMs`; NaN = missing. */
export interface RegularSeries {
  startMs: number;
  stepMs: number;
  values: number[];
  repairs: SeriesRepair[];
}

/** Options of {@link prepareSeries}. */
export interface PrepareOptions {
  /** Grid step in ms; inferred as the median spacing when absent. */
  stepMs?: number;
  /** Minimum number of finite values. Default 3. */
  minPoints?: number;
  /** Largest grid accepted, to catch a step far too small for the span. Default 1,000,000 slots. */
  maxSlots?: number;
  /** Accept a series whose finite values are all equal. Default false (ConstantSeriesError). */
  allowConstant?: boolean;
}

const DEFAULT_MIN_POINTS = 3;
const DEFAULT_MAX_SLOTS = 1_000_000;

/** ISO 8601 form of a timestamp for messages; falls back to the number when out of Date's range. */
export function formatTimeMs(timeMs: number): string {
  const date = new Date(timeMs);
  return Number.isNaN(date.getTime()) ? String(timeMs) : date.toISOString();
}

/**
 * Puts samples on a regular grid (rules in the module comment). Implements the regularisation R's `ts()`
 * and statsmodels' `asfreq` expect of their input, with the repairs made explicit.
 *
 * @param timesMs sample times in ms since the epoch, any order
 * @param values sample values, same length; NaN = missing
 * @throws InvalidSeriesError, InsufficientDataError, ConstantSeriesError with the numbers involved
 */
export function prepareSeries(
  timesMs: ArrayLike<number>,
  values: ArrayLike<number>,
  options: PrepareOptions = {}
): RegularSeries {
  validateInput(timesMs, values);
  const repairs: SeriesRepair[] = [];
  const missing = countNonFinite(values);
  if (missing.total > 0) {
    const message = describeNonFinite(missing, formatTimeMs(timesMs[missing.first]));
    repairs.push({ kind: 'missingValues', count: missing.total, message });
  }
  const finiteOrNaN = Array.from(values, (v) => (Number.isFinite(v) ? v : NaN));
  checkMagnitude(finiteOrNaN, (i) => `index ${i} (${formatTimeMs(timesMs[i])})`);
  const sorted = sortStable(timesMs, finiteOrNaN, repairs);
  const unique = dropDuplicates(sorted.timesMs, sorted.values, repairs);
  const stepMs = options.stepMs ?? inferStepMs(unique.timesMs);
  if (!Number.isFinite(stepMs) || stepMs <= 0) {
    throw new InvalidSeriesError(`step must be a positive number of ms, got ${stepMs}`);
  }
  const grid = snapToGrid(unique.timesMs, unique.values, stepMs, options.maxSlots ?? DEFAULT_MAX_SLOTS, repairs);
  checkUsable(grid, options);
  return { startMs: unique.timesMs[0], stepMs, values: grid, repairs };
}

/**
 * Grid step of sorted, distinct timestamps: the median of consecutive spacings, rounded to whole seconds when
 * ≥ 1 s and to whole ms below.
 * @throws InsufficientDataError with fewer than 2 distinct timestamps
 */
export function inferStepMs(sortedTimesMs: ArrayLike<number>): number {
  if (sortedTimesMs.length < 2) {
    throw new InsufficientDataError(`need ≥ 2 distinct timestamps to infer the step, got ${sortedTimesMs.length}`);
  }
  const spacings: number[] = [];
  for (let i = 1; i < sortedTimesMs.length; i++) {
    spacings.push(sortedTimesMs[i] - sortedTimesMs[i - 1]);
  }
  spacings.sort((a, b) => a - b);
  const mid = spacings.length >> 1;
  const median = spacings.length % 2 === 1 ? spacings[mid] : (spacings[mid - 1] + spacings[mid]) / 2;
  return median >= 1000 ? Math.round(median / 1000) * 1000 : Math.max(1, Math.round(median));
}

/** Times of `count` grid slots starting at slot `fromIndex` (e.g. `values.length` for forecast times). */
export function gridTimesMs(series: Pick<RegularSeries, 'startMs' | 'stepMs'>, fromIndex: number, count: number) {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    out.push(series.startMs + (fromIndex + i) * series.stepMs);
  }
  return out;
}

function validateInput(timesMs: ArrayLike<number>, values: ArrayLike<number>): void {
  if (timesMs.length !== values.length) {
    throw new InvalidSeriesError(`got ${timesMs.length} timestamps but ${values.length} values`);
  }
  for (let i = 0; i < timesMs.length; i++) {
    if (!Number.isFinite(timesMs[i])) {
      throw new InvalidSeriesError(`timestamp at index ${i} is not finite (${timesMs[i]})`);
    }
  }
}

/** Sample times and their values, index by index (`V` = number | null where a value may be missing). */
export interface Samples<V = number> {
  timesMs: number[];
  values: V[];
}

function sortStable(timesMs: ArrayLike<number>, values: ArrayLike<number>, repairs: SeriesRepair[]): Samples {
  let outOfOrder = 0;
  let firstBad = -1;
  for (let i = 1; i < timesMs.length; i++) {
    if (timesMs[i] < timesMs[i - 1]) {
      outOfOrder++;
      firstBad = firstBad < 0 ? i : firstBad;
    }
  }
  const index = Array.from({ length: timesMs.length }, (_, i) => i);
  if (outOfOrder > 0) {
    // Array.prototype.sort is stable (ES2019), so equal timestamps keep their input order for rule 3.
    index.sort((a, b) => timesMs[a] - timesMs[b]);
    repairs.push({
      kind: 'sorted',
      count: outOfOrder,
      message: `sorted timestamps: ${outOfOrder} sample(s) were out of order (first at index ${firstBad}, ${formatTimeMs(timesMs[firstBad])})`,
    });
  }
  return { timesMs: index.map((i) => timesMs[i]), values: index.map((i) => values[i]) };
}

function dropDuplicates(timesMs: number[], values: number[], repairs: SeriesRepair[]): Samples {
  const out: Samples = { timesMs: [], values: [] };
  let dropped = 0;
  let firstTime = 0;
  for (let i = 0; i < timesMs.length; i++) {
    const last = out.timesMs.length - 1;
    if (last >= 0 && out.timesMs[last] === timesMs[i]) {
      out.values[last] = values[i];
      firstTime = dropped === 0 ? timesMs[i] : firstTime;
      dropped++;
    } else {
      out.timesMs.push(timesMs[i]);
      out.values.push(values[i]);
    }
  }
  if (dropped > 0) {
    repairs.push({
      kind: 'duplicates',
      count: dropped,
      message: `kept the last of each duplicate timestamp: dropped ${dropped} sample(s) (first at ${formatTimeMs(firstTime)})`,
    });
  }
  return out;
}

function snapToGrid(
  timesMs: number[],
  values: number[],
  stepMs: number,
  maxSlots: number,
  repairs: SeriesRepair[]
): number[] {
  const startMs = timesMs[0];
  const slots = Math.round((timesMs[timesMs.length - 1] - startMs) / stepMs) + 1;
  if (slots > maxSlots) {
    throw new InvalidSeriesError(
      `step ${stepMs} ms over a span of ${timesMs[timesMs.length - 1] - startMs} ms gives ${slots} slots, more than ${maxSlots}`
    );
  }
  const grid = new Array<number>(slots).fill(NaN);
  const offsetMs = new Array<number>(slots).fill(Infinity);
  const filled = new Array<boolean>(slots).fill(false);
  let snapped = 0;
  let maxOffsetMs = 0;
  let collisions = 0;
  let firstCollision = 0;
  for (let i = 0; i < timesMs.length; i++) {
    const slot = Math.round((timesMs[i] - startMs) / stepMs);
    const offset = Math.abs(timesMs[i] - (startMs + slot * stepMs));
    if (offset > 0) {
      snapped++;
      maxOffsetMs = Math.max(maxOffsetMs, offset);
    }
    if (filled[slot]) {
      firstCollision = collisions === 0 ? timesMs[i] : firstCollision;
      collisions++;
      if (!winsSlot(values[i], offset, grid[slot], offsetMs[slot])) {
        continue;
      }
    }
    grid[slot] = values[i];
    offsetMs[slot] = offset;
    filled[slot] = true;
  }
  if (snapped > 0) {
    repairs.push({
      kind: 'snapped',
      count: snapped,
      message: `moved ${snapped} sample(s) by up to ${maxOffsetMs} ms onto the ${stepMs} ms grid`,
    });
  }
  if (collisions > 0) {
    repairs.push({
      kind: 'collisions',
      count: collisions,
      message: `${collisions} sample(s) shared a grid slot with another; kept the nearest (first at ${formatTimeMs(firstCollision)})`,
    });
  }
  reportGaps(filled, startMs, stepMs, repairs);
  return grid;
}

/** Rule 5: finite beats NaN, then nearer the slot, then later (the challenger, since input is sorted). */
function winsSlot(value: number, offset: number, heldValue: number, heldOffset: number): boolean {
  if (Number.isNaN(value) !== Number.isNaN(heldValue)) {
    return !Number.isNaN(value);
  }
  return offset <= heldOffset;
}

function reportGaps(filled: boolean[], startMs: number, stepMs: number, repairs: SeriesRepair[]): void {
  let count = 0;
  let longest = 0;
  let run = 0;
  let first = -1;
  for (let i = 0; i < filled.length; i++) {
    if (filled[i]) {
      run = 0;
      continue;
    }
    count++;
    run++;
    longest = Math.max(longest, run);
    first = first < 0 ? i : first;
  }
  if (count > 0) {
    repairs.push({
      kind: 'gaps',
      count,
      message: `${count} empty grid slot(s) set to missing, longest run ${longest} (first at ${formatTimeMs(startMs + first * stepMs)})`,
    });
  }
}

function checkUsable(values: number[], options: PrepareOptions): void {
  const minPoints = options.minPoints ?? DEFAULT_MIN_POINTS;
  let finite = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!Number.isNaN(v)) {
      finite++;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
  }
  if (finite < minPoints) {
    throw new InsufficientDataError(`need ≥ ${minPoints} non-missing points, got ${finite}`);
  }
  if (min === max && !options.allowConstant) {
    throw new ConstantSeriesError(`all ${finite} non-missing values equal ${min}; a constant series has no model`);
  }
}
