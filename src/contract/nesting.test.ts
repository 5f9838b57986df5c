import { MAX_NESTING_DEPTH, nestingError } from './nesting';

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) {
    value = { a: value };
  }
  return value;
}

describe('nestingError', () => {
  it('should accept a fit request and values up to the depth limit', () => {
    const request = { series: [{ labels: { job: 'x' }, values: [1, null] }], settings: { order: { p: 1 } } };
    expect(nestingError(request)).toBeUndefined();
    expect(nestingError(nested(MAX_NESTING_DEPTH))).toBeUndefined();
  });

  it('should name the path of a value nested too deep, without overflowing at 100,000 levels', () => {
    expect(nestingError({ settings: nested(5000) })).toBe(
      `body/settings${'/a'.repeat(MAX_NESTING_DEPTH - 1)} is nested more than 16 levels deep (the fit protocol needs at most 8)`
    );
    expect(nestingError([nested(100_000)], 3, 'message')).toBe(
      'message/0/a/a is nested more than 3 levels deep (the fit protocol needs at most 8)'
    );
  });
});
