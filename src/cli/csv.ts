/**
 * CSV input of the CLI (RFC 4180 via `csv-parse`: quoted fields, doubled quotes, CRLF, a UTF-8 BOM).
 *
 * A header, then one sample per line. The header's first column is `timestamp` or `Time` and its second names
 * the value, so both `timestamp,value` and Grafana's "Download CSV" export (`"Time","A-series"`, comma or the
 * locale's `;` as delimiter) are read. Timestamps: see `timestamps.ts`; epoch numbers must keep one unit
 * through the file. Values: decimal or scientific notation; empty, `NaN`, `NA`, `null`, `+Inf`, `-Inf` are
 * missing (reported by series preparation with their count). Every unreadable row is an InputError naming its
 * line and its text.
 */
import { parse } from 'csv-parse/sync';

import { parseSampleValue } from '../model/seriesValues';
import { InputError } from './errors';
import { MAX_INPUT_POINTS } from './limits';
import { describeFormat, epochUnit, isEpochText, parseTimestamp, type TimeFormat } from './timestamps';

export { formatTimestamp, parseTimestamp, type TimeFormat } from './timestamps';

/** Parsed CSV columns. */
export interface CsvSeries {
  timesMs: number[];
  values: number[];
  timeFormat: TimeFormat;
}

interface Row {
  fields: string[];
  line: number;
  raw: string;
}

const TIME_COLUMNS = new Set(['timestamp', 'time']);
const HEADER_HELP = 'expected a header "timestamp,value" or Grafana\'s CSV export "Time","<series>"';
/** Rows quoted in messages are cut to this many characters. */
const QUOTE_CHARS = 80;

/**
 * Parses CSV text (rules in the module comment); errors name the line number and quote the line.
 * @param maxRows data rows accepted, default {@link MAX_INPUT_POINTS}
 */
export function parseCsv(text: string, maxRows = MAX_INPUT_POINTS): CsvSeries {
  const rows = readRows(text, maxRows);
  if (rows.length === 0) {
    throw new InputError(`the CSV is empty; ${HEADER_HELP}`);
  }
  checkHeader(rows[0]);
  const out: CsvSeries = { timesMs: [], values: [], timeFormat: 'unix' };
  let epochLine = 0;
  for (const row of rows.slice(1)) {
    const time = readTime(row);
    if (time.format === 'unix' || time.format === 'unixMs') {
      if (epochLine > 0 && time.format !== out.timeFormat) {
        throw rowError(
          row,
          `the timestamp "${row.fields[0]}" is ${describeFormat(time.format)} but line ${epochLine} was ` +
            `${describeFormat(out.timeFormat)}; use one unit in a file`
        );
      }
      epochLine = epochLine || row.line;
    }
    const value = parseSampleValue(row.fields[1]);
    if (value === undefined) {
      throw rowError(row, `cannot read the value "${row.fields[1]}" as a number (e.g. 12.5, 1.5e+09, NaN)`);
    }
    if (out.timesMs.length === 0) {
      out.timeFormat = time.format;
    }
    out.timesMs.push(time.ms);
    out.values.push(value);
  }
  if (out.timesMs.length === 0) {
    throw new InputError('the CSV has a header but no data rows');
  }
  return out;
}

function readRows(text: string, maxRows: number): Row[] {
  let records: Array<{ record: string[]; raw: string }>;
  try {
    records = parse(text, {
      bom: true,
      delimiter: [',', ';'],
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      // Header plus one row past the limit: enough to tell that the limit is exceeded without reading on.
      to: maxRows + 2,
    }) as unknown as Array<{ record: string[]; raw: string }>;
  } catch (error) {
    const e = error as { lines?: number; message?: string };
    throw new InputError(`line ${e.lines ?? '?'}: not valid CSV: ${e.message ?? String(error)}`);
  }
  const rows = numberLines(records);
  if (rows.length > maxRows + 1) {
    throw new InputError(
      `more than ${maxRows} data rows (line ${rows[rows.length - 1].line} is past the limit); ` +
        'aggregate the series or cut it to a trailing window'
    );
  }
  return rows;
}

/**
 * Line numbers from the records' raw text (which includes the empty lines skipped before a record and its line
 * break): csv-parse's own `info` option doubles the parse time (measured 3.6 s against 1.5 s per 100,000 rows).
 */
function numberLines(records: Array<{ record: string[]; raw: string }>): Row[] {
  const newlines = (text: string) => {
    let count = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      count++;
    }
    return count;
  };
  let consumed = 0;
  return records.map((r) => {
    const content = r.raw.trimStart();
    const line = 1 + consumed + newlines(r.raw.slice(0, r.raw.length - content.length));
    consumed += newlines(r.raw);
    return { fields: r.record, line, raw: content.trimEnd() };
  });
}

function checkHeader(row: Row): void {
  const [time, value] = row.fields;
  if (row.fields.length > 2 && TIME_COLUMNS.has(time.toLowerCase())) {
    throw rowError(
      row,
      `${row.fields.length - 1} value columns (${row.fields.slice(1).join(', ')}); the CLI reads one series: ` +
        'export a single series (Grafana: one query, or the "Series joined by time" option off)'
    );
  }
  if (row.fields.length !== 2 || !TIME_COLUMNS.has(time.toLowerCase()) || value === '') {
    throw rowError(row, HEADER_HELP);
  }
}

function readTime(row: Row): { ms: number; format: TimeFormat } {
  if (row.fields.length !== 2) {
    throw rowError(row, `expected 2 fields (timestamp,value), got ${row.fields.length}`);
  }
  const text = row.fields[0];
  const time = parseTimestamp(text);
  if (time) {
    return time;
  }
  if (isEpochText(text) && epochUnit(Number(text)) === 'tooLarge') {
    throw rowError(
      row,
      `the timestamp "${text}" is too large for epoch seconds or milliseconds (microseconds or nanoseconds?); ` +
        'convert it to seconds or milliseconds'
    );
  }
  throw rowError(
    row,
    `cannot read the timestamp "${text}" (expected epoch seconds or milliseconds, ISO 8601 or YYYY-MM-DD HH:MM:SS)`
  );
}

function rowError(row: Row, problem: string): InputError {
  const quoted = row.raw.length > QUOTE_CHARS ? `${row.raw.slice(0, QUOTE_CHARS)}…` : row.raw;
  return new InputError(`line ${row.line} (${JSON.stringify(quoted)}): ${problem}`);
}
