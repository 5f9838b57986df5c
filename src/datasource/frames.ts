/**
 * Analysis → DataFrame conversion (pure). Frames follow `src/contract/frame.ts`; the field config makes the stock
 * Time series panel draw the bands (upper `fillBelowTo` lower, invisible bound lines) and the anomalies as points.
 */
import { type DataFrame, type Field, type FieldConfig, FieldType, type QueryResultMetaNotice } from '@grafana/data';
import type { AnomalyWindow, SerializedError, SeriesAnalysis, SeriesInput } from '../contract/fit';
import { bandFieldName, FIELD, FRAME_CONTRACT_VERSION, type TidemarkFrameMeta } from '../contract/frame';

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
const BAND_COLOR = 'blue';
const ANOMALY_COLOR = 'red';

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

function notice(severity: QueryResultMetaNotice['severity'], text: string): QueryResultMetaNotice {
  return { severity, text };
}

function bandFields(name: string, analysis: SeriesAnalysis): Field[] {
  const bandColor = { mode: 'fixed', fixedColor: BAND_COLOR };
  const hidden = { legend: true, tooltip: false, viz: false };
  return analysis.points.bands.flatMap((band, i) => {
    const lowerName = `${name} ${bandFieldName('lower', band.levelPct)}`;
    return [
      numberField(bandFieldName('lower', band.levelPct), band.lower, analysis.labels, {
        displayName: lowerName,
        color: bandColor,
        custom: { lineWidth: 0, fillOpacity: 0, showPoints: 'never', hideFrom: hidden },
      }),
      numberField(bandFieldName('upper', band.levelPct), band.upper, analysis.labels, {
        displayName: `${name} ${bandFieldName('upper', band.levelPct)}`,
        color: bandColor,
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

function anomalyField(name: string, analysis: SeriesAnalysis): Field {
  return numberField(FIELD.anomaly, analysis.points.anomaly, analysis.labels, {
    displayName: `${name} anomaly`,
    // 0 (normal) lies below the axis minimum and is clipped, so only flagged points (1 weak, 2 strong) show.
    min: 0.5,
    max: 2.5,
    decimals: 0,
    unit: 'none',
    color: { mode: 'fixed', fixedColor: ANOMALY_COLOR },
    mappings: [
      { type: 'value', options: { '0': { text: 'normal' }, '1': { text: 'weak' }, '2': { text: 'strong' } } },
    ] as FieldConfig['mappings'],
    custom: {
      drawStyle: 'points',
      pointSize: 9,
      showPoints: 'always',
      lineWidth: 0,
      axisPlacement: 'hidden',
      hideFrom: { legend: true, tooltip: false, viz: false },
    },
  });
}

/**
 * One frame per analysed series: time, actual, forecast, lower/upper per level, anomaly, score. `name` (the legend)
 * defaults to the series' label set.
 */
export function analysisToFrame(
  analysis: SeriesAnalysis,
  refId: string,
  stepMs?: number,
  name = seriesDisplayName(analysis.labels, analysis.key)
): DataFrame {
  const { points, labels } = analysis;
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
      timeField(points.timesMs, stepMs),
      numberField(FIELD.actual, points.actual, labels, { displayName: name, custom: { lineWidth: 1 } }),
      numberField(FIELD.forecast, points.forecast, labels, {
        displayName: `${name} forecast`,
        custom: { lineWidth: 1, lineStyle: { fill: 'dash', dash: [10, 10] }, showPoints: 'never' },
      }),
      ...bandFields(name, analysis),
      anomalyField(name, analysis),
      numberField(FIELD.score, points.score, labels, {
        displayName: `${name} score`,
        decimals: 2,
        unit: 'none',
        custom: { hideFrom: { legend: true, tooltip: false, viz: true } },
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

/** Annotation text: observed value against the expected range, and the peak score. */
export function describeWindow(window: AnomalyWindow, weakLevelPct: number): string {
  return (
    `observed ${formatNumber(window.observed)}, expected ${formatNumber(window.expectedLower)}` +
    ` to ${formatNumber(window.expectedUpper)} (${weakLevelPct}%); peak score ${window.peakScore.toFixed(1)}`
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
      title: `${w.severity === 2 ? 'Strong' : 'Weak'} anomaly: ${name}`,
      text: describeWindow(w, weakLevelPct),
      tags: ['tidemark', 'anomaly', w.severity === 2 ? 'strong' : 'weak'],
      color: w.severity === 2 ? ANOMALY_COLOR : 'orange',
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
