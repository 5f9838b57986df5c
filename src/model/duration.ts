/**
 * Prometheus durations (`1h30m`, `14d`, `250ms`): one or more integer–unit pairs, largest unit first, units ms, s,
 * m, h, d, w, y — the grammar of Prometheus `model.ParseDuration`, shared by the data source's query model, the
 * companion service's detectors file and HTTP API, and the CLI.
 */
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS, WEEK_MS } from './timeUnits';

/** Milliseconds per duration unit (a year is 365 days, as in Prometheus). */
export const DURATION_UNIT_MS: Readonly<Record<string, number>> = {
  y: 365 * DAY_MS,
  w: WEEK_MS,
  d: DAY_MS,
  h: HOUR_MS,
  m: MINUTE_MS,
  s: SECOND_MS,
  ms: 1,
};

const DURATION_RE = /^(?:\d+(?:ms|s|m|h|d|w|y))+$/;
const PART_RE = /(\d+)(ms|s|m|h|d|w|y)/g;

/** Parses a Prometheus duration into milliseconds; null when `text` is not one (e.g. `1.5h`, `10`, `-1h`). */
export function parseDurationMs(text: string): number | null {
  if (!DURATION_RE.test(text)) {
    return null;
  }
  let totalMs = 0;
  for (const match of text.matchAll(PART_RE)) {
    totalMs += Number(match[1]) * DURATION_UNIT_MS[match[2]];
  }
  return totalMs;
}

/** Units used when formatting: days at most, because `30d` reads better than `4w2d`. */
const FORMAT_UNITS = ['d', 'h', 'm', 's', 'ms'];

/** Formats milliseconds (≥ 0, whole) as a Prometheus duration in days and smaller: 5400000 → `1h30m`, 30 days → `30d`. */
export function formatDurationMs(ms: number): string {
  if (ms === 0) {
    return '0s';
  }
  let restMs = Math.round(ms);
  let text = '';
  for (const unit of FORMAT_UNITS) {
    const sizeMs = DURATION_UNIT_MS[unit];
    if (restMs >= sizeMs) {
      text += `${Math.floor(restMs / sizeMs)}${unit}`;
      restMs %= sizeMs;
    }
  }
  return text;
}
