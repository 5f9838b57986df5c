/**
 * Analysis → DataFrame conversion (pure). Frames follow `src/contract/frame.ts`; the field config makes the stock
 * Time series panel draw the bands (upper `fillBelowTo` lower, invisible bound lines) and the anomalies as points.
 */
import {
  createTheme,
  type DataFrame,
  type Field,
  type FieldConfig,
  FieldColorModeId,
  FieldType,
  type QueryResultMetaNotice,
} from '@grafana/data';
import type { AnomalyWindow, SerializedError, SeriesAnalysis, SeriesInput } from '../contract/fit';
import {
  anomalyMarkerFieldName,
  anomalyMarkerValues,
  bandFieldName,
  FIELD,
  FRAME_CONTRACT_VERSION,
  type TidemarkFrameMeta,
} from '../contract/frame';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../contract/constants';
import { ANOMALY_COLOR_NAMES, seriesColorName } from '../contract/seriesColor';

/** `metric{a="1", b="2"}`, as Prometheus shows a series; `fallback` when there are no labels at all. */
export function seriesDisplayName(labels: Record<string, string>, fallback: string): string {
  const { __name__: metric, ...rest } = labels;
  const pairs = Object.keys(rest)
    .sort()
    .map((k) => `${k}="${rest[k]}"`);
  if (!metric && pairs.length === 0) {
    return fallback;
  }
  return `${metric ?? ''}${pairs.length > 0 ? `{${pairs.join(', ')}}` : ''}`;
}

/** Band fill opacity per level: the weak (inner) band darker; overlapping fills add up. */
const BAND_FILL_OPACITY = [22, 10];
const MARKER_SIZE_PX = 9;
/** Palette of the reference theme: the colour names do not depend on the viewer's theme (contract/seriesColor.ts). */
const REFERENCE_PALETTE = createTheme().visualization;

function numberField(
  name: string,
  values: Array<number | null>,
  labels: Record<string, string>,
  config: FieldConfig
): Field {
  return { name, type: FieldType.number, values, labels, config };
}

function timeField(timesMs: number[], stepMs?: number): Field {
  return { name: FIELD.time, type: FieldType.time, values: timesMs, config: stepMs ? { interval: stepMs } : {} };
}

/**
 * The step an analysis frame may declare as its time field's `interval`: `stepMs` only when no two rows are
 * further apart. Grafana's graph inserts a null wherever rows are more than the interval apart
 * (`applyNullInsertThreshold`); the forecast horizon comes on the model step (hourly buckets), so after a finer
 * history (30 s) a declared 30 s interval cut the horizon into lone points and neither panel drew it. The history
 * rows are already one per grid point with nulls at gaps, so without the interval no gap is lost.
 */
function analysisIntervalMs(timesMs: number[], stepMs: number | undefined): number | undefined {
  if (!stepMs) {
    return undefined;
  }
  for (let i = 1; i < timesMs.length; i++) {
    if (timesMs[i] - timesMs[i - 1] > stepMs) {
      return undefined;
    }
  }
  return stepMs;
}

function notice(severity: QueryResultMetaNotice['severity'], text: string): QueryResultMetaNotice {
  return { severity, text };
}

const fixedColor = (name: string): FieldConfig['color'] => ({ mode: FieldColorModeId.Fixed, fixedColor: name });

function bandFields(name: string, analysis: SeriesAnalysis, colorName: string): Field[] {
  const hidden = { legend: true, tooltip: false, viz: false };
  return analysis.points.bands.flatMap((band, i) => {
    const lowerName = `${name} ${bandFieldName('lower', band.levelPct)}`;
    return [
      numberField(bandFieldName('lower', band.levelPct), band.lower, analysis.labels, {
        displayName: lowerName,
        color: fixedColor(colorName),
        custom: { lineWidth: 0, fillOpacity: 0, showPoints: 'never', hideFrom: hidden },
      }),
      numberField(bandFieldName('upper', band.levelPct), band.upper, analysis.labels, {
        displayName: `${name} ${bandFieldName('upper', band.levelPct)}`,
        color: fixedColor(colorName),
        // The stock Time series panel matches fillBelowTo against display names.
        custom: {
          lineWidth: 0,
          fillOpacity: BAND_FILL_OPACITY[i],
          fillBelowTo: lowerName,
          showPoints: 'never',
          hideFrom: hidden,
        },
      }),
    ];
  });
}

