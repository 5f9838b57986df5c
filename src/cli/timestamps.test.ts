import { epochUnit, formatTimestamp, parseTimestamp } from './timestamps';

describe('parseTimestamp', () => {
  it.each([
    ['1700000000.5', 1700000000500, 'unix'],
    ['1.5e+09', 1.5e12, 'unix'],
    ['1700000000000', 1700000000000, 'unixMs'],
    ['2024-01-01', Date.UTC(2024, 0, 1), 'iso'],
    ['2024-01-01T01:02:03', Date.UTC(2024, 0, 1, 1, 2, 3), 'iso'],
    ['2024-01-01T01:02:03.250Z', Date.UTC(2024, 0, 1, 1, 2, 3, 250), 'iso'],
    ['2024-01-01T01:02:03+02:00', Date.UTC(2023, 11, 31, 23, 2, 3), 'iso'],
    ['2024-01-01 01:02:03-0130', Date.UTC(2024, 0, 1, 2, 32, 3), 'iso'],
    ['2024-01-01 01:02', Date.UTC(2024, 0, 1, 1, 2), 'datetime'],
  ])('should read %s', (text, ms, format) => {
    expect(parseTimestamp(text)).toEqual({ ms, format });
  });

  it.each(['1e14', '1700000000000000', 'noon', '2024-13-01'])('should not read %s', (text) => {
    expect(parseTimestamp(text)).toBeUndefined();
  });
});

describe('epochUnit', () => {
  it('should split seconds and milliseconds at 1e11 (year 5138 in s, 1973 in ms)', () => {
    expect([epochUnit(99_999_999_999), epochUnit(1e11), epochUnit(99_999_999_999_999), epochUnit(1e14)]).toEqual([
      'unix',
      'unixMs',
      'unixMs',
      'tooLarge',
    ]);
  });
});

describe('formatTimestamp', () => {
  it('should write each format', () => {
    const ms = Date.UTC(2024, 0, 1, 1, 2, 3);
    expect(formatTimestamp(ms, 'unix')).toBe(ms / 1000);
    expect(formatTimestamp(ms, 'unixMs')).toBe(ms);
    expect(formatTimestamp(ms, 'datetime')).toBe('2024-01-01 01:02:03');
    expect(formatTimestamp(ms, 'iso')).toBe('2024-01-01T01:02:03Z');
    expect(formatTimestamp(ms + 5, 'iso')).toBe('2024-01-01T01:02:03.005Z');
  });
});
