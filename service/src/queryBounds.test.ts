import { BadQueryParameterError, gridTimesMs, MAX_RANGE_POINTS, parseRangeGrid, parseTimeParamMs } from './queryBounds';

describe('parseRangeGrid', () => {
  it('should count points as Prometheus does: integer steps plus the start', () => {
    expect(parseRangeGrid({ start: '0', end: '10', step: '3' })).toEqual({ startMs: 0, stepMs: 3000, points: 4 });
    expect(parseRangeGrid({ start: '0', end: String(MAX_RANGE_POINTS), step: '1' }).points).toBe(MAX_RANGE_POINTS + 1);
  });

  it.each([
    [{ start: '1e17', end: '1e17', step: '0.001' }, 'invalid parameter "start": timestamp 1e17 is out of range'],
    [{ start: '0', end: '-9e15', step: '1' }, 'invalid parameter "end": timestamp -9e15 is out of range'],
    [{ start: 'NaN', end: '1', step: '1' }, 'invalid parameter "start": cannot parse "NaN" to a valid timestamp'],
    [{ start: '0', end: 'Inf', step: '1' }, 'invalid parameter "end": cannot parse "Inf" to a valid timestamp'],
    [{ start: '2', end: '1', step: '1' }, 'end timestamp must not be before start time'],
    [{ start: '0', end: '1', step: '0' }, 'zero or negative query resolution step widths are not accepted'],
    [{ start: '0', end: '1', step: '-5' }, 'zero or negative query resolution step widths are not accepted'],
    [{ start: '0', end: '1', step: '0.0001' }, 'zero or negative query resolution step widths are not accepted'],
    [{ start: '0', end: '1', step: 'NaN' }, 'invalid parameter "step": cannot parse "NaN" to a valid duration'],
    [{ start: '0', end: '1', step: '1e30' }, 'It overflows int64'],
    [{ start: '0', end: '11001', step: '1' }, 'exceeded maximum resolution of 11,000 points per timeseries'],
    [{ start: '', end: '1', step: '1' }, 'invalid parameter "start": cannot parse "" to a valid timestamp'],
  ])('should reject %j with a named error', (params, message) => {
    expect(() => parseRangeGrid(params)).toThrow(BadQueryParameterError);
    expect(() => parseRangeGrid(params)).toThrow(message);
  });

  it('should compute grid times by index, distinct even at the edge of the time range', () => {
    const grid = parseRangeGrid({ start: '8640000000000', end: '8640000000000', step: '0.001' });
    expect(gridTimesMs(grid)).toEqual([8.64e15]);
    expect(gridTimesMs({ startMs: 8.64e15 - 2, stepMs: 1, points: 3 })).toEqual([8.64e15 - 2, 8.64e15 - 1, 8.64e15]);
  });
});

describe('parseTimeParamMs', () => {
  it('should fall back when optional and reject out-of-range times', () => {
    expect(parseTimeParamMs('time', undefined, 5)).toBe(5);
    expect(parseTimeParamMs('time', '2024-01-01T00:00:00Z')).toBe(Date.UTC(2024, 0, 1));
    expect(() => parseTimeParamMs('time', '1e17', 5)).toThrow(
      'invalid parameter "time": timestamp 1e17 is out of range'
    );
    expect(() => parseTimeParamMs('time', 'Inf', 5)).toThrow(
      `invalid parameter "time": Invalid time value for 'time': cannot parse "Inf" to a valid timestamp`
    );
  });
});