/** Severity 0/1/2 for tooltips and transformations; not drawn (the marker fields are), so no axis of its own. */
function severityField(name: string, analysis: SeriesAnalysis): Field {
  return numberField(FIELD.anomaly, analysis.points.anomaly, analysis.labels, {
    displayName: `${name} anomaly`,
    decimals: 0,
    unit: 'none',
    mappings: [
      { type: 'value', options: { '0': { text: 'normal' }, '1': { text: 'weak' }, '2': { text: 'strong' } } },
    ] as FieldConfig['mappings'],
    custom: { axisPlacement: 'hidden', hideFrom: { legend: true, tooltip: false, viz: true } },
  });
}

/**
 * Marker field of one severity: the actual value where flagged, null elsewhere, drawn as points. Unit, min and
 * max stay those of the actual field, so the markers share its value axis and sit on the line.
 */
function markerField(name: string, analysis: SeriesAnalysis, severity: 1 | 2): Field {
  const label = severity === 2 ? 'strong' : 'weak';
  const values = anomalyMarkerValues(analysis.points.actual, analysis.points.anomaly, severity);
  return numberField(anomalyMarkerFieldName(severity), values, analysis.labels, {
    displayName: `${name} ${anomalyMarkerFieldName(severity)}`,
    color: fixedColor(ANOMALY_COLOR_NAMES[label]),
    custom: {
      drawStyle: 'points',
      pointSize: MARKER_SIZE_PX,
      showPoints: 'always',
      lineWidth: 0,
      spanNulls: false,
      hideFrom: { legend: true, tooltip: false, viz: false },
    },
  });
}

/**
 * One frame per analysed series: time, actual, forecast, lower/upper per level, anomaly, weak and strong markers,
 * score. `name` (the legend) defaults to the series' label set. Actual, forecast and bands share the series' palette
 * colour (the bands panel picks the same one).
 */
export function analysisToFrame(
  analysis: SeriesAnalysis,
  refId: string,
  stepMs?: number,
  name = seriesDisplayName(analysis.labels, analysis.key)
): DataFrame {
  const { points, labels } = analysis;
  const colorName = seriesColorName(analysis.key, REFERENCE_PALETTE);
  const meta: TidemarkFrameMeta = {
    tidemark: FRAME_CONTRACT_VERSION,
    seriesKey: analysis.key,
    levelsPct: [points.bands[0].levelPct, points.bands[1].levelPct],
    horizonStartMs: points.horizonStart < points.timesMs.length ? points.timesMs[points.horizonStart] : undefined,
    model: analysis.model,
    windows: analysis.windows,
  };
  return {
    name,
    refId,
    length: points.timesMs.length,
    fields: [
      timeField(points.timesMs, analysisIntervalMs(points.timesMs, stepMs)),
      numberField(FIELD.actual, points.actual, labels, {
        displayName: name,
        color: fixedColor(colorName),
        custom: { lineWidth: 1 },
      }),
      numberField(FIELD.forecast, points.forecast, labels, {
        displayName: `${name} forecast`,
        color: fixedColor(colorName),
        custom: { lineWidth: 1, lineStyle: { fill: 'dash', dash: [10, 10] }, showPoints: 'never' },
      }),
      ...bandFields(name, analysis, colorName),
      severityField(name, analysis),
      markerField(name, analysis, 1),
      markerField(name, analysis, 2),
      numberField(FIELD.score, points.score, labels, {
        displayName: `${name} score`,
        decimals: 2,
        unit: 'none',
        custom: { axisPlacement: 'hidden', hideFrom: { legend: true, tooltip: false, viz: true } },
      }),
    ],
    meta: {
      preferredVisualisationType: 'graph',
      custom: meta,
      notices: analysis.notices.map((text) => notice('info', `${name}: ${text}`)),
    },
  };
}

/**
 * Frame for a series whose analysis failed: its raw values (so the data is still visible) and an error notice that
 * names the series. No model in the meta, so consumers do not mistake it for a fitted series.
 */
export function failedSeriesFrame(
  input: SeriesInput,
  error: SerializedError,
  refId: string,
  levelsPct: [number, number],
  name = seriesDisplayName(input.labels, input.key)
): DataFrame {
  const meta: TidemarkFrameMeta = { tidemark: FRAME_CONTRACT_VERSION, seriesKey: input.key, levelsPct };
  return {
    name,
    refId,
    length: input.timesMs.length,
    fields: [
      timeField(input.timesMs, input.stepMs),
      numberField(FIELD.actual, input.values, input.labels, { displayName: name }),
    ],
    meta: { custom: meta, notices: [notice('error', `${name}: ${error.name}: ${error.message}`)] },
  };
}

