import { type DataFrame, type Field, FieldType, formatLabels, getFieldDisplayName } from '@grafana/data';
import type { AnomalyWindow } from '../contract/fit';
import { FIELD, FRAME_CONTRACT_VERSION, parseBandFieldName, TidemarkFrameMeta } from '../contract/frame';

/** One band level's bound fields. */
export interface BandFields {
  levelPct: number;
  lower: Field;
  upper: Field;
}

/** A Tidemark frame read through the frame contract (`src/contract/frame.ts`). */
export interface TidemarkSeries {
  /** Index of the frame in the panel data. */
  frameIndex: number;
  frame: DataFrame;
  key: string;
  /** Display name of the actual field, as Grafana computes it (so legend toggles and overrides match). */
  name: string;
  time: Field;
  actual: Field;
  forecast?: Field;
  /** Display name of the forecast field, as Grafana computes it. */
  forecastName: string;
  /** Ascending by level: weak first, strong last. */
  bands: BandFields[];
  anomaly?: Field;
  score?: Field;
  horizonStartMs?: number;
  windows: AnomalyWindow[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** True when the frame carries the Tidemark marker of the supported contract version and its two core fields. */
export function isTidemarkFrame(frame: DataFrame): boolean {
  const custom = frame.meta?.custom;
  if (!isRecord(custom) || custom.tidemark !== FRAME_CONTRACT_VERSION) {
    return false;
  }
  const time = frame.fields.find((f) => f.name === FIELD.time);
  const actual = frame.fields.find((f) => f.name === FIELD.actual);
  return time?.type === FieldType.time && actual?.type === FieldType.number;
}

function isWindow(value: unknown): value is AnomalyWindow {
  return (
    isRecord(value) &&
    typeof value.startMs === 'number' &&
    typeof value.endMs === 'number' &&
    (value.severity === 1 || value.severity === 2)
  );
}

function readBands(frame: DataFrame): BandFields[] {
  const byLevel = new Map<number, Partial<BandFields>>();
  for (const field of frame.fields) {
    const parsed = field.type === FieldType.number ? parseBandFieldName(field.name) : null;
    if (parsed) {
      const entry = byLevel.get(parsed.levelPct) ?? { levelPct: parsed.levelPct };
      entry[parsed.bound] = field;
      byLevel.set(parsed.levelPct, entry);
    }
  }
  return [...byLevel.values()]
    .filter((b): b is BandFields => b.lower !== undefined && b.upper !== undefined)
    .sort((a, b) => a.levelPct - b.levelPct);
}

function seriesKey(meta: Partial<TidemarkFrameMeta>, actual: Field, frameIndex: number): string {
  if (typeof meta.seriesKey === 'string' && meta.seriesKey) {
    return meta.seriesKey;
  }
  return actual.labels ? formatLabels(actual.labels) : `series ${frameIndex}`;
}

/** Reads a frame that `isTidemarkFrame` accepted. `frames` are all frames of the panel (for display names). */
export function readTidemarkFrame(frame: DataFrame, frameIndex: number, frames: DataFrame[]): TidemarkSeries {
  const meta = (frame.meta?.custom ?? {}) as Partial<TidemarkFrameMeta>;
  const byName = (name: string) => frame.fields.find((f) => f.name === name && f.type === FieldType.number);
  const time = frame.fields.find((f) => f.name === FIELD.time)!;
  const actual = byName(FIELD.actual)!;
  const forecast = byName(FIELD.forecast);
  return {
    frameIndex,
    frame,
    key: seriesKey(meta, actual, frameIndex),
    name: getFieldDisplayName(actual, frame, frames),
    time,
    actual,
    forecast,
    forecastName: forecast ? getFieldDisplayName(forecast, frame, frames) : FIELD.forecast,
    bands: readBands(frame),
    anomaly: byName(FIELD.anomaly),
    score: byName(FIELD.score),
    horizonStartMs: typeof meta.horizonStartMs === 'number' ? meta.horizonStartMs : undefined,
    windows: Array.isArray(meta.windows) ? meta.windows.filter(isWindow) : [],
  };
}

/** Index of the last time ≤ `timeMs` in ascending `timesMs` (binary search); -1 when all are later. */
export function indexAtOrBefore(timesMs: ArrayLike<number>, timeMs: number): number {
  let lo = 0;
  let hi = timesMs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (timesMs[mid] <= timeMs) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
