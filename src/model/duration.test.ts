import { formatDurationMs, parseDurationMs } from './duration';
import { DAY_MS } from './timeUnits';

describe('parseDurationMs', () => {
  it.each([
    ['1h30m', 5_400_000],
    ['14d', 14 * DAY_MS],
    ['250ms', 250],
    ['1w', 7 * DAY_MS],
    ['1y', 365 * DAY_MS],
    ['0s', 0],
  ])('should parse %s', (text, ms) => expect(parseDurationMs(text)).toBe(ms));

  it.each(['', '1x', '1.5h', 'h', '-1h', '10', '1 h', '1h-'])('should reject %j', (text) =>
    expect(parseDurationMs(text)).toBeNull()
  );
});

describe('formatDurationMs', () => {
  it.each([
    [0, '0s'],
    [5_400_000, '1h30m'],
    [90_000, '1m30s'],
    [7 * DAY_MS, '7d'],
    [30 * DAY_MS, '30d'],
    [1500, '1s500ms'],
  ])('should format %p as %p', (ms, text) => expect(formatDurationMs(ms)).toBe(text));

  it('should round-trip what it formats', () => {
    for (const ms of [1, 999, 61_000, 3_600_000 + 1, 400 * DAY_MS + 5]) {
      expect(parseDurationMs(formatDurationMs(ms))).toBe(ms);
    }
  });
});
