import { Value } from '@sinclair/typebox/value';
import { SETTINGS } from '../contract/settings';
import { DEFAULT_QUERY, QUERY_SCHEMA_VERSION, QUERY_SETTINGS, type SarimaQuery, type TrainingWindow } from './types';

/**
 * Brings a stored query up to `QUERY_SCHEMA_VERSION`.
 *
 * - v0 (no `schemaVersion`): the placeholder build stored only `{refId, expr}`; every model field gets its default.
 * - v1: current. A setting that is missing or does not match its schema type and range (hand-edited JSON,
 *   provisioning) gets its default instead of crashing the editor; a combination the schema's refinements reject
 *   (e.g. levels [99, 95]) is kept, so the query reports it rather than silently changing it. Settings added to
 *   the schema since (e.g. `method`) get their defaults. Unknown extra fields are kept.
 * - Newer than this build: kept as is apart from the same repair, so a downgrade does not destroy the query.
 */
export function migrateQuery(stored: Partial<SarimaQuery> & { refId?: string }): SarimaQuery {
  const raw = stored as Record<string, unknown>;
  const version = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 0;
  const settings = Object.fromEntries(
    QUERY_SETTINGS.filter((name) => name !== 'trainingWindow').map((name) => [name, repaired(name, raw[name])])
  );
  return {
    ...stored,
    ...(settings as Omit<SarimaQuery, 'refId' | 'expr' | 'trainingWindow'>),
    refId: typeof raw.refId === 'string' ? raw.refId : 'A',
    schemaVersion: Math.max(version, QUERY_SCHEMA_VERSION),
    queryType: typeof raw.queryType === 'string' ? raw.queryType : DEFAULT_QUERY.queryType,
    expr: typeof raw.expr === 'string' ? raw.expr : '',
    trainingWindow: trainingWindowOr(raw.trainingWindow, DEFAULT_QUERY.trainingWindow),
  };
}

/**
 * The stored value (strings trimmed) when it fits the setting's schema, or is text where text is expected (a
 * mistyped duration stays, so the query names it instead of silently using the default); else the default.
 */
function repaired(name: (typeof QUERY_SETTINGS)[number], value: unknown): unknown {
  const trimmed = typeof value === 'string' ? value.trim() : value;
  const fallback = DEFAULT_QUERY[name as keyof typeof DEFAULT_QUERY];
  const text = typeof trimmed === 'string' && trimmed !== '' && typeof fallback === 'string';
  return text || Value.Check(SETTINGS[name].schema, trimmed) ? trimmed : Value.Clone(fallback);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function trainingWindowOr(value: unknown, fallback: TrainingWindow): TrainingWindow {
  if (isRecord(value) && value.type === 'duration' && typeof value.duration === 'string' && value.duration !== '') {
    return { type: 'duration', duration: value.duration };
  }
  if (isRecord(value) && value.type === 'seasons' && Number.isInteger(value.seasons) && Number(value.seasons) >= 1) {
    return { type: 'seasons', seasons: value.seasons as number };
  }
  // A bare duration string is what a hand-written query is most likely to contain.
  if (typeof value === 'string' && value.trim() !== '') {
    return { type: 'duration', duration: value.trim() };
  }
  return { ...fallback };
}
