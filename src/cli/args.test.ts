import { UsageError } from './errors';
import { parseDurationMs, parseIntegers, parseLevels, parseOptions, parsePositiveInteger, requireString } from './args';

describe('parseOptions', () => {
  it('should read valued options in both forms and flags', () => {
    expect(
      parseOptions(['--input', 'a.csv', '--order=1,1,1', '--quiet'], {
        input: 'string',
        order: 'string',
        quiet: 'boolean',
      })
    ).toEqual({ input: 'a.csv', order: '1,1,1', quiet: true });
  });

  it('should reject unknown options and positionals as usage errors', () => {
    expect(() => parseOptions(['--bogus'], { input: 'string' })).toThrow(UsageError);
    expect(() => parseOptions(['file.csv'], { input: 'string' })).toThrow(UsageError);
  });
});

describe('requireString', () => {
  it('should name a missing option', () => {
    expect(() => requireString({}, 'input')).toThrow('missing required option --input');
  });
});

describe('parseIntegers', () => {
  it('should read exactly the expected count', () => {
    expect(parseIntegers('1, 0,2', 3, 'order', 'p,d,q')).toEqual([1, 0, 2]);
    expect(() => parseIntegers('1,1', 3, 'order', 'p,d,q')).toThrow(
      '--order must be 3 non-negative integers p,d,q, got "1,1"'
    );
    expect(() => parseIntegers('1,-1,1', 3, 'order', 'p,d,q')).toThrow(UsageError);
  });
});

describe('parsePositiveInteger', () => {
  it('should reject zero and non-integers', () => {
    expect(parsePositiveInteger('12', 'horizon')).toBe(12);
    expect(() => parsePositiveInteger('0', 'horizon')).toThrow(UsageError);
    expect(() => parsePositiveInteger('1.5', 'horizon')).toThrow(UsageError);
  });
});

describe('parseLevels', () => {
  it('should accept levels strictly inside (0, 100)', () => {
    expect(parseLevels('80,95')).toEqual([80, 95]);
    expect(() => parseLevels('80,100')).toThrow(UsageError);
    expect(() => parseLevels('abc')).toThrow(UsageError);
  });
});

describe('parseDurationMs', () => {
  it('should read plain seconds and unit suffixes', () => {
    expect(parseDurationMs('300', 'step')).toBe(300_000);
    expect(parseDurationMs('5m', 'step')).toBe(300_000);
    expect(parseDurationMs('1h', 'step')).toBe(3_600_000);
    expect(parseDurationMs('250ms', 'step')).toBe(250);
    expect(() => parseDurationMs('0s', 'step')).toThrow(UsageError);
    expect(() => parseDurationMs('5 minutes', 'step')).toThrow(UsageError);
  });
});
