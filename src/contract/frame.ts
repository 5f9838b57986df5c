/**
 * The frame contract between the data source and the panel (and any other consumer): field names and meta
 * keys of a Tidemark data frame. The panel reads frames only through these names (STYLE.md §2).
 *
 * One frame per series. Fields, in order: time, actual, forecast, then for each band level (weak first)
 * lower and upper, then anomaly (severity 0/1/2), the weak and strong anomaly markers (the actual value where the
 * point has that severity, null elsewhere, so a stock graph draws them at the value on the value axis) and score.
 * Band fields carry `config.custom.fillBelowTo` (upper → lower) so the stock Time series panel shades them; numeric
 * fields carry the series labels.
 */

/** `frame.meta.custom.tidemark` marks a Tidemark frame and carries this version. */
export const FRAME_CONTRACT_VERSION = 1;

export const FIELD = {
  time: 'time',
  actual: 'actual',
  forecast: 'forecast',
  anomaly: 'anomaly',
  weakAnomaly: 'weak anomaly',
  strongAnomaly: 'strong anomaly',
  score: 'score',
} as const;

/** Name of the marker field of an anomaly severity (1 weak, 2 strong). */
export function anomalyMarkerFieldName(severity: 1 | 2): string {
  return severity === 2 ? FIELD.strongAnomaly : FIELD.weakAnomaly;
}

/**
 * Marker values of one severity: `actual[i]` where `anomaly[i] === severity`, null elsewhere. The data source
 * writes them as the marker fields and the bands panel draws its markers from them, so both agree point by point.
 */
export function anomalyMarkerValues(
  actual: ArrayLike<number | null | undefined>,
  anomaly: ArrayLike<number | null | undefined> | undefined,
  severity: 1 | 2
): Array<number | null> {
  const out = new Array<number | null>(actual.length).fill(null);
  for (let i = 0; anomaly && i < out.length; i++) {
    if (anomaly[i] === severity) {
      out[i] = actual[i] ?? null;
    }
  }
  return out;
}

/** Name of a band bound field, e.g. `lower 95%`. */
export function bandFieldName(bound: 'lower' | 'upper', levelPct: number): string {
  return `${bound} ${levelPct}%`;
}

/** Parses a band field name back into bound and level; null when the name is not a band field. */
export function parseBandFieldName(name: string): { bound: 'lower' | 'upper'; levelPct: number } | null {
  const match = /^(lower|upper) (\d+(?:\.\d+)?)%$/.exec(name);
  return match ? { bound: match[1] as 'lower' | 'upper', levelPct: Number(match[2]) } : null;
}

/** What `frame.meta.custom` holds on a Tidemark frame. */
export interface TidemarkFrameMeta {
  tidemark: typeof FRAME_CONTRACT_VERSION;
  seriesKey: string;
  /** Band levels, [weak, strong]. */
  levelsPct: [number, number];
  /** Unix ms of the first forecast-horizon point; absent when no horizon. */
  horizonStartMs?: number;
  /** Model summary (see contract/fit.ts ModelSummary), for tooltips and the diagnostics view. */
  model?: unknown;
  /** Anomaly windows (contract/fit.ts AnomalyWindow[]). */
  windows?: unknown[];
}
