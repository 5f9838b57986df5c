/**
 * The upstream Prometheus data source: the requests that fetch the training window and the visible range (one
 * per range of the query's fetch plan), and the conversion of their frames into pipeline inputs (labels kept).
 */
import {
  type DataFrame,
  type DataQueryRequest,
  type DataQueryResponse,
  type DataSourceApi,
  dateTime,
  FieldType,
  type ScopedVars,
} from '@grafana/data';
import type { DataQuery } from '@grafana/schema';
import type { TemplateSrv } from '@grafana/runtime';
import { from } from 'rxjs';
import type { SeriesInput } from '../contract/fit';
import { FitCancelledError } from '../worker/errors';
import { formatDurationMs } from './duration';
import { seriesDisplayName } from './frames';
import { mergeRanges } from './mergeRanges';
import { formatPromQLVariable } from './promqlFormat';
import type { ResolvedQuery } from './settings';
import { type FetchRange, rangeExpr, rangePoints } from '../model/pipeline/fetchPlan';
import { DEFAULT_SCRAPE_INTERVAL_MS } from './step';
import { parseDurationMs } from '../model/duration';

/** The Prometheus query model fields we set (a subset of `PromQuery`). */
export interface PromTarget extends DataQuery {
  expr: string;
  range: boolean;
  instant: boolean;
  /** Minimum step, e.g. `3600s`. */
  interval: string;
  intervalFactor: number;
  format: 'time_series';
}

/**
 * Scoped variables Prometheus computes from ITS request (step, range): left in the expression for the upstream
 * query() to interpolate, because ours describe the panel's range and interval, not the extended, re-stepped one.
 */
const UPSTREAM_BUILTINS = /^__(interval|interval_ms|rate_interval|rate_interval_ms|range|range_s|range_ms)$/;

/**
 * Interpolates template variables in `expr` formatted as Prometheus formats them (multi-value and "All" as escaped
 * regex alternations), keeping the step- and range-dependent built-ins for Prometheus.
 */
export function interpolateExpr(templateSrv: TemplateSrv, expr: string, scopedVars: ScopedVars | undefined): string {
  const kept: ScopedVars = {};
  for (const [name, value] of Object.entries(scopedVars ?? {})) {
    if (!UPSTREAM_BUILTINS.test(name)) {
      kept[name] = value;
    }
  }
  return templateSrv.replace(expr, kept, formatPromQLVariable);
}

/**
 * The upstream request for one range of a target (`part` tells the ranges of one target apart). A range of bucket
 * means (`meanOfStepMs`, the coarse history of a mixed grid) asks for the mean of `expr` over each bucket.
 */
export function buildUpstreamRequest(
  request: DataQueryRequest<DataQuery>,
  refId: string,
  expr: string,
  range: FetchRange,
  part = 0,
  scrapeMs = DEFAULT_SCRAPE_INTERVAL_MS
): DataQueryRequest<PromTarget> {
  const from = dateTime(range.fromMs);
  const to = dateTime(range.toMs);
  const interval = `${Math.round(range.stepMs / 1000)}s`;
  return {
    ...request,
    requestId: `${request.requestId}-tidemark-${refId}${part > 0 ? `-${part}` : ''}`,
    targets: [
      {
        refId,
        expr: rangeExpr(
          range.meanOfStepMs === undefined ? expr : atInnerStep(expr, range.meanOfStepMs, scrapeMs),
          range
        ),
        range: true,
        instant: false,
        interval,
        intervalFactor: 1,
        format: 'time_series',
      },
    ],
    range: { from, to, raw: { from, to } },
    interval: formatDurationMs(range.stepMs),
    intervalMs: range.stepMs,
    maxDataPoints: rangePoints(range),
    scopedVars: {
      ...request.scopedVars,
      __interval: { text: interval, value: interval },
      __interval_ms: { text: String(range.stepMs), value: range.stepMs },
    },
  };
}

/**
 * `expr` with Grafana's step built-ins (`$__interval`, `$__rate_interval` and their `_ms` forms, in the `$x`, `${x}`
 * and `[[x]]` spellings) set for the inner step of a bucket-mean query, as Grafana's Prometheus data source sets them
 * for a query at that step (rate interval = max(step + scrape interval, 4 × scrape interval)). Left to Grafana, they
 * would describe the outer, coarse step: `rate(x[$__rate_interval])` would average hour-long rates, smoothing the
 * history twice, unlike the recent part queried at that step.
 */
