import type { GrafanaTheme2 } from '@grafana/data';
import { resolveColor } from './colors';
import { indexAtOrBefore } from './frames';
import type { PlotSeries } from './mapping';
import type { BandsPanelOptions } from './options';

/**
 * A shaded anomaly window of one series: its time span in unix ms and the value range the series (actual and
 * bands) covers inside it, so the shading sits around that series only, on that series' value axis.
 */
export interface TimeRegion {
  startMs: number;
  endMs: number;
  /** Display name of the series' actual field (finds its value scale in the plot). */
  seriesName: string;
  lowValue: number;
  highValue: number;
  color: string;
  severity: 1 | 2;
}

/** Lowest and highest value of the actual field and every band bound at indices [from, to]; null when none. */
function valueRange(series: PlotSeries, from: number, to: number): [number, number] | null {
  const fields = [series.actual, ...series.bands.flatMap((b) => [b.lower, b.upper])];
  let low = Infinity;
  let high = -Infinity;
  for (const field of fields) {
    for (let i = Math.max(0, from); i <= to && i < field.values.length; i++) {
      const v = field.values[i];
      if (typeof v === 'number' && Number.isFinite(v)) {
        low = Math.min(low, v);
        high = Math.max(high, v);
      }
    }
  }
  return low <= high ? [low, high] : null;
}

/** The anomaly windows of the shown series as regions around each series' own values. */
export function anomalyRegions(series: PlotSeries[], options: BandsPanelOptions, theme: GrafanaTheme2): TimeRegion[] {
  const regions: TimeRegion[] = [];
  for (const s of series) {
    const times = s.time.values as number[];
    // Widen by half a step each side so a one-point window still has a visible width.
    const halfStepMs = times.length > 1 ? (times[1] - times[0]) / 2 : 0;
    for (const w of s.hidden ? [] : s.windows) {
      const range = valueRange(s, indexAtOrBefore(times, w.startMs), indexAtOrBefore(times, w.endMs));
      if (!range) {
        continue;
      }
      const colorName = w.severity === 2 ? options.strongAnomalyColor : options.weakAnomalyColor;
      regions.push({
        startMs: w.startMs - halfStepMs,
        endMs: w.endMs + halfStepMs,
        seriesName: s.name,
        lowValue: range[0],
        highValue: range[1],
        color: resolveColor(colorName, s.color, theme),
        severity: w.severity,
      });
    }
  }
  return regions;
}
