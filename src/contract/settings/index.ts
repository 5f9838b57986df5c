/**
 * Everything derived from the settings schema: the types, the defaults, the fit API's JSON Schema and the one
 * check every edge runs (same accept/reject, same message text at the query, the YAML, the fit API and the CLI).
 */
import { Type, type Static, type TObject } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { InvalidSettingsError } from '../../model/errors';
import { EDGE_SETTINGS } from './edgeSettings';
import { SHARED_SETTINGS } from './schema';
import type { Edge, SettingSpec } from './spec';

/** Every user-facing setting, by name. */
export const SETTINGS = { ...SHARED_SETTINGS, ...EDGE_SETTINGS } satisfies Record<string, SettingSpec>;

export type SettingName = keyof typeof SETTINGS;
type Shared = typeof SHARED_SETTINGS;

/** Names of the settings every edge shares: those of a fit request. */
export const FIT_SETTING_NAMES = Object.keys(SHARED_SETTINGS) as Array<keyof Shared & SettingName>;

/** JSON Schema (TypeBox) of the settings of a fit request: the settings every edge shares, all required. */
export const FitSettingsSchema = Type.Object(
  Object.fromEntries(Object.entries(SHARED_SETTINGS).map(([name, entry]) => [name, entry.schema])) as {
    -readonly [K in keyof Shared]: Shared[K]['schema'];
  },
  { additionalProperties: false }
) satisfies TObject;

/** Settings of one analysis as they cross the edges: durations as text (`1d`), 'auto' where allowed. */
export type FitSettings = Static<typeof FitSettingsSchema>;

/** Value of each setting. */
export type SettingValues = { [K in SettingName]: Static<(typeof SETTINGS)[K]['schema']> };

/** The one default of every setting (the schema's `default`s). */
export const DEFAULT_SETTINGS = Object.fromEntries(
  Object.entries(SETTINGS).map(([name, entry]) => [name, Value.Clone(entry.schema.default)])
) as SettingValues;

/** The shared settings' defaults: what a fit gets when nobody sets anything. */
export const DEFAULT_FIT_SETTINGS: FitSettings = Object.fromEntries(
  Object.keys(SHARED_SETTINGS).map((name) => [name, DEFAULT_SETTINGS[name as SettingName]])
) as FitSettings;

/** Names of the settings that can be set at `edge`. */
export function settingsAt(edge: Edge): SettingName[] {
  return (Object.keys(SETTINGS) as SettingName[]).filter((name) =>
    (SETTINGS[name].edges as readonly Edge[]).includes(edge)
  );
}

/**
 * Why `value` is not a valid `name` (`must be …, got …`), or undefined when it is. `typed` is the value as the
 * user typed it (CLI text), shown instead of `value`.
 */
export function settingProblem(name: SettingName, value: unknown, typed?: string): string | undefined {
  const entry: SettingSpec = SETTINGS[name];
  const refine = entry.refine as ((v: unknown) => boolean) | undefined;
  const valid = Value.Check(entry.schema, value) && (refine?.(value) ?? true);
  return valid ? undefined : `must be ${entry.expect}, got ${JSON.stringify(typed ?? value)}`;
}

/** One problem of a settings object: the field and the message. */
export interface SettingsProblem {
  field: string;
  message: string;
}

/**
 * Every problem of `values` for a fit (unknown names, missing or invalid values), in schema order.
 * `complete` requires every shared setting (the fit API); otherwise missing ones are left to the defaults.
 */
export function fitSettingsProblems(values: Record<string, unknown>, complete: boolean): SettingsProblem[] {
  const known = Object.keys(SHARED_SETTINGS);
  const problems: SettingsProblem[] = Object.keys(values)
    .filter((field) => !known.includes(field))
    .map((field) => ({ field, message: `unknown setting (allowed: ${known.join(', ')})` }));
  for (const name of known as SettingName[]) {
    if (values[name] === undefined) {
      if (complete) {
        problems.push({ field: name, message: `required: ${SETTINGS[name].expect}` });
      }
      continue;
    }
    const message = settingProblem(name, values[name]);
    if (message) {
      problems.push({ field: name, message });
    }
  }
  return problems;
}

/** Throws InvalidSettingsError listing `problems` as `field: message` (nothing when there are none). */
export function throwIfProblems(problems: SettingsProblem[], prefix = ''): void {
  if (problems.length > 0) {
    throw new InvalidSettingsError(problems.map((p) => `${prefix}${p.field}: ${p.message}`).join('; '));
  }
}