function atInnerStep(expr: string, innerStepMs: number, scrapeMs: number): string {
  const rateMs = Math.max(innerStepMs + scrapeMs, 4 * scrapeMs);
  const values: Record<string, string> = {
    __interval_ms: String(innerStepMs),
    __interval: `${innerStepMs / 1000}s`,
    __rate_interval_ms: String(rateMs),
    __rate_interval: `${rateMs / 1000}s`,
  };
  return expr.replace(
    /\$\{(__(?:rate_)?interval(?:_ms)?)\}|\[\[(__(?:rate_)?interval(?:_ms)?)\]\]|\$(__(?:rate_)?interval(?:_ms)?)(?![A-Za-z0-9_])/g,
    (match, braced?: string, bracketed?: string, bare?: string) => values[braced ?? bracketed ?? bare ?? ''] ?? match
  );
}

/** The upstream's minimum interval: its "Scrape interval" setting (`interval` on Grafana's Prometheus data source). */
export function upstreamMinIntervalMs(upstream: DataSourceApi): number {
  const text = upstream.interval;
  const ms = typeof text === 'string' && text.trim() !== '' ? parseDurationMs(text.trim()) : null;
  return ms !== null && ms > 0 ? ms : DEFAULT_SCRAPE_INTERVAL_MS;
}

/**
 * Runs the ranges of `resolved` upstream (in parallel) and returns one input per series, the ranges merged.
 * @throws UpstreamQueryError with the upstream's message when any range failed
 */
export async function fetchSeries(
  upstream: DataSourceApi,
  request: DataQueryRequest<DataQuery>,
  target: { refId: string; expr: string },
  resolved: ResolvedQuery,
  signal: AbortSignal
): Promise<SeriesInput[]> {
  const responses = await Promise.all(
    resolved.ranges.map((range, part) =>
      runUpstream(
        upstream,
        buildUpstreamRequest(request, target.refId, target.expr, range, part, upstreamMinIntervalMs(upstream)),
        signal
      )
    )
  );
  const parts = responses.map((response, i) => {
    const message = upstreamErrorMessage(response);
    if (message !== undefined) {
      throw new UpstreamQueryError(`Prometheus "${upstream.name}": ${message}`);
    }
    return framesToSeries(response.data, resolved.ranges[i].stepMs);
  });
  const [history, recent] = parts.length === 1 ? [[], parts[0]] : parts;
  return mergeRanges(history, recent, resolved.fineFromMs, resolved.modelStepMs);
}

/** The upstream answered a range query with an error; the message is the upstream's. */
export class UpstreamQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UpstreamQueryError';
  }
}

/** Runs the upstream query to completion (the last emission wins); aborting unsubscribes, cancelling the HTTP call. */
export function runUpstream(
  datasource: DataSourceApi,
  request: DataQueryRequest<PromTarget>,
  signal: AbortSignal
): Promise<DataQueryResponse> {
  return new Promise<DataQueryResponse>((resolve, reject) => {
    let last: DataQueryResponse = { data: [] };
    // The upstream type is DataSourceApi<DataQuery>; PromTarget is a DataQuery with Prometheus' fields.
    const subscription = from(datasource.query(request)).subscribe({
      next: (response) => (last = response),
      error: (error: unknown) => reject(error),
      complete: () => resolve(last),
    });
    signal.addEventListener('abort', () => {
      subscription.unsubscribe();
      reject(new FitCancelledError('upstream query cancelled'));
    });
  });
}

/** Error text of an upstream response, or undefined when it succeeded. */
export function upstreamErrorMessage(response: DataQueryResponse): string | undefined {
  // Data sources built for older Grafana still set only the deprecated `error`.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const errors = response.errors?.length ? response.errors : response.error ? [response.error] : [];
  const messages = errors.map((e) => e.message ?? e.data?.message ?? 'unknown error');
  return messages.length > 0 ? messages.join('; ') : undefined;
}

/**
 * One pipeline input per numeric field of the upstream frames (Prometheus returns one frame per series; wide frames
 * with several value fields are handled too). The key is the series' label set; duplicates get a `#n` suffix.
 */
export function framesToSeries(frames: DataFrame[], stepMs: number): SeriesInput[] {
  const series: SeriesInput[] = [];
  const seen = new Map<string, number>();
  for (const frame of frames) {
    const time = frame.fields.find((f) => f.type === FieldType.time);
    if (!time) {
      continue;
    }
    for (const field of frame.fields) {
      if (field.type !== FieldType.number) {
        continue;
      }
      const labels = { ...(field.labels ?? {}) };
      const fallback = field.config?.displayNameFromDS ?? frame.name ?? field.name;
      const base = seriesDisplayName(labels, fallback);
      const count = (seen.get(base) ?? 0) + 1;
      seen.set(base, count);
      series.push({
        key: count === 1 ? base : `${base}#${count}`,
        labels,
        timesMs: Array.from(time.values, (t: unknown) => Number(t)),
        values: Array.from(field.values, (v: unknown) => (typeof v === 'number' ? v : null)),
        // Prometheus reports the step it actually used on the time field; it may exceed ours near its point limit.
        stepMs: typeof time.config?.interval === 'number' && time.config.interval > 0 ? time.config.interval : stepMs,
      });
    }
  }
  return series;
}
