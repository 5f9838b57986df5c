/**
 * The CLI detector's settings: flag text → schema value (checked by the settings schema, same messages as the
 * query editor, the YAML and the fit API) → the detector's configuration (`DetectorConfig`, model-grid spans).
 * The CLI has no clock for a bare number: `--season 24`, `--train-window 500` are model steps (stated in the schema).
 */
import { DEFAULT_SETTINGS, SETTINGS, settingProblem, type SettingName } from '../contract/settings';
import { durationMs, type SettingSpec } from '../contract/settings/spec';
import { DEFAULT_DETECTOR_CONFIG, withSensitivity, type DetectorConfig, type Span } from '../model/detect/config';
import { UsageError } from './errors';

type CliSpec = NonNullable<SettingSpec['cli']>;

/** Settings with a CLI flag, by flag. */
export const CLI_FLAGS: ReadonlyMap<string, SettingName> = new Map(
  (Object.keys(SETTINGS) as SettingName[])
    .filter((name) => (SETTINGS[name] as SettingSpec).cli)
    .map((name) => [(SETTINGS[name] as SettingSpec).cli!.flag, name])
);

function tripleKeys(name: SettingName): string[] {
  const variants = (SETTINGS[name].schema as { anyOf?: Array<{ properties?: object }> }).anyOf ?? [];
  return Object.keys(variants.find((v) => v.properties)?.properties ?? {});
}

/** Flag text in the schema's form (`1,0,1` → `{p: 1, d: 0, q: 1}`; a number that is not one → NaN). */
function fromText(name: SettingName, parse: CliSpec['parse'], text: string): unknown {
  const numbers = text.split(',').map((part) => (/^\s*-?(\d+\.?\d*|\.\d+)\s*$/.test(part) ? Number(part) : NaN));
  switch (parse) {
    case 'number':
      return numbers.length === 1 ? numbers[0] : NaN;
    case 'triple': {
      const keys = tripleKeys(name);
      return numbers.length === keys.length ? Object.fromEntries(keys.map((k, i) => [k, numbers[i]])) : text;
    }
    case 'pair':
      return numbers;
    case 'span':
      return /^\d+$/.test(text) ? Number(text) : text;
    case 'numberOrText':
      return numbers.length === 1 && Number.isFinite(numbers[0]) ? numbers[0] : text;
    default:
      return text;
  }
}

/**
 * Reads one flag's text into the setting's value. A bare whole number for a duration setting is the CLI's
 * clock-free form: that many model steps (`{points}`), at least 1.
 * @throws UsageError `--flag: must be …, got "text"` (the schema's message)
 */
export function readFlag(name: SettingName, text: string): unknown {
  const spec = (SETTINGS[name] as SettingSpec).cli!;
  const value = fromText(name, spec.parse, text);
  const steps = spec.parse === 'span' && typeof value === 'number' && settingProblem(name, value) !== undefined;
  if (steps && value >= 1) {
    return { points: value };
  }
  const problem = settingProblem(name, value, text);
  if (problem) {
    throw new UsageError(`--${spec.flag}: ${problem}`);
  }
  return value;
}

const span = (value: unknown): Span =>
  typeof value === 'number'
    ? { points: value }
    : typeof value === 'object'
      ? (value as Span)
      : { ms: durationMs(value as string) ?? NaN };

/** Spans where 0 means off: kept as zero points, the detector's form for "off". */
const spanOrOff = (value: unknown): Span => (value === 0 || value === '0' ? { points: 0 } : span(value));

type Values = Partial<Record<SettingName, unknown>>;

/** The detector configuration of the CLI settings `values` (missing ones: the schema's defaults). */
export function detectorConfigOf(values: Values): DetectorConfig {
  const v = { ...DEFAULT_SETTINGS, ...values } as typeof DEFAULT_SETTINGS;
  const orders = [v.order, v.seasonalOrder];
  if (orders.includes('auto')) {
    throw new UsageError('--order/--seasonal: the CLI detector needs explicit orders (auto is for the data source)');
  }
  const config: DetectorConfig = {
    ...DEFAULT_DETECTOR_CONFIG,
    bucketMs: v.bucket === 'none' ? 0 : (durationMs(v.bucket) ?? NaN),
    season: v.season === 'auto' ? 'auto' : span(v.season),
    order: v.order as Exclude<typeof v.order, 'auto'>,
    seasonalOrder: v.seasonalOrder as Exclude<typeof v.seasonalOrder, 'auto'>,
    trainWindow: span(v.trainingWindow),
    minTrain: span(v.minTrain),
    refitEvery: span(v.refitEvery),
    horizonSteps: v.leadSteps,
    levelsPct: [v.levelsPct[0], v.levelsPct[1]],
    minScore: v.minScore,
    sustainWindow: spanOrOff(v.sustainWindow),
    sustainScore: v.sustainScore,
    scaleWindow: span(v.scaleWindow),
    direction: v.direction,
    rules: {
      ...DEFAULT_DETECTOR_CONFIG.rules,
      minConsecutive: v.minConsecutive,
      onsetOnly: v.onsetOnly,
      holdOffMs: durationMs(v.holdOff) ?? NaN,
    },
    maxReplace: spanOrOff(v.maxReplace),
    gapSuppress: spanOrOff(v.gapSuppress),
    method: v.method,
  };
  // --sensitivity moves every threshold together; an explicit --min-score or --sustain-score still wins.
  const sensitive = values.sensitivity === undefined ? config : withSensitivity(config, v.sensitivity);
  return {
    ...sensitive,
    ...(values.minScore === undefined ? {} : { minScore: v.minScore }),
    ...(values.sustainScore === undefined ? {} : { sustainScore: v.sustainScore }),
  };
}

/** `--help` lines of the detector flags: flag, metavariable, description and default, from the schema. */
export function detectorFlagsHelp(): string {
  const lines = [...CLI_FLAGS].map(([flag, name]) => {
    const entry = SETTINGS[name] as SettingSpec;
    const head = `  --${flag} ${entry.cli!.metavar}`.padEnd(30);
    const fallback = entry.schema.default as unknown;
    const shown = Array.isArray(fallback)
      ? fallback.join(',')
      : typeof fallback === 'object' && fallback !== null
        ? Object.values(fallback).join(',')
        : String(fallback);
    return `${head} ${entry.schema.description} (default ${shown})`;
  });
  return lines.join('\n');
}
