/**
 * Timestamps of the CLI's CSV input and output.
 *
 * Read: epoch seconds or epoch milliseconds (decimal or scientific notation, e.g. `1.7e+09`; the unit comes
 * from the magnitude, see {@link epochUnit}), ISO 8601 (`2024-01-01T00:00:00Z`, an offset, or no zone = UTC; a
 * bare date is midnight UTC), or `YYYY-MM-DD HH:MM:SS` read as UTC (NAB, and Grafana's "Formatted data" CSV
 * export when the dashboard time zone is UTC). Written back in the form they were read.
 */

/** How timestamps were written, so output can use the same form. */
export type TimeFormat = 'unix' | 'unixMs' | 'iso' | 'datetime';

/** A timestamp as read: ms since the epoch and its written form. */
interface ReadTime {
  ms: number;
  format: TimeFormat;
}

const EPOCH = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:([ T])(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Epoch numbers below 1e11 are seconds (1e11 s is the year 5138) and from 1e11 to 1e14 milliseconds (1e11 ms is
 * March 1973): every time a monitoring series can carry falls in exactly one class. Larger magnitudes are micro-
 * or nanoseconds, which the CLI does not guess at.
 */
const EPOCH_MS_FROM = 1e11;
const EPOCH_MS_UNTIL = 1e14;

/** The unit of an epoch number by its magnitude, or 'tooLarge' from 1e14 on. */
export function epochUnit(epoch: number): 'unix' | 'unixMs' | 'tooLarge' {
  const size = Math.abs(epoch);
  return size < EPOCH_MS_FROM ? 'unix' : size < EPOCH_MS_UNTIL ? 'unixMs' : 'tooLarge';
}

/** True when the text is an epoch number (seconds or ms), whatever its magnitude. */
export function isEpochText(text: string): boolean {
  return EPOCH.test(text);
}

/** Reads one timestamp in any accepted form; undefined when it is none of them or out of range. */
export function parseTimestamp(text: string): ReadTime | undefined {
  if (EPOCH.test(text)) {
    const epoch = Number(text);
    const unit = epochUnit(epoch);
    if (unit === 'tooLarge') {
      return undefined;
    }
    return { ms: Math.round(unit === 'unix' ? epoch * 1000 : epoch), format: unit };
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

/** Writes a timestamp in the given form: epoch seconds or ms as a number, otherwise a UTC string. */
export function formatTimestamp(ms: number, format: TimeFormat): number | string {
  if (format === 'unix') {
    return ms / 1000;
  }
  if (format === 'unixMs') {
    return ms;
  }
  const iso = new Date(ms).toISOString();
  if (format === 'datetime') {
    return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  }
  return iso.endsWith('.000Z') ? `${iso.slice(0, 19)}Z` : iso;
}

/** Words for a format in messages. */
export function describeFormat(format: TimeFormat): string {
  const words: Record<TimeFormat, string> = {
    unix: 'epoch seconds',
    unixMs: 'epoch milliseconds',
    iso: 'ISO 8601',
    datetime: 'YYYY-MM-DD HH:MM:SS',
  };
  return words[format];
}

function zoneOffsetMs(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') {
    return 0;
  }
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0')) * 60_000;
}
