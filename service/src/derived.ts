/**
 * The derived series a detector publishes, by metric name, built from each series' `SeriesAnalysis`:
 * `tidemark_actual`, `tidemark_forecast`, `tidemark_lower{level}`, `tidemark_upper{level}`, `tidemark_anomaly`
 * (0/1/2), `tidemark_anomaly_score`. Labels are the upstream series' labels plus `detector` (and `level` on
 * bands); an upstream label that clashes with ours is kept as `exported_<name>`, as Prometheus does on scrape.
 */
import type { SeriesAnalysis } from '../../src/contract/fit';

export const METRIC = {
  actual: 'tidemark_actual',
  forecast: 'tidemark_forecast',
  lower: 'tidemark_lower',
  upper: 'tidemark_upper',
  anomaly: 'tidemark_anomaly',
  score: 'tidemark_anomaly_score',
} as const;

/** HELP texts, shared by `/metrics` and `/api/v1/metadata`. */
export const METRIC_HELP: Record<string, string> = {
  [METRIC.actual]: 'Observed value of the upstream series.',
  [METRIC.forecast]:
    'One-step-ahead prediction in history, h-step forecast past the last observation; not below 0 for a series with no negative value.',
  [METRIC.lower]:
    'Lower bound of the prediction interval at the given level (percent); not below 0 for a series with no negative value.',
  [METRIC.upper]:
    'Upper bound of the prediction interval at the given level (percent); not below 0 for a series with no negative value.',
  [METRIC.anomaly]: 'Anomaly flag: 0 none, 1 outside the weak band, 2 outside the strong band.',
  [METRIC.score]: 'Signed standardized residual (positive = above the expected value).',
};

const RESERVED = ['__name__', 'detector', 'level'];

/** One derived series: full label set (with `__name__`) and values on the analysis grid. */
export interface DerivedSeries {
  labels: Record<string, string>;
  timesMs: number[];
  values: Array<number | null>;
}

/** The labels every derived series of this upstream series carries (without `__name__` and `level`). */
export function baseLabels(detector: string, upstream: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(upstream)) {
    if (name === '__name__') {
      continue;
    }
    out[RESERVED.includes(name) ? `exported_${name}` : name] = value;
  }
  out.detector = detector;
  return out;
}

/** Every derived series of one analysis; anomaly is defined in history only. */
export function derivedSeries(base: Record<string, string>, analysis: SeriesAnalysis): DerivedSeries[] {
  const p = analysis.points;
  const timesMs = p.timesMs;
  const history = (values: Array<number | null>) => values.map((v, i) => (i < p.horizonStart ? v : null));
  const out: DerivedSeries[] = [
    { labels: { __name__: METRIC.actual, ...base }, timesMs, values: p.actual },
    { labels: { __name__: METRIC.forecast, ...base }, timesMs, values: p.forecast },
    { labels: { __name__: METRIC.anomaly, ...base }, timesMs, values: history(p.anomaly) },
    { labels: { __name__: METRIC.score, ...base }, timesMs, values: history(p.score) },
  ];
  for (const band of p.bands) {
    const level = String(band.levelPct);
    out.push({ labels: { __name__: METRIC.lower, ...base, level }, timesMs, values: band.lower });
    out.push({ labels: { __name__: METRIC.upper, ...base, level }, timesMs, values: band.upper });
  }
  return out;
}

/**
 * Value in force at `atMs`: the latest non-null point in (atMs − lookbackMs, atMs], as Prometheus evaluates
 * an instant selector with its lookback delta. Null when none.
 */
export function valueAt(series: DerivedSeries, atMs: number, lookbackMs: number): number | null {
  const times = series.timesMs;
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid] <= atMs) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  for (let i = lo - 1; i >= 0 && times[i] > atMs - lookbackMs; i--) {
    const value = series.values[i];
    if (value !== null && value !== undefined) {
      return value;
    }
  }
  return null;
}
