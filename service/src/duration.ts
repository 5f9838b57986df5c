/**
 * Durations and timestamps as Prometheus writes them: `1h30m`, `14d`, `250ms`, or a float number of seconds
 * (`step=60`), and timestamps as RFC 3339 or float Unix seconds (Prometheus HTTP API, "Format overview").
 */

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
  y: 365 * 86_400_000,
};

const DURATION_RE = /^(?:\d+(?:ms|s|m|h|d|w|y))+$/;
const PART_RE = /(\d+)(ms|s|m|h|d|w|y)/g;

/** Parses a Prometheus duration (`1h30m`) into milliseconds; null when the text is not one. */
export function parseDurationMs(text: string): number | null {
  if (!DURATION_RE.test(text)) {
    return null;
  }
  let totalMs = 0;
  for (const match of text.matchAll(PART_RE)) {
    totalMs += Number(match[1]) * UNIT_MS[match[2]];
  }
  return totalMs;
}

/** Parses a duration or a float number of seconds, as the `step` and `timeout` query parameters accept. */
export function parseDurationOrSecondsMs(text: string): number | null {
  const asDuration = parseDurationMs(text);
  if (asDuration !== null) {
    return asDuration;
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) {
    return null;
  }
  const seconds = Number(text);
  return Number.isFinite(seconds) ? Math.round(seconds * 1000) : null;
}

/** Parses an RFC 3339 timestamp or float Unix seconds into Unix milliseconds; null when neither. */
export function parseTimeMs(text: string): number | null {
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) {
    const seconds = Number(text);
    return Number.isFinite(seconds) ? Math.round(seconds * 1000) : null;
  }
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i.test(text)) {
    return null;
  }
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : null;
}

/** Formats milliseconds as the shortest Prometheus duration, e.g. 5400000 → `1h30m`. */
export function formatDurationMs(ms: number): string {
  if (ms === 0) {
    return '0s';
  }
  let rest = ms;
  let text = '';
  for (const unit of ['d', 'h', 'm', 's', 'ms']) {
    const size = UNIT_MS[unit];
    if (rest >= size) {
      text += `${Math.floor(rest / size)}${unit}`;
      rest %= size;
    }
  }
  return text;
}
