/**
 * Command-line options of the detector, shared by `backtest` and `eval`: `--name value` or `--name=value`. The
 * flags, their parsing, checks, defaults and help lines come from the settings schema (`src/contract/settings`).
 */
import type { SettingName } from '../contract/settings';
import type { DetectorConfig } from '../model/detect/config';
import { CLI_FLAGS, detectorConfigOf, detectorFlagsHelp, readFlag } from './detectorSettings';
import { UsageError } from './errors';

/** Help text for the detector options. */
export const DETECTOR_OPTIONS_HELP = `Detector options (defaults = the one generic configuration):
${detectorFlagsHelp()}
  --all-points                   alert on every anomalous point instead of onsets only
SPAN: a number of model steps, or a duration with unit s, m, h, d or w (Prometheus style).`;

/** Parsed command line: detector config, the remaining named options and bare flags. */
export interface ParsedArgs {
  config: DetectorConfig;
  options: Map<string, string>;
  flags: Set<string>;
}

const BOOLEAN_FLAGS = new Set(['all-points', 'json', 'help']);

/**
 * Parse `argv` (without the command name). Detector options go into `config`; other `--name value` pairs into
 * `options`; `--json`, `--all-points`, `--help` into `flags`. Throws a UsageError naming the bad option.
 */
export function parseDetectorArgs(argv: readonly string[], known: readonly string[]): ParsedArgs {
  const values: Partial<Record<SettingName, unknown>> = {};
  const options = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      throw new UsageError(`unexpected argument "${arg}"`);
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    if (BOOLEAN_FLAGS.has(name)) {
      flags.add(name);
      if (name === 'all-points') {
        values.onsetOnly = false;
      }
      continue;
    }
    const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined) {
      throw new UsageError(`--${name} needs a value`);
    }
    const setting = CLI_FLAGS.get(name);
    if (setting) {
      values[setting] = readFlag(setting, value);
    } else if (known.includes(name)) {
      options.set(name, value);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return { config: detectorConfigOf(values), options, flags };
}
