import { InvalidSeriesError } from '../errors';
import { modelGrid, modelStepOf, prepareInput } from './mixedGrid';
import type { SeriesInput } from './types';
import { HOUR_MS, MINUTE_MS } from '../timeUnits';

/** A whole hour, so hourly buckets end on the epoch grid. */
const T0 = 1_000 * HOUR_MS;

/** 6 hourly samples (values 0..5), then 2 hours of minute samples (value 100 + minute) from T0 + 6h. */
function mixedInput(phaseMs = 0): SeriesInput {
  const timesMs: number[] = [];
  const values: Array<number | null> = [];
  for (let h = 0; h < 6; h++) {
    timesMs.push(T0 + phaseMs + h * HOUR_MS);
    values.push(h);
  }
  for (let m = 0; m <= 120; m++) {
    timesMs.push(T0 + phaseMs + 6 * HOUR_MS + m * MINUTE_MS);
    values.push(100 + m);
  }
  return {
    key: 'x',
    labels: {},
    timesMs,
    values,
    stepMs: MINUTE_MS,
    coarse: { stepMs: HOUR_MS, untilMs: T0 + phaseMs + 6 * HOUR_MS },
  };
}

describe('prepareInput', () => {
  it('should split a mixed grid into the coarse history and the fine part, each on its own step', () => {
    const prepared = prepareInput(mixedInput());
    expect(prepared.history).toMatchObject({ startMs: T0, stepMs: HOUR_MS, values: [0, 1, 2, 3, 4, 5] });
    expect(prepared.fine.startMs).toBe(T0 + 6 * HOUR_MS);
    expect(prepared.fine.stepMs).toBe(MINUTE_MS);
    expect(prepared.fine.values).toHaveLength(121);
  });

  it('should put an input without a coarse part on one grid', () => {
    const { coarse: _coarse, ...plain } = mixedInput();
    const prepared = prepareInput({ ...plain, timesMs: plain.timesMs.slice(6), values: plain.values.slice(6) });
    expect(prepared.history).toBeUndefined();
    expect(prepared.fine.values).toHaveLength(121);
  });

  it('should reject a coarse step that is not a whole multiple of the step, naming both', () => {
    const input = { ...mixedInput(), coarse: { stepMs: 90_000, untilMs: T0 } };
    expect(() => prepareInput(input)).toThrow(InvalidSeriesError);
    expect(() => prepareInput(input)).toThrow(
      'coarse step 90000 ms must be a whole multiple (≥ 2) of the step 60000 ms'
    );
  });
});

describe('modelGrid', () => {
  it('should continue the hourly history with hourly means of the fine part, labelled by their end', () => {
    const { series, endIndex } = modelGrid(prepareInput(mixedInput()), HOUR_MS);
    expect(series.stepMs).toBe(HOUR_MS);
    expect(series.startMs).toBe(T0);
    // Slot 6 (T0 + 6h) is the bucket (T0 + 5h, T0 + 6h]: only its last minute is fine data, too few for a mean.
    expect(series.values.slice(0, 6)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(series.values[6]).toBeNaN();
    // Slot 7 ends at T0 + 7h: minutes 1..60, mean 100 + 30.5.
    expect(series.values[7]).toBeCloseTo(130.5, 10);
    expect(series.values[8]).toBeCloseTo(190.5, 10);
    expect(endIndex.slice(5)).toEqual([-1, 0, 60, 120]);
  });

  it("should keep the history's phase when the coarse grid is offset from the epoch (a dashboard time zone)", () => {
    const phaseMs = 30 * MINUTE_MS;
    const { series } = modelGrid(prepareInput(mixedInput(phaseMs)), HOUR_MS);
    expect(series.startMs).toBe(T0 + phaseMs);
    expect(series.values.slice(0, 6)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(series.values[7]).toBeCloseTo(130.5, 10);
  });
});

describe('modelStepOf', () => {
  it.each([
    ['a mixed grid: its coarse step', { stepMs: MINUTE_MS, coarse: { stepMs: HOUR_MS, untilMs: 0 } }, HOUR_MS],
    ['1-minute data: hourly buckets (a daily season of 24 steps)', { stepMs: MINUTE_MS }, HOUR_MS],
    ['hourly data: unchanged', { stepMs: HOUR_MS }, HOUR_MS],
  ])('should give %s', (_case, input, stepMs) => {
    expect(modelStepOf(input)).toBe(stepMs);
  });
});
