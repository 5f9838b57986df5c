import { InvalidSeriesError } from './errors';
import { checkMagnitude, countNonFinite, describeNonFinite, MAX_ABS_VALUE, parseSampleValue } from './seriesValues';

describe('parseSampleValue', () => {
  it.each([
    ['1.5', 1.5],
    [' -2 ', -2],
    ['1.5e+09', 1.5e9],
    ['2E-3', 0.002],
    ['.5', 0.5],
    ['+Inf', Infinity],
    ['-Inf', -Infinity],
    ['inf', Infinity],
    ['Infinity', Infinity],
    ['NaN', NaN],
    ['', NaN],
    ['NA', NaN],
    ['null', NaN],
  ])('should read %j as %p', (text, expected) => {
    expect(parseSampleValue(text)).toBe(expected);
  });

  it.each(['abc', '1,5', '0x10', '1e', '--1', '12:00'])('should not read %j as a number', (text) => {
    expect(parseSampleValue(text)).toBeUndefined();
  });
});

describe('countNonFinite / describeNonFinite', () => {
  it('should count each kind and name the first', () => {
    const counts = countNonFinite([1, NaN, Infinity, 2, -Infinity, Infinity]);
    expect(counts).toEqual({ nan: 1, positiveInfinity: 2, negativeInfinity: 1, total: 4, first: 1 });
    expect(describeNonFinite(counts, 'T')).toBe(
      '4 non-finite value(s) treated as missing (1 NaN or empty, 2 +Inf, 1 -Inf; first at T)'
    );
  });
});

describe('checkMagnitude', () => {
  it('should accept values up to the limit and reject larger ones naming the largest', () => {
    expect(() => checkMagnitude([-MAX_ABS_VALUE, MAX_ABS_VALUE, NaN], String)).not.toThrow();
    expect(() => checkMagnitude([1, -1e200, 1e160], (i) => `index ${i}`)).toThrow(
      new InvalidSeriesError(
        'value -1e+200 at index 1 is too large: |values| must be ≤ 1e+150 because squares of larger values ' +
          'overflow double precision; rescale the series (e.g. divide by 1e197)'
      )
    );
  });
});
