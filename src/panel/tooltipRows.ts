import { type Field, formattedValueToString } from '@grafana/data';
import { indexAtOrBefore } from './frames';
import type { PlotSeries } from './mapping';

/** One labelled line of the tooltip. */
export interface TooltipRow {
  label: string;
  value: string;
  /** Colour of the value text, e.g. the anomaly severity colour. */
  color?: string;
}

/** Tooltip content for one series at one time. */
export interface SeriesTooltip {
  name: string;
  color: string;
  rows: TooltipRow[];
}

function format(field: Field | undefined, value: unknown): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return '–';
  }
  return field?.display ? formattedValueToString(field.display(value)) : String(value);
}

const SEVERITY = ['none', 'weak', 'strong'];

/**
 * The tooltip of one series at `timeMs`: actual, forecast, the expected range at each level, and the anomaly
 * severity and score. Null when the series has no point at that time (it ends earlier or starts later).
 */
export function seriesTooltip(
  series: PlotSeries,
  timeMs: number,
  severityColors: { weak: string; strong: string }
): SeriesTooltip | null {
  const times = series.time.values as number[];
  const i = indexAtOrBefore(times, timeMs);
  if (i < 0 || times[i] !== timeMs) {
    return null;
  }
  const fmt = (field: Field | undefined) => format(series.actual, field?.values[i]);
  const rows: TooltipRow[] = [
    { label: 'Actual', value: fmt(series.actual) },
    { label: 'Forecast', value: fmt(series.forecast) },
  ];
  for (const band of series.bands) {
    rows.push({ label: `Expected ${band.levelPct}%`, value: `${fmt(band.lower)} – ${fmt(band.upper)}` });
  }
  const severity = Number(series.anomaly?.values[i] ?? 0);
  if (series.anomaly && Number.isInteger(severity) && severity >= 0 && severity <= 2) {
    const color = severity === 2 ? severityColors.strong : severity === 1 ? severityColors.weak : undefined;
    rows.push({ label: 'Anomaly', value: SEVERITY[severity], color });
  }
  const score = series.score?.values[i];
  if (typeof score === 'number' && Number.isFinite(score)) {
    rows.push({ label: 'Score', value: `${score >= 0 ? '+' : ''}${score.toFixed(2)} σ` });
  }
  return { name: series.name, color: series.color, rows };
}
