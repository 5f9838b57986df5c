import { InputError } from './errors';
import { formatTimestamp, parseCsv, parseTimestamp } from './csv';

describe('parseCsv', () => {
  it('should read unix seconds, missing values and infinities', () => {
    const csv = parseCsv('timestamp,value\n1700000000,1.5\n1700000060,NaN\n1700000120,\n1700000180,-Inf\n');
    expect(csv.timeFormat).toBe('unix');
    expect(csv.timesMs).toEqual([1700000000000, 1700000060000, 1700000120000, 1700000180000]);
    expect(csv.values).toEqual([1.5, NaN, NaN, -Infinity]);
  });

  it('should read the NAB form as UTC and remember the format', () => {
    const csv = parseCsv('\uFEFFtimestamp,value\r\n2014-07-01 00:30:00,8127\r\n');
    expect(csv).toEqual({ timesMs: [Date.UTC(2014, 6, 1, 0, 30)], values: [8127], timeFormat: 'datetime' });
  });

  it('should accept a quoted, capitalised header and quoted fields', () => {
    expect(parseCsv('"Timestamp","Value"\n"2024-01-01T00:00:00Z","3e2"').values).toEqual([300]);
  });

  it.each([
    ['', 'the CSV is empty; expected a header "timestamp,value"'],
    ['time,value\n1,2', 'line 1: expected the header "timestamp,value", got "time,value"'],
    ['timestamp,value\n', 'the CSV has a header but no data rows'],
    ['timestamp,value\n1,2\n2,3,4', 'line 3: expected 2 fields (timestamp,value), got 3'],
    ['timestamp,value\n1,2\nyesterday,3', 'line 3: cannot read the timestamp "yesterday"'],
    ['timestamp,value\n1,2\n2,abc', 'line 3: cannot read the value "abc" as a number'],
    ['timestamp,value\n2024-02-30 00:00:00,1', 'line 2: cannot read the timestamp "2024-02-30 00:00:00"'],
  ])('should reject %j naming the problem', (text, message) => {
    expect(() => parseCsv(text)).toThrow(InputError);
    expect(() => parseCsv(text)).toThrow(message);
  });
});

describe('parseTimestamp', () => {
  it.each([
    ['1700000000.5', 1700000000500, 'unix'],
    ['2024-01-01', Date.UTC(2024, 0, 1), 'iso'],
    ['2024-01-01T01:02:03', Date.UTC(2024, 0, 1, 1, 2, 3), 'iso'],
    ['2024-01-01T01:02:03.250Z', Date.UTC(2024, 0, 1, 1, 2, 3, 250), 'iso'],
    ['2024-01-01T01:02:03+02:00', Date.UTC(2023, 11, 31, 23, 2, 3), 'iso'],
    ['2024-01-01 01:02:03-0130', Date.UTC(2024, 0, 1, 2, 32, 3), 'iso'],
    ['2024-01-01 01:02', Date.UTC(2024, 0, 1, 1, 2), 'datetime'],
  ])('should read %s', (text, ms, format) => {
    expect(parseTimestamp(text)).toEqual({ ms, format });
  });
});

describe('formatTimestamp', () => {
  it('should write each format', () => {
    const ms = Date.UTC(2024, 0, 1, 1, 2, 3);
    expect(formatTimestamp(ms, 'unix')).toBe(ms / 1000);
    expect(formatTimestamp(ms, 'datetime')).toBe('2024-01-01 01:02:03');
    expect(formatTimestamp(ms, 'iso')).toBe('2024-01-01T01:02:03Z');
    expect(formatTimestamp(ms + 5, 'iso')).toBe('2024-01-01T01:02:03.005Z');
  });
});
