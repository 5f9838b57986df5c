/**
 * Building blocks of the settings schema (`schema.ts`): what one setting entry holds, and the value kinds the
 * settings are made of. Every kind is a TypeBox schema (so it is also JSON Schema for fastify's Ajv) plus, where
 * JSON Schema cannot say it (a positive duration, weak < strong), a refinement kept beside it.
 */
import { Type, type TSchema } from '@sinclair/typebox';
import { parseDurationMs } from '../../model/duration';

/** Where a setting can be set: the query editor, the service's detectors YAML, the fit API, the CLI. */
export type Edge = 'query' | 'yaml' | 'fit' | 'cli';

/** Every edge: the usual case. */
export const ALL_EDGES: readonly Edge[] = ['query', 'yaml', 'fit', 'cli'];

/** How a CLI flag's text becomes the setting's value (before the schema checks it). */
export type CliParse = 'number' | 'text' | 'triple' | 'pair' | 'span' | 'numberOrText';

/** One user-facing setting: its value schema and what the docs, the editor, the YAML reader and the CLI need. */
export interface SettingSpec<S extends TSchema = TSchema> {
  /** The value's TypeBox schema, with `default` and a one-line `description`. */
  schema: S;
  /** Unit in words for the docs table (`duration`, `%`, `steps`, or '' for none). */
  unit: string;
  /** The valid values in words; also the error message: `<field>: must be <expect>, got <value>`. */
  expect: string;
  /** Checks JSON Schema cannot express; undefined = the schema says it all. */
  refine?: (value: never) => boolean;
  edges: readonly Edge[];
  /** Why the setting is not at every edge, or where an edge deliberately differs (shown in the docs). */
  note?: string;
  /** Key in the detectors YAML when it differs from the setting's name (kept for existing files). */
  yamlKey?: string;
  /** CLI flag without `--`, its metavariable for `--help`, and how its text is read. */
  cli?: { flag: string; metavar: string; parse: CliParse };
  /** Label of the setting's input in the query editor (default: its name). */
  label?: string;
  /** Editor input bounds and increment for number settings. */
  input?: { min?: number; max?: number; step?: number };
}

/** Prometheus duration text (`30s`, `1h30m`, `14d`) or `0`: the grammar of `src/model/duration.ts`. */
const DURATION_PATTERN = '^(0|(\\d+(ms|s|m|h|d|w|y))+)$';

/** Milliseconds of a duration text, or null when it is not one. */
export function durationMs(text: string): number | null {
  return text === '0' ? 0 : parseDurationMs(text);
}

/** A duration setting; `positive` rejects `0s`. */
export function duration(defaultValue: string, description: string) {
  return Type.String({ pattern: DURATION_PATTERN, default: defaultValue, description });
}

/** Refinement of a duration that must be longer than zero. */
export const isPositiveDuration = (text: string) => (durationMs(text) ?? 0) > 0;

/** `'auto'` or a duration. */
export function autoOrDuration(defaultValue: string, description: string) {
  return Type.Union([Type.Literal('auto'), Type.String({ pattern: DURATION_PATTERN })], {
    default: defaultValue,
    description,
  });
}

/** Bounded integer. */
export function integer(defaultValue: number, minimum: number, maximum: number, description: string) {
  return Type.Integer({ minimum, maximum, default: defaultValue, description });
}

/** Bounded number; `exclusive` makes both bounds exclusive. */
export function number(defaultValue: number, minimum: number, maximum: number, description: string) {
  return Type.Number({ minimum, maximum, default: defaultValue, description });
}

/** Three named integers with an upper bound each (an ARIMA order), or `'auto'`. */
export function autoOrTriple<K extends string>(
  bounds: Record<K, number>,
  defaultValue: Record<K, number> | 'auto',
  description: string
) {
  const part = (max: number) => Type.Integer({ minimum: 0, maximum: max });
  const properties = Object.fromEntries(Object.entries<number>(bounds).map(([k, max]) => [k, part(max)]));
  return Type.Union(
    [
      Type.Literal('auto'),
      Type.Object(properties as Record<K, ReturnType<typeof part>>, { additionalProperties: false }),
    ],
    { default: defaultValue, description }
  );
}
