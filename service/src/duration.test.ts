import { formatDurationMs, parseDurationMs, parseDurationOrSecondsMs, parseTimeMs } from './duration';

describe('parseDurationMs', () => {
  it.each([
    ['1h30m', 5_400_000],
    ['14d', 1_209_600_000],
    ['250ms', 250],
    ['1w', 604_800_000],
  ])('should parse %s', (text, ms) => expect(parseDurationMs(text)).toBe(ms));

  it.each(['', '1x', '1.5h', 'h', '-1h', '10'])('should reject %j', (text) => expect(parseDurationMs(text)).toBeNull());
});

describe('parseDurationOrSecondsMs', () => {
  it('should accept float seconds as the step parameter does', () => {
    expect(parseDurationOrSecondsMs('15.5')).toBe(15_500);
    expect(parseDurationOrSecondsMs('1m')).toBe(60_000);
    expect(parseDurationOrSecondsMs('abc')).toBeNull();
  });
});

describe('parseTimeMs', () => {
  it('should parse Unix seconds and RFC 3339', () => {
    expect(parseTimeMs('1700000000.5')).toBe(1_700_000_000_500);
    expect(parseTimeMs('2023-11-14T22:13:20Z')).toBe(1_700_000_000_000);
    expect(parseTimeMs('2023-11-14T23:13:20+01:00')).toBe(1_700_000_000_000);
  });

  it.each(['yesterday', '2023-11-14', ''])('should reject %j', (text) => expect(parseTimeMs(text)).toBeNull());
});

describe('formatDurationMs', () => {
  it('should format the shortest form', () => {
    expect(formatDurationMs(5_400_000)).toBe('1h30m');
    expect(formatDurationMs(0)).toBe('0s');
  });
});
