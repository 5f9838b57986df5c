import { InsufficientDataError, InvalidOrderError } from '../errors';
import { SarimaSpec } from '../types';
import { checkCompleteDifferences, checkLength, minimumLength, resolveSpec } from './validate';

function resolved(p: number, d: number, q: number, P = 0, D = 0, Q = 0, period = 1): Required<SarimaSpec> {
  return resolveSpec({ order: { p, d, q }, seasonal: { P, D, Q, period } });
}

describe('minimumLength', () => {
  // [label, spec, estimated coefficients, minimum]; exact integers, no tolerance.
  const cases: Array<[string, Required<SarimaSpec>, number, number]> = [
    ['AR(1) with a mean: AICc bound n.used ≥ 2 + 3', resolved(1, 0, 0), 2, 5],
    ['ARIMA(2,1,2): AICc bound 1 + 4 + 3', resolved(2, 1, 2), 4, 8],
    ['seasonal AR(1)[12] with a mean: CSS bound 12 + 1', resolved(0, 0, 0, 1, 0, 0, 12), 2, 13],
    [
      'seasonal MA(1)[12] with a mean: lag 12 spanned, 12 + 1 (issue-3 hostile input)',
      resolved(0, 0, 0, 0, 0, 1, 12),
      2,
      13,
    ],
    ['airline model [24]: 25 + (25 + 1) (issue-3 hostile input)', resolved(0, 1, 1, 0, 1, 1, 24), 2, 51],
    ['SARIMA(1,1,1)(1,1,1)[24]: 25 + (25 + 1)', resolved(1, 1, 1, 1, 1, 1, 24), 4, 51],
    ['SARIMA(2,0,0)(2,0,0)[7]: 2 + 14 + 1', resolved(2, 0, 0, 2, 0, 0, 7), 5, 17],
  ];

  it.each(cases)('should return the minimum for %s', (_label, spec, nParams, expected) => {
    expect(minimumLength(spec, nParams)).toBe(expected);
  });
});

describe('checkLength', () => {
  const airline = resolved(0, 1, 1, 0, 1, 1, 24);

  it('should pass when exactly the minimum is present', () => {
    expect(() => checkLength(airline, 2, 51)).not.toThrow();
  });

  it('should name the minimum, its parts and the share missing when too few points are present (issue-3 hostile input)', () => {
    expect(() => checkLength(airline, 2, 34, 336)).toThrow(
      new InsufficientDataError(
        'need ≥ 51 points for SARIMA(0,1,1)(0,1,1)[24], got 34 non-missing of 336 (89.9 % missing): differencing ' +
          'consumes 25, and the differenced series needs ≥ 26 to span the longest lag (25) and estimate 2 coefficients'
      )
    );
  });
});

describe('checkCompleteDifferences', () => {
  const airline = resolved(0, 1, 1, 0, 1, 1, 24);

  it('should pass when enough differences are complete', () => {
    expect(() => checkCompleteDifferences(airline, 2, 2, 336, 3360)).not.toThrow();
  });

  it('should name the counts when too few differences are complete (issue-3 hostile input)', () => {
    expect(() => checkCompleteDifferences(airline, 0, 2, 336, 3360)).toThrow(
      new InsufficientDataError(
        'need ≥ 2 complete differences for SARIMA(0,1,1)(0,1,1)[24], got 0 (336 of 3360 values present, 90.0 % missing)'
      )
    );
  });
});

describe('resolveSpec', () => {
  it('should name a missing order or seasonal part with InvalidOrderError', () => {
    const noSeasonal = { order: { p: 1, d: 0, q: 0 } } as unknown as SarimaSpec;
    const noOrder = { seasonal: { P: 0, D: 0, Q: 0, period: 1 } } as unknown as SarimaSpec;
    expect(() => resolveSpec(noSeasonal)).toThrow(InvalidOrderError);
    expect(() => resolveSpec(noSeasonal)).toThrow('spec.seasonal is missing (got undefined)');
    expect(() => resolveSpec(noOrder)).toThrow('spec.order is missing (got undefined)');
    expect(() => resolveSpec(null as unknown as SarimaSpec)).toThrow(InvalidOrderError);
  });
});
