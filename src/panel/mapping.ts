import {
  type DataFrame,
  type Field,
  type FieldConfig,
  FieldColorModeId,
  FieldType,
  getFieldDisplayName,
  type GrafanaTheme2,
} from '@grafana/data';
import {
  GraphDrawStyle,
  type GraphFieldConfig,
  type HideSeriesConfig,
  LineInterpolation,
  VisibilityMode,
} from '@grafana/schema';
import { resolveColor, seriesColor } from './colors';
import { anomalyRegions, type TimeRegion } from './regions';
import { anomalyMarkerValues } from '../contract/frame';
import { isTidemarkFrame, readTidemarkFrame, TidemarkSeries } from './frames';
import type { BandsPanelOptions } from './options';

/** A Tidemark series as drawn: its contract fields plus the resolved colour and visibility. */
export interface PlotSeries extends TidemarkSeries {
  color: string;
  /** The user hid the series (legend click or override on the actual field). */
  hidden: boolean;
}

/** Everything the panel draws, derived from the panel data without React. */
export interface BandsPlotModel {
  /** Frames for Grafana's TimeSeries: one per Tidemark series, then the plain frames. */
  frames: DataFrame[];
  series: PlotSeries[];
  regions: TimeRegion[];
  /** Forecast horizon from the earliest horizon start to the last point; null without a horizon. */
  horizon: { startMs: number; endMs: number } | null;
  /** Display name of every drawn field of a Tidemark series → index into `series` (plain fields are absent). */
  fieldOwner: Map<string, number>;
  /** Frames without the Tidemark marker that are drawn as plain lines. */
  plainFrameCount: number;
  /** Frames that could not be drawn at all (no time or no number field). */
  skippedFrameCount: number;
}

type Custom = GraphFieldConfig & { fillBelowTo?: string };

function withConfig(base: Field, name: string, color: string, custom: Custom, values?: unknown[]): Field {
  const config: FieldConfig<Custom> = {
    ...base.config,
    displayName: name,
    color: { mode: FieldColorModeId.Fixed, fixedColor: color },
    custom: { axisPlacement: base.config.custom?.axisPlacement, ...custom },
  };
  // A fresh state: the cached display name of the source field belongs to another frame set.
  return { ...base, config, values: values ?? base.values, state: {} };
}

function hideFrom(viz: boolean, inLegend: boolean): HideSeriesConfig {
  return { viz, legend: !inLegend, tooltip: true };
}

function line(width: number, hidden: boolean, dashed = false): Custom {
  return {
    drawStyle: GraphDrawStyle.Line,
    lineInterpolation: LineInterpolation.Linear,
    lineWidth: width,
    fillOpacity: 0,
    showPoints: VisibilityMode.Never,
    spanNulls: false,
    lineStyle: dashed ? { fill: 'dash', dash: [6, 4] } : { fill: 'solid' },
    hideFrom: hideFrom(hidden, true),
  };
}

function shownBands(series: TidemarkSeries, options: BandsPanelOptions) {
  const [weak, strong] = [series.bands[0], series.bands[series.bands.length - 1]];
  switch (options.bandLevels) {
    case 'both':
      return series.bands.length > 1 ? [strong, weak] : series.bands;
    case 'weak':
      return weak ? [weak] : [];
    case 'strong':
      return strong ? [strong] : [];
    default:
      return [];
  }
}

/**
 * The plot frame of one series. Field order is drawing order: strong band, weak band (so the inner band sits on
 * top), actual, forecast, then the anomaly markers.
 */
export function seriesFrame(series: PlotSeries, options: BandsPanelOptions, theme: GrafanaTheme2): DataFrame {
  const { name, color, hidden } = series;
  const fields: Field[] = [series.time];
  const bandColor = resolveColor(options.bandColor, color, theme);
  const strongLevel = series.bands[series.bands.length - 1]?.levelPct;
  for (const band of shownBands(series, options)) {
    const isStrong = band.levelPct === strongLevel && series.bands.length > 1;
    const opacity = isStrong ? options.bandOpacityPct / 2 : options.bandOpacityPct;
    const lowerName = `${name} lower ${band.levelPct}%`;
    const bound = { ...line(0, hidden), hideFrom: hideFrom(hidden, false) };
    fields.push(withConfig(band.lower, lowerName, bandColor, bound));
    fields.push(
      withConfig(band.upper, `${name} upper ${band.levelPct}%`, bandColor, {
        ...bound,
        fillOpacity: opacity,
        fillBelowTo: lowerName,
      })
    );
  }
  fields.push(withConfig(series.actual, name, color, line(1.5, hidden)));
  if (series.forecast && options.showForecast) {
    const forecastHidden = hidden || Boolean(series.forecast.config.custom?.hideFrom?.viz);
    fields.push(withConfig(series.forecast, series.forecastName, color, line(1, forecastHidden, true)));
  }
  const severities: Array<[1 | 2, string]> = [
    [1, options.weakAnomalyColor],
    [2, options.strongAnomalyColor],
  ];
  for (const [severity, colorName] of severities) {
    const marker: Custom = {
      ...line(0, hidden),
      drawStyle: GraphDrawStyle.Points,
      showPoints: VisibilityMode.Always,
      pointSize: options.anomalyMarkerSizePx,
      hideFrom: hideFrom(hidden, false),
    };
    const markerName = `${name} ${severity === 2 ? 'strong' : 'weak'} anomalies`;
    const markerColor = resolveColor(colorName, color, theme);
    const values = anomalyMarkerValues(series.actual.values, series.anomaly?.values, severity);
    fields.push(withConfig(series.actual, markerName, markerColor, marker, values));
  }
  return { name, refId: series.frame.refId, fields, length: series.time.values.length };
}

