import { InputError } from './errors';
import { parseCsv } from './csv';

describe('parseCsv', () => {
  it('should read epoch seconds, missing values and infinities (missing, reported later)', () => {
    const csv = parseCsv('timestamp,value\n1700000000,1.5\n1700000060,NaN\n1700000120,\n1700000180,-Inf\n');
    expect(csv.timeFormat).toBe('unix');
    expect(csv.timesMs).toEqual([1700000000000, 1700000060000, 1700000120000, 1700000180000]);
    expect(csv.values).toEqual([1.5, NaN, NaN, -Infinity]);
  });

  it('should read epoch milliseconds as milliseconds, not seconds', () => {
    const csv = parseCsv('timestamp,value\n1700000000000,1\n1700003600000,2\n');
    expect(csv).toEqual({ timesMs: [1700000000000, 1700003600000], values: [1, 2], timeFormat: 'unixMs' });
  });

  it("should read Grafana's CSV export: quoted header, CRLF, no final newline, epoch ms", () => {
    const csv = parseCsv('"Time","A-series"\r\n1700000000000,1.5e+09\r\n1700000060000,"2,5"'.replace('"2,5"', '2'));
    expect(csv).toEqual({ timesMs: [1700000000000, 1700000060000], values: [1.5e9, 2], timeFormat: 'unixMs' });
  });

  it("should read Grafana's formatted export with the locale's ; delimiter and a series name with quotes", () => {
    const csv = parseCsv('"Time";"up{job=""node""}"\r\n2024-01-01 00:00:00;1\r\n2024-01-01 00:01:00;2');
    expect(csv).toEqual({
      timesMs: [Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 1, 0, 1)],
      values: [1, 2],
      timeFormat: 'datetime',
    });
  });

  it('should read the NAB form as UTC and remember the format', () => {
    const csv = parseCsv('\uFEFFtimestamp,value\r\n2014-07-01 00:30:00,8127\r\n');
    expect(csv).toEqual({ timesMs: [Date.UTC(2014, 6, 1, 0, 30)], values: [8127], timeFormat: 'datetime' });
  });

  it('should accept a quoted, capitalised header, quoted fields and scientific notation', () => {
    expect(parseCsv('"Timestamp","Value"\n"2024-01-01T00:00:00Z","3e2"').values).toEqual([300]);
    expect(parseCsv('timestamp,value\n1.7e+09,1\n1.7000036e9,2').timesMs).toEqual([1.7e12, 1.7000036e12]);
  });

  it.each([
    ['', 'the CSV is empty; expected a header "timestamp,value" or Grafana\'s CSV export "Time","<series>"'],
    ['when,value\n1,2', 'line 1 ("when,value"): expected a header "timestamp,value"'],
    [
      '"Time","A","B"\n1,2,3',
      'line 1 ("\\"Time\\",\\"A\\",\\"B\\""): 2 value columns (A, B); the CLI reads one series',
    ],
    ['timestamp,value\n', 'the CSV has a header but no data rows'],
    ['timestamp,value\n1,2\n2,3,4', 'line 3 ("2,3,4"): expected 2 fields (timestamp,value), got 3'],
    ['timestamp,value\n1,2\nyesterday,3', 'line 3 ("yesterday,3"): cannot read the timestamp "yesterday"'],
    ['timestamp,value\n1,2\n2,abc', 'line 3 ("2,abc"): cannot read the value "abc" as a number'],
    ['timestamp,value\n1,2\n\n2,12 ms', 'line 4 ("2,12 ms"): cannot read the value "12 ms" as a number'],
    ['timestamp,value\n2024-02-30 00:00:00,1', 'line 2 ("2024-02-30 00:00:00,1"): cannot read the timestamp'],
    [
      'timestamp,value\n1700000000,1\n1700000060000,2',
      'line 3 ("1700000060000,2"): the timestamp "1700000060000" is epoch milliseconds but line 2 was epoch seconds',
    ],
    ['timestamp,value\n1700000000000000000,1', 'is too large for epoch seconds or milliseconds (microseconds or'],
    ['timestamp,value\n1,"2', 'line 2: not valid CSV: Quote Not Closed'],
  ])('should reject %j naming the line and its text', (text, message) => {
    expect(() => parseCsv(text)).toThrow(InputError);
    expect(() => parseCsv(text)).toThrow(message);
  });
});
