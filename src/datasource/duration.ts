/** Prometheus-style durations (`500ms`, `30s`, `5m`, `1h`, `14d`, `1w`, `1y`), as the query model stores them. */

import { formatDurationMs, parseDurationMs as parsePrometheusDurationMs } from '../model/duration';

export { formatDurationMs };

/** Thrown for a duration the user typed that cannot be read; the message quotes it. */
export class DurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DurationError';
  }
}

/**
 * Parses `1h30m`, `14d`, `0` or `0s` into milliseconds. `field` names the setting in the error message.
 * Unlike Grafana's `rangeUtil`, this rejects a bare number other than 0, because "15" is ambiguous.
 */
export function parseDurationMs(text: string, field: string): number {
  const trimmed = text.trim();
  const ms = trimmed === '0' ? 0 : parsePrometheusDurationMs(trimmed);
  if (ms === null) {
    throw new DurationError(`${field}: "${text}" is not a duration (examples: 30s, 5m, 1h, 14d)`);
  }
  return ms;
}
