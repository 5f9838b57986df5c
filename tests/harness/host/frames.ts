/** Panel data for the harness: fixture frames with field config applied the way Grafana's query runner does. */
import {
  applyFieldOverrides,
  DataFrame,
  dateTime,
  FieldConfigSource,
  GrafanaTheme2,
  LoadingState,
  PanelData,
  PanelPlugin,
  TimeRange,
  toDataFrame,
} from '@grafana/data';
import { analysisToFrame } from '../../../src/datasource/frames';
import { FIXTURE_TIME_RANGE, MULTI_SPECS } from '../fixtureSpecs';
import { syntheticAnalysis } from '../syntheticFrames';

export interface FrameFixture {
  description: string;
  timeRange: { fromMs: number; toMs: number };
  frames: unknown[];
}

export function timeRangeOf(fromMs: number, toMs: number): TimeRange {
  const from = dateTime(fromMs);
  const to = dateTime(toMs);
  return { from, to, raw: { from, to } };
}

/**
 * `fixture=datasource`: the multi-fixture series converted by the data source's own `analysisToFrame`, so the
 * stock graph draws exactly the field config the data source returns (the JSON fixtures carry none).
 */
function dataSourceFixture(): FrameFixture {
  return {
    description: 'The multi series as the Tidemark data source returns them',
    timeRange: FIXTURE_TIME_RANGE,
    frames: MULTI_SPECS.map((s) => analysisToFrame(syntheticAnalysis(s), 'A', s.stepMs)),
  };
}

export async function loadFixture(name: string): Promise<FrameFixture> {
  if (name === 'datasource') {
    return dataSourceFixture();
  }
  const response = await fetch(`/tests/fixtures/frames/${encodeURIComponent(name)}.json`);
  if (!response.ok) {
    throw new Error(`harness: fixture ${name} not found (${response.status})`);
  }
  return response.json();
}

/** Frames → PanelData, with the plugin's field config defaults and registry (display names, units, colours). */
export function toPanelData(
  plugin: PanelPlugin,
  rawFrames: unknown[],
  timeRange: TimeRange,
  theme: GrafanaTheme2,
  fieldConfig?: FieldConfigSource
): PanelData {
  const frames: DataFrame[] = rawFrames.map((f) => toDataFrame(f));
  const series = applyFieldOverrides({
    data: frames,
    fieldConfig: fieldConfig ?? { defaults: plugin.fieldConfigDefaults.defaults, overrides: [] },
    fieldConfigRegistry: plugin.fieldConfigRegistry,
    replaceVariables: (value: string) => value,
    theme,
    timeZone: 'utc',
  });
  return { state: LoadingState.Done, series, timeRange, structureRev: 1 };
}

interface RawField {
  type?: string;
  values: unknown[];
}

/** The part of each fixture frame inside [fromMs, toMs], as a query for that range would return it. */
export function sliceFrames(rawFrames: unknown[], fromMs: number, toMs: number): unknown[] {
  return rawFrames.map((raw) => {
    const frame = raw as { fields: RawField[] };
    const time = frame.fields.find((f) => f.type === 'time');
    if (!time) {
      return raw;
    }
    const times = time.values as number[];
    const start = times.findIndex((t) => t >= fromMs);
    const end = times.findIndex((t) => t > toMs);
    const [a, b] = [start < 0 ? times.length : start, end < 0 ? times.length : end];
    return { ...frame, fields: frame.fields.map((f) => ({ ...f, values: f.values.slice(a, b) })) };
  });
}