/** A non-Tidemark frame as plain lines: its number fields with line styling and stable colours. */
export function plainFrame(
  frame: DataFrame,
  frames: DataFrame[],
  theme: GrafanaTheme2,
  avoidColors: string[] = []
): DataFrame | null {
  const time = frame.fields.find((f) => f.type === FieldType.time);
  const numbers = frame.fields.filter((f) => f.type === FieldType.number);
  if (!time || numbers.length === 0) {
    return null;
  }
  const fields = numbers.map((field) => {
    const name = getFieldDisplayName(field, frame, frames);
    const hidden = Boolean(field.config.custom?.hideFrom?.viz);
    return withConfig(field, name, seriesColor(name, field, theme, avoidColors), line(1, hidden));
  });
  return { ...frame, fields: [time, ...fields] };
}

function horizonOf(series: PlotSeries[]): BandsPlotModel['horizon'] {
  let startMs = Infinity;
  let endMs = -Infinity;
  for (const s of series) {
    const times = s.time.values as number[];
    if (s.horizonStartMs !== undefined && times.length > 0) {
      startMs = Math.min(startMs, s.horizonStartMs);
      endMs = Math.max(endMs, times[times.length - 1]);
    }
  }
  return startMs <= endMs ? { startMs, endMs } : null;
}

function sameTimes(a: Field, b: Field): boolean {
  if (a.values.length !== b.values.length) {
    return false;
  }
  for (let i = 0; i < a.values.length; i++) {
    if (a.values[i] !== b.values[i]) {
      return false;
    }
  }
  return true;
}

/**
 * Series frames on one time grid (the usual case: one query, one step) merged into a single frame. Grafana's
 * graph outer-joins multiple frames on time before drawing, which dominates render time at 10 × 10,000 points;
 * a single frame skips the join.
 */
export function mergeSameGrid(frames: DataFrame[]): DataFrame[] {
  if (frames.length < 2 || !frames.every((f) => sameTimes(f.fields[0], frames[0].fields[0]))) {
    return frames;
  }
  const fields = [frames[0].fields[0], ...frames.flatMap((f) => f.fields.slice(1))];
  return [{ name: 'tidemark', refId: frames[0].refId, fields, length: frames[0].length }];
}

/** Maps the panel data to what the panel draws: plot frames, per-series colours, anomaly regions and horizon. */
export function buildPlotModel(frames: DataFrame[], options: BandsPanelOptions, theme: GrafanaTheme2): BandsPlotModel {
  const series: PlotSeries[] = [];
  const plain: DataFrame[] = [];
  let skippedFrameCount = 0;
  // Empty marker colour options mean "the series colour", which leaves nothing to avoid.
  const markerColors = [options.weakAnomalyColor, options.strongAnomalyColor].filter((c) => c !== '');
  frames.forEach((frame, frameIndex) => {
    if (isTidemarkFrame(frame)) {
      const read = readTidemarkFrame(frame, frameIndex, frames);
      const hidden = Boolean(read.actual.config.custom?.hideFrom?.viz);
      series.push({ ...read, color: seriesColor(read.key, read.actual, theme, markerColors), hidden });
      return;
    }
    const mapped = plainFrame(frame, frames, theme, markerColors);
    if (mapped) {
      plain.push(mapped);
    } else {
      skippedFrameCount++;
    }
  });
  const seriesFrames = series.map((s) => seriesFrame(s, options, theme));
  const fieldOwner = new Map<string, number>();
  seriesFrames.forEach((frame, i) => frame.fields.slice(1).forEach((f) => fieldOwner.set(f.config.displayName!, i)));
  return {
    frames: [...mergeSameGrid(seriesFrames), ...plain],
    series,
    fieldOwner,
    regions: options.showAnomalyRegions ? anomalyRegions(series, options, theme) : [],
    horizon: options.showHorizon ? horizonOf(series) : null,
    plainFrameCount: plain.length,
    skippedFrameCount,
  };
}

/**
 * The x range to draw: the panel's time range, stretched to the end of the forecast horizon when the view reaches
 * the recent past (its end is within one horizon length of the horizon start). Grafana's graph clips to the
 * dashboard range, which usually ends at "now", so the horizon would otherwise be cut off; views of older history
 * (e.g. after a drag-zoom) are left as they are.
 */
export function plotRangeMs(
  fromMs: number,
  toMs: number,
  horizon: BandsPlotModel['horizon']
): { fromMs: number; toMs: number } {
  if (!horizon || horizon.endMs <= toMs) {
    return { fromMs, toMs };
  }
  const reachesHorizon = toMs >= horizon.startMs - (horizon.endMs - horizon.startMs);
  return reachesHorizon ? { fromMs, toMs: horizon.endMs } : { fromMs, toMs };
}
