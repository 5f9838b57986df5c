/**
 * The model settings of the detectors file (`defaults:` and each detector), read and checked through the settings
 * schema (`src/contract/settings`): the same names, defaults and messages as the query editor, the fit API and
 * the CLI. YAML forms: orders as lists (`[1, 0, 1]`), anomaly rules under `anomaly:`, and (the old form, still
 * read) `season` as a bare number of `step`s.
 */
import {
  DEFAULT_SETTINGS,
  SETTINGS,
  settingProblem,
  settingsAt,
  type FitSettings,
  type SettingName,
} from '../../src/contract/settings';
import type { SettingSpec } from '../../src/contract/settings/spec';
import { formatDurationMs } from '../../src/model/duration';

/** Settings a YAML section resolves to; `seasonSteps` keeps an old-form season until the step is known. */
export type YamlSettings = FitSettings & { step: string; seasonSteps?: number };

/** The file's own defaults before `defaults:`: the schema's. */
export const YAML_DEFAULTS: YamlSettings = Object.fromEntries(
  settingsAt('yaml').map((name) => [name, DEFAULT_SETTINGS[name]])
) as YamlSettings;

/** Path of a setting in a YAML section, e.g. `['anomaly', 'holdOff']`. */
export const yamlPath = (name: SettingName): string[] => ((SETTINGS[name] as SettingSpec).yamlKey ?? name).split('.');

/** Keys a detector section may have at its top level besides name and query, and under `anomaly:`. */
export const YAML_FIELDS = [...new Set(settingsAt('yaml').map((name) => yamlPath(name)[0]))];
export const YAML_ANOMALY_FIELDS = settingsAt('yaml')
  .map(yamlPath)
  .filter((path) => path[0] === 'anomaly')
  .map((path) => path[1]);

const TRIPLES: Partial<Record<SettingName, string[]>> = { order: ['p', 'd', 'q'], seasonalOrder: ['P', 'D', 'Q'] };

/** The YAML value in the schema's form: `[1, 0, 1]` → `{p: 1, d: 0, q: 1}` (anything else unchanged). */
function fromYaml(name: SettingName, value: unknown): unknown {
  const names = TRIPLES[name];
  if (names && Array.isArray(value) && value.length === names.length) {
    return Object.fromEntries(names.map((key, i) => [key, value[i]]));
  }
  return value;
}

function valueAt(section: Record<string, unknown>, path: string[]): unknown {
  const parent = path.length > 1 ? section[path[0]] : section;
  return typeof parent === 'object' && parent !== null ? (parent as Record<string, unknown>)[path.at(-1)!] : undefined;
}

/**
 * Reads the settings of one section over `base`. `fail(path, message)` reports a problem at the setting's path;
 * the setting keeps its `base` value then.
 */
export function readYamlSettings(
  section: Record<string, unknown>,
  base: YamlSettings,
  fail: (path: string[], message: string) => void
): YamlSettings {
  const out: YamlSettings = { ...base };
  for (const name of settingsAt('yaml')) {
    const raw = valueAt(section, yamlPath(name));
    if (raw === undefined) {
      continue;
    }
    if (name === 'season' && typeof raw === 'number' && Number.isInteger(raw) && raw >= 2) {
      out.seasonSteps = raw;
      continue;
    }
    const value = fromYaml(name, raw);
    const problem = settingProblem(name, value);
    if (problem) {
      fail(yamlPath(name), problem);
    } else {
      (out as Record<string, unknown>)[name] = value;
      if (name === 'season') {
        delete out.seasonSteps;
      }
    }
  }
  return out;
}

/** The fit settings of a detector: an old-form season becomes a duration of `seasonSteps` steps. */
export function toFitSettings(settings: YamlSettings, stepMs: number): FitSettings {
  const { step: _step, seasonSteps, ...fit } = settings;
  return seasonSteps === undefined ? fit : { ...fit, season: formatDurationMs(seasonSteps * stepMs) };
}
