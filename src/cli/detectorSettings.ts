/**
 * The CLI detector's settings: flag text → schema value (checked by the settings schema, same messages as the
 * query editor, the YAML and the fit API) → the detector's configuration (`DetectorConfig`, model-grid spans).
 * The CLI has no clock for a bare number: `--season 24`, `--train-window 500` are model steps (stated in the schema).
 */
import {
  DEFAULT_SETTINGS,
  FIT_SETTING_NAMES,
  SETTINGS,
  settingProblem,
  type FitSettings,
  type SettingName,
  type SettingValues,
} from '../contract/settings';
import { clockFreeModelSettings } from '../contract/settings/resolve';
import { durationMs, type SettingSpec } from '../contract/settings/spec';
import type { DetectorConfig, Span } from '../model/detect/config';
import { detectorConfig } from '../model/pipeline/settings';
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

/**
 * The shared settings in their edge form for the pipeline's mapping. A span the CLI took as model steps (no clock)
 * stands in as its default duration here and is laid over the mapped configuration as steps.
 */
function fitSettingsOf(v: SettingValues): FitSettings {
  const entries = FIT_SETTING_NAMES.map((name) => {
    const value = v[name];
    return [name, typeof value === 'object' && 'points' in value ? DEFAULT_SETTINGS[name] : value];
  });
  return Object.fromEntries(entries) as FitSettings;
}

/**
 * The detector configuration of the CLI settings `values` (missing ones: the schema's defaults). Shared settings go
 * through the pipeline's own mapping (`detectorConfig`), so a new one needs no line here; what follows are the
 * spans the CLI also takes in steps and the CLI-only detector tuning.
 */
export function detectorConfigOf(values: Values): DetectorConfig {
  const v = { ...DEFAULT_SETTINGS, ...values } as SettingValues;
  if (v.order === 'auto' || v.seasonalOrder === 'auto') {
    throw new UsageError('--order/--seasonal: the CLI detector needs explicit orders (auto is for the data source)');
  }
  const orders = { order: v.order, seasonalOrder: v.seasonalOrder, season: 'auto' as const };
  const bucketMs = v.bucket === 'none' ? 0 : (durationMs(v.bucket) ?? NaN);
  // detectorConfig reads neither the season (it comes with `orders`) nor the forecast horizon.
  const shared = { ...clockFreeModelSettings(fitSettingsOf(v)), seasonalPeriod: 'auto' as const, horizonSteps: 0 };
  const config = detectorConfig(shared, orders, bucketMs, 0);
  return {
    ...config,
    season: v.season === 'auto' ? 'auto' : span(v.season),
    trainWindow: span(v.trainingWindow),
    refitEvery: span(v.refitEvery),
    minTrain: span(v.minTrain),
    horizonSteps: v.leadSteps,
    sustainWindow: spanOrOff(v.sustainWindow),
    scaleWindow: span(v.scaleWindow),
    maxReplace: spanOrOff(v.maxReplace),
    gapSuppress: spanOrOff(v.gapSuppress),
    // --sensitivity moves every threshold together (detectorConfig); an explicit --min-score or --sustain-score wins.
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