/** A frame without fields that only carries a notice (no series, series limit, …). */
export function noticeFrame(refId: string, severity: QueryResultMetaNotice['severity'], text: string): DataFrame {
  return { refId, name: refId, fields: [], length: 0, meta: { notices: [notice(severity, text)] } };
}

/** Adds a notice to a frame, returning a new frame (frames are shared with Grafana's caches; don't mutate). */
export function withNotice(frame: DataFrame, severity: QueryResultMetaNotice['severity'], text: string): DataFrame {
  const notices = [...(frame.meta?.notices ?? []), notice(severity, text)];
  return { ...frame, meta: { ...frame.meta, notices } };
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}

/**
 * Which side of the expected range the window's peak lies on (the score's sign when the value is inside); a stopped
 * activity is on the side of its pause (below when bursts stopped, above when dips stopped).
 */
export function windowDirection(window: AnomalyWindow): 'above' | 'below' {
  if (window.kind === 'silence') {
    return window.pause?.direction ?? 'below';
  }
  if (window.observed > window.expectedUpper) {
    return 'above';
  }
  if (window.observed < window.expectedLower) {
    return 'below';
  }
  return window.peakScore >= 0 ? 'above' : 'below';
}

/** A pause for a sentence: minutes under an hour, hours under three days, else days (4 significant digits). */
function formatPause(ms: number): string {
  if (ms < HOUR_MS) {
    return `${formatNumber(ms / MINUTE_MS)} min`;
  }
  if (ms < 3 * DAY_MS) {
    return `${formatNumber(ms / HOUR_MS)} h`;
  }
  return `${formatNumber(ms / DAY_MS)} days`;
}

/**
 * Annotation text: direction, observed value against the expected range, and the signed peak score; for a stopped
 * activity, the pause (of bursts, or of a busy series' dips) against the series' record pause.
 */
export function describeWindow(window: AnomalyWindow, weakLevelPct: number): string {
  const pause = window.kind === 'silence' ? window.pause : undefined;
  if (pause) {
    return (
      `activity stopped: no ${pause.direction === 'above' ? 'dip' : 'burst'} for ${formatPause(pause.pauseMs)} ` +
      `(longest pause in the last ${formatPause(pause.recordWindowMs)}: ${formatPause(pause.recordPauseMs)})`
    );
  }
  const score = `${window.peakScore >= 0 ? '+' : ''}${window.peakScore.toFixed(1)}`;
  return (
    `${windowDirection(window)} the expected range: observed ${formatNumber(window.observed)}, expected ` +
    `${formatNumber(window.expectedLower)} to ${formatNumber(window.expectedUpper)} (${weakLevelPct}%); ` +
    `peak score ${score}σ`
  );
}

/**
 * Anomaly windows of every series as one region-annotation frame (fields time, timeEnd, title, text, tags, color),
 * the shape Grafana's standard annotation support turns into events.
 */
export function windowsToAnnotationFrame(analyses: SeriesAnalysis[], refId: string): DataFrame {
  const rows = analyses.flatMap((analysis) => {
    const name = seriesDisplayName(analysis.labels, analysis.key);
    const weakLevelPct = analysis.points.bands[0].levelPct;
    return analysis.windows.map((w) => ({
      time: w.startMs,
      timeEnd: w.endMs,
      title:
        `${w.severity === 2 ? 'Strong' : 'Weak'} anomaly ` +
        `${w.kind === 'silence' ? '(activity stopped)' : `${windowDirection(w)} range`}: ${name}`,
      text: describeWindow(w, weakLevelPct),
      tags: ['tidemark', 'anomaly', w.severity === 2 ? 'strong' : 'weak', ...(w.kind === 'silence' ? ['silence'] : [])],
      color: ANOMALY_COLOR_NAMES[w.severity === 2 ? 'strong' : 'weak'],
    }));
  });
  rows.sort((a, b) => a.time - b.time);
  const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((r) => r[key]);
  return {
    refId,
    name: 'anomalies',
    length: rows.length,
    fields: [
      { name: 'time', type: FieldType.time, values: column('time'), config: {} },
      { name: 'timeEnd', type: FieldType.time, values: column('timeEnd'), config: {} },
      { name: 'title', type: FieldType.string, values: column('title'), config: {} },
      { name: 'text', type: FieldType.string, values: column('text'), config: {} },
      { name: 'tags', type: FieldType.other, values: column('tags'), config: {} },
      { name: 'color', type: FieldType.string, values: column('color'), config: {} },
    ],
  };
}
