/**
 * CSV input of the CLI: a header `timestamp,value`, then one sample per line.
 *
 * Timestamps: unix seconds (integer or decimal), ISO 8601 (`2024-01-01T00:00:00Z`, an offset, or no zone =
 * UTC; a bare date is midnight UTC), or `YYYY-MM-DD HH:MM:SS` read as UTC (the NAB format). Values: numbers;
 * empty, `NaN`, `NA` and `null` are missing; `Inf`/`+Inf`/`-Inf` are read as infinite (rejected later, by
 * series preparation, with their index and time). The first row's timestamp format is the output format.
 */
import { InputError } from './errors';

/** How timestamps were written, so output can use the same form. */
export type TimeFormat = 'unix' | 'iso' | 'datetime';

/** Parsed CSV columns. */
export interface CsvSeries {
  timesMs: number[];
  values: number[];
  timeFormat: TimeFormat;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const UNIX = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:([ T])(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const MISSING = new Set(['', 'nan', 'na', 'null']);

/** Parses CSV text (rules in the module comment); errors name the line number. */
export function parseCsv(text: string): CsvSeries {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines.findIndex((line) => line.trim() !== '');
  if (header < 0) {
    throw new InputError('the CSV is empty; expected a header "timestamp,value"');
  }
  const names = splitRow(lines[header]).map((f) => f.toLowerCase());
  if (names.length !== 2 || names[0] !== 'timestamp' || names[1] !== 'value') {
    throw new InputError(`line ${header + 1}: expected the header "timestamp,value", got "${lines[header].trim()}"`);
  }
  const out: CsvSeries = { timesMs: [], values: [], timeFormat: 'unix' };
  for (let i = header + 1; i < lines.length; i++) {
    if (lines[i].trim() === '') {
      continue;
    }
    const fields = splitRow(lines[i]);
    if (fields.length !== 2) {
      throw new InputError(`line ${i + 1}: expected 2 fields (timestamp,value), got ${fields.length}`);
    }
    const time = parseTimestamp(fields[0]);
    if (!time) {
      throw new InputError(
        `line ${i + 1}: cannot read the timestamp "${fields[0]}" (expected unix seconds, ISO 8601 or YYYY-MM-DD HH:MM:SS)`
      );
    }
    const value = parseValue(fields[1]);
    if (value === undefined) {
      throw new InputError(`line ${i + 1}: cannot read the value "${fields[1]}" as a number`);
    }
    out.timeFormat = out.timesMs.length === 0 ? time.format : out.timeFormat;
    out.timesMs.push(time.ms);
    out.values.push(value);
  }
  if (out.timesMs.length === 0) {
    throw new InputError('the CSV has a header but no data rows');
  }
  return out;
}

/** Reads one timestamp in any accepted form; undefined when it is none of them or out of range. */
export function parseTimestamp(text: string): { ms: number; format: TimeFormat } | undefined {
  if (UNIX.test(text)) {
    const ms = Number(text) * 1000;
    return Number.isFinite(ms) ? { ms: Math.round(ms), format: 'unix' } : undefined;
  }
  const m = DATE_TIME.exec(text);
  if (!m) {
    return undefined;
  }
  const [, year, month, day, sep, hour = '0', minute = '0', second = '0', fraction = '', zone] = m;
  const fields = [Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second)];
  const local = Date.UTC(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
  const check = new Date(local);
  const valid =
    check.getUTCFullYear() === fields[0] &&
    check.getUTCMonth() === fields[1] &&
    check.getUTCDate() === fields[2] &&
    check.getUTCHours() === fields[3] &&
    check.getUTCMinutes() === fields[4] &&
    check.getUTCSeconds() === fields[5];
  if (!valid) {
    return undefined;
  }
  const ms = local + Math.round(Number(`0${fraction}`) * 1000) - zoneOffsetMs(zone);
  return { ms, format: sep === ' ' && !zone ? 'datetime' : 'iso' };
}

/** Writes a timestamp in the given form: unix seconds as a number, otherwise a UTC string. */
export function formatTimestamp(ms: number, format: TimeFormat): number | string {
  if (format === 'unix') {
    return ms / 1000;
  }
  const iso = new Date(ms).toISOString();
  if (format === 'datetime') {
    return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  }
  return iso.endsWith('.000Z') ? `${iso.slice(0, 19)}Z` : iso;
}

function zoneOffsetMs(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') {
    return 0;
  }
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0')) * 60_000;
}

function parseValue(text: string): number | undefined {
  const lower = text.toLowerCase();
  if (MISSING.has(lower)) {
    return NaN;
  }
  if (lower === 'inf' || lower === '+inf' || lower === 'infinity' || lower === '+infinity') {
    return Infinity;
  }
  if (lower === '-inf' || lower === '-infinity') {
    return -Infinity;
  }
  return NUMBER.test(text) ? Number(text) : undefined;
}

function splitRow(line: string): string[] {
  return line.split(',').map((f) => f.trim().replace(/^"(.*)"$/, '$1'));
}
