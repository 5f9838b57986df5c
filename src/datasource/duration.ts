/** Prometheus-style durations (`500ms`, `30s`, `5m`, `1h`, `14d`, `1w`, `1y`), as the query model stores them. */

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
  y: 365 * 86_400_000,
};

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
  if (trimmed === '0') {
    return 0;
  }
  const parts = trimmed.match(/(\d+(?:\.\d+)?)(ms|s|m|h|d|w|y)/g);
  if (!parts || parts.join('') !== trimmed) {
    throw new DurationError(`${field}: "${text}" is not a duration (examples: 30s, 5m, 1h, 14d)`);
  }
  let totalMs = 0;
  for (const part of parts) {
    const [, amount, unit] = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w|y)$/.exec(part)!;
    totalMs += Number(amount) * UNIT_MS[unit];
  }
  return Math.round(totalMs);
}

/** Formats milliseconds as the shortest exact Prometheus duration (`3600000` → `1h`, `90000` → `90s`). */
export function formatDurationMs(ms: number): string {
  if (ms === 0) {
    return '0s';
  }
  for (const unit of ['w', 'd', 'h', 'm', 's']) {
    if (ms % UNIT_MS[unit] === 0) {
      return `${ms / UNIT_MS[unit]}${unit}`;
    }
  }
  return `${ms}ms`;
}
