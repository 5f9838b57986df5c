/** Command-line option parsing for the CLI commands, over Node's `util.parseArgs` (strict mode). */
import { parseArgs } from 'node:util';

import { UsageError } from './errors';

/** Option table: name → whether it takes a value ('string') or is a flag ('boolean'). */
export type OptionTable = Record<string, 'string' | 'boolean'>;

/** Parsed options: strings for valued options, true for flags present. */
export type ParsedOptions = Record<string, string | boolean | undefined>;

/** Parses `--name value`, `--name=value` and flags; unknown options and positionals are usage errors. */
export function parseOptions(args: string[], table: OptionTable): ParsedOptions {
  const options = Object.fromEntries(Object.entries(table).map(([name, type]) => [name, { type }]));
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    // Duck-typed: under Jest's jsdom realm Node's errors are not instances of this realm's Error.
    const message = (error as { message?: unknown }).message;
    throw new UsageError(typeof message === 'string' ? message : String(error));
  }
}

/** The string value of a required option. */
export function requireString(options: ParsedOptions, name: string): string {
  const value = options[name];
  if (typeof value !== 'string' || value === '') {
    throw new UsageError(`missing required option --${name}`);
  }
  return value;
}

/** A comma-separated list of exactly `count` non-negative integers, e.g. `--order 1,1,1`. */
export function parseIntegers(text: string, count: number, name: string, shape: string): number[] {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length !== count || parts.some((p) => !/^\d+$/.test(p))) {
    throw new UsageError(`--${name} must be ${count} non-negative integers ${shape}, got "${text}"`);
  }
  return parts.map(Number);
}

/** A positive integer option, e.g. `--horizon 24`. */
export function parsePositiveInteger(text: string, name: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    throw new UsageError(`--${name} must be a positive integer, got "${text}"`);
  }
  return Number(text);
}

/** Interval levels in percent, each strictly between 0 and 100, e.g. `--level 80,95`. */
export function parseLevels(text: string): number[] {
  const levels = text.split(',').map((p) => Number(p.trim()));
  if (levels.length === 0 || levels.some((l) => !Number.isFinite(l) || l <= 0 || l >= 100)) {
    throw new UsageError(`--level must be percentages strictly between 0 and 100, e.g. 80,95; got "${text}"`);
  }
  return levels;
}

const DURATION_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A duration such as `300`, `30s`, `5m`, `1h` or `1d` (plain numbers are seconds), in ms. */
export function parseDurationMs(text: string, name: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(text.trim());
  const ms = m ? Number(m[1]) * DURATION_MS[m[2] ?? 's'] : NaN;
  if (!(ms > 0)) {
    throw new UsageError(`--${name} must be a positive duration such as 300, 30s, 5m or 1h; got "${text}"`);
  }
  return ms;
}
