import type { OrderSetting, SeasonalOrderSetting } from '../contract/fit';
import { DEFAULT_QUERY, QUERY_SCHEMA_VERSION, type SarimaQuery, type TrainingWindow } from './types';

/**
 * Brings a stored query up to `QUERY_SCHEMA_VERSION`.
 *
 * - v0 (no `schemaVersion`): the placeholder build stored only `{refId, expr}`; every model field gets its default.
 * - v1: current. Fields that are missing or of the wrong type (hand-edited JSON, provisioning) get their default
 *   instead of crashing the editor; unknown extra fields are kept.
 * - Newer than this build: kept as is apart from the same repair, so a downgrade does not destroy the query.
 */
export function migrateQuery(stored: Partial<SarimaQuery> & { refId?: string }): SarimaQuery {
  const raw = stored as Record<string, unknown>;
  const version = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 0;
  return {
    ...stored,
    refId: typeof raw.refId === 'string' ? raw.refId : 'A',
    schemaVersion: Math.max(version, QUERY_SCHEMA_VERSION),
    queryType: typeof raw.queryType === 'string' ? raw.queryType : DEFAULT_QUERY.queryType,
    expr: typeof raw.expr === 'string' ? raw.expr : '',
    season: stringOr(raw.season, DEFAULT_QUERY.season),
    order: orderOr(raw.order, DEFAULT_QUERY.order),
    seasonalOrder: seasonalOrderOr(raw.seasonalOrder, DEFAULT_QUERY.seasonalOrder),
    trainingWindow: trainingWindowOr(raw.trainingWindow, DEFAULT_QUERY.trainingWindow),
    resolution: stringOr(raw.resolution, DEFAULT_QUERY.resolution),
    horizon: stringOr(raw.horizon, DEFAULT_QUERY.horizon),
    levelsPct: levelsOr(raw.levelsPct, DEFAULT_QUERY.levelsPct),
    minConsecutive: countOr(raw.minConsecutive, DEFAULT_QUERY.minConsecutive),
    onsetOnly: typeof raw.onsetOnly === 'boolean' ? raw.onsetOnly : DEFAULT_QUERY.onsetOnly,
    holdOff: stringOr(raw.holdOff, DEFAULT_QUERY.holdOff),
    refitEvery: stringOr(raw.refitEvery, DEFAULT_QUERY.refitEvery),
    seriesLimit: countOr(raw.seriesLimit, DEFAULT_QUERY.seriesLimit),
  };
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;
}

function countOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : fallback;
}

function isOrderPart(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function orderOr(value: unknown, fallback: OrderSetting | 'auto'): OrderSetting | 'auto' {
  if (value === 'auto') {
    return value;
  }
  if (isRecord(value) && isOrderPart(value.p) && isOrderPart(value.d) && isOrderPart(value.q)) {
    return { p: value.p, d: value.d, q: value.q };
  }
  return fallback;
}

function seasonalOrderOr(value: unknown, fallback: SeasonalOrderSetting | 'auto'): SeasonalOrderSetting | 'auto' {
  if (value === 'auto') {
    return value;
  }
  if (isRecord(value) && isOrderPart(value.P) && isOrderPart(value.D) && isOrderPart(value.Q)) {
    return { P: value.P, D: value.D, Q: value.Q };
  }
  return fallback;
}

function trainingWindowOr(value: unknown, fallback: TrainingWindow): TrainingWindow {
  if (isRecord(value) && value.type === 'duration' && typeof value.duration === 'string' && value.duration !== '') {
    return { type: 'duration', duration: value.duration };
  }
  if (isRecord(value) && value.type === 'seasons' && countOr(value.seasons, 0) > 0) {
    return { type: 'seasons', seasons: value.seasons as number };
  }
  // A bare duration string is what a hand-written query is most likely to contain.
  if (typeof value === 'string' && value.trim() !== '') {
    return { type: 'duration', duration: value.trim() };
  }
  return fallback;
}

function levelsOr(value: unknown, fallback: [number, number]): [number, number] {
  if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number' && v > 0 && v < 100)) {
    return [value[0], value[1]];
  }
  return [...fallback];
}
