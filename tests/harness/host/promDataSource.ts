/**
 * A Prometheus-type data source for the demo page: range queries against a real Prometheus over HTTP (through the
 * preview server's same-origin proxy) returning frames shaped like Grafana's Prometheus data source — one frame per
 * series, a `Time` field with the step as `config.interval`, a `Value` field with the labels, and
 * `meta.executedQueryString`. A failed query carries Prometheus's own error text.
 */
import { from, Observable } from 'rxjs';
import {
  type DataFrame,
  type DataQueryError,
  type DataQueryRequest,
  type DataQueryResponse,
  DataSourceApi,
  type DataSourceInstanceSettings,
  FieldType,
  LoadingState,
  type TestDataSourceResponse,
} from '@grafana/data';
import type { DataQuery } from '@grafana/schema';
import { MAX_POINTS_PER_QUERY } from '../../../src/contract/constants';

/** The Prometheus query fields this data source reads (a subset of Grafana's `PromQuery`). */
export interface HarnessPromQuery extends DataQuery {
  expr?: string;
  /** Minimum step, e.g. `3600s`. */
  interval?: string;
}

/** Prometheus refuses range queries longer than this many points per series. */
const MAX_POINTS = MAX_POINTS_PER_QUERY;

interface PromMatrix {
  status: 'success' | 'error';
  error?: string;
  errorType?: string;
  data?: { resultType: string; result: Array<{ metric: Record<string, string>; values: Array<[number, string]> }> };
}

/** `3600s`, `5m`, `1h`, `250ms` → ms; undefined for anything else (Grafana falls back to the request interval). */
function durationMs(text: string | undefined): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(text?.trim() ?? '');
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
  return match ? Number(match[1]) * unit[match[2] as keyof typeof unit] : undefined;
}

/** Go's duration format, as in Grafana's "Step: 1h0m0s". */
function goDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  const [h, m, sec] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  return h > 0 ? `${h}h${m}m${sec}s` : m > 0 ? `${m}m${sec}s` : `${sec}s`;
}

function seriesName(metric: Record<string, string>): string {
  const { __name__: name = '', ...labels } = metric;
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  return `${name}{${pairs.join(', ')}}`;
}

export class HarnessPrometheusDataSource extends DataSourceApi<HarnessPromQuery> {
  /** Range queries answered so far (for the tests: the Tidemark data source really went upstream). */
  queryCount = 0;

  constructor(
    settings: DataSourceInstanceSettings,
    private readonly baseUrl: string
  ) {
    super(settings);
  }

  query(request: DataQueryRequest<HarnessPromQuery>): Observable<DataQueryResponse> {
    return from(this.run(request));
  }

  async testDatasource(): Promise<TestDataSourceResponse> {
    const response = await fetch(`${this.baseUrl}/api/v1/query?query=1%2B1`);
    return response.ok
      ? { status: 'success', message: 'Successfully queried the Prometheus API.' }
      : { status: 'error', message: `Prometheus answered HTTP ${response.status}` };
  }

  private async run(request: DataQueryRequest<HarnessPromQuery>): Promise<DataQueryResponse> {
    const targets = request.targets.filter((t) => !t.hide && t.expr);
    const outcomes = await Promise.all(targets.map((t) => this.runTarget(t, request)));
    const errors = outcomes.flatMap((o) => (o.error ? [o.error] : []));
    return {
      data: outcomes.flatMap((o) => o.frames),
      errors,
      error: errors[0],
      state: errors.length > 0 ? LoadingState.Error : LoadingState.Done,
    };
  }

  private async runTarget(target: HarnessPromQuery, request: DataQueryRequest<HarnessPromQuery>) {
    const { refId } = target;
    const expr = target.expr ?? '';
    const fromMs = request.range.from.valueOf();
    const toMs = request.range.to.valueOf();
    // Like Grafana: the larger of the query's minimum step and the request interval, widened to the point limit,
    // in whole seconds; the start is aligned to the step so every refresh evaluates at the same instants.
    const wantedMs = Math.max(durationMs(target.interval) ?? 0, request.intervalMs || 0, 1000);
    const stepS = Math.ceil(Math.max(wantedMs, (toMs - fromMs) / MAX_POINTS) / 1000);
    const startS = Math.floor(fromMs / 1000 / stepS) * stepS;
    const body = new URLSearchParams({
      query: expr,
      start: String(startS),
      end: String(toMs / 1000),
      step: `${stepS}`,
    });
    this.queryCount++;
    const response = await fetch(`${this.baseUrl}/api/v1/query_range`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
    });
    const text = await response.text();
    let json: PromMatrix | undefined;
    try {
      json = JSON.parse(text) as PromMatrix;
    } catch {
      json = undefined;
    }
    if (!response.ok || json?.status !== 'success' || !json.data) {
      const message = json?.error ?? (text.trim() || `HTTP ${response.status}`);
      const error: DataQueryError = { refId, message, status: response.status };
      return { frames: [] as DataFrame[], error };
    }
    const executedQueryString = `Expr: ${expr}\nStep: ${goDuration(stepS * 1000)}`;
    const frames = json.data.result.map(({ metric, values }): DataFrame => ({
      name: seriesName(metric),
      refId,
      length: values.length,
      meta: { type: 'timeseries-multi' as never, typeVersion: [0, 1], executedQueryString },
      fields: [
        {
          name: 'Time',
          type: FieldType.time,
          config: { interval: stepS * 1000 },
          values: values.map((v) => v[0] * 1000),
        },
        { name: 'Value', type: FieldType.number, labels: metric, config: {}, values: values.map((v) => Number(v[1])) },
      ],
    }));
    return { frames, error: undefined };
  }
}
