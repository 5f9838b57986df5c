/**
 * Durations and timestamps as Prometheus writes them: `1h30m`, `14d`, `250ms`, or a float number of seconds
 * (`step=60`), and timestamps as RFC 3339 or float Unix seconds (Prometheus HTTP API, "Format overview").
 */

import { formatDurationMs, parseDurationMs } from '../../src/model/duration';

export { formatDurationMs, parseDurationMs };

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
