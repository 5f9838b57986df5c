/**
 * Harness mode `refresh` (issue 13 item 4 bench): a dashboard refresh through the built Tidemark data source and its
 * Web Worker pool. A Prometheus-type stand-in (`scrapedUpstream`: range queries answered from deterministic 15 s
 * scrapes, 11,000-point limit included) serves `series` daily-seasonal series; the visible range is `points` steps
 * of 1 minute, with the data source's default query (28-day window fetched hourly, the last day and the visible
 * range at 1 minute). `window.harness.refresh()` runs one query to completion and returns its wall time.
 */
import {
  type DataFrame,
  type DataQueryRequest,
  type DataQueryResponse,
  type DataSourcePlugin,
  dateTime,
} from '@grafana/data';
import { lastValueFrom } from 'rxjs';
import { dailySeries, scrapedUpstream } from '../../../src/datasource/testing/scrapedUpstream';
import { loadAmdModule } from './amd';
import { registerDataSource } from './services';
import { MINUTE_MS } from '../../../src/contract/constants';

type Harness = Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the harness mounts any data source plugin.
type AnyDataSourcePlugin = DataSourcePlugin<any, any, any>;

/** A fixed "now" on a whole hour, so every page load queries the same data. */
const NOW_MS = Date.UTC(2026, 0, 15, 12);

function request(points: number): DataQueryRequest {
  const from = dateTime(NOW_MS - points * MINUTE_MS);
  const to = dateTime(NOW_MS);
  return {
    requestId: 'refresh',
    interval: '1m',
    intervalMs: MINUTE_MS,
    maxDataPoints: points,
    range: { from, to, raw: { from, to } },
    scopedVars: {},
    targets: [{ refId: 'A', expr: 'rate(http_requests_total[5m])' } as never],
    timezone: 'utc',
    app: 'dashboard',
    startTime: 0,
  };
}

export async function mountRefreshMode(params: URLSearchParams, harness: Harness): Promise<void> {
  const seriesCount = Number(params.get('series') ?? 20);
  const points = Number(params.get('points') ?? 1000);
  const series = Array.from({ length: seriesCount }, (_, i) => dailySeries({ job: `job${i}` }, i + 1));
  const upstream = scrapedUpstream(series, 15_000);
  // Time spent answering upstream queries (the stand-in runs on the page's thread), for the bench's breakdown.
  let upstreamMs = 0;
  const query = upstream.api.query.bind(upstream.api);
  upstream.api.query = ((request: DataQueryRequest) => {
    const t0 = performance.now();
    const answer = query(request);
    upstreamMs += performance.now() - t0;
    return answer;
  }) as typeof upstream.api.query;
  const promSettings = { id: 2, uid: 'prom', type: 'prometheus', name: 'Prom', meta: {}, jsonData: {} };
  registerDataSource(promSettings as never, upstream.api);
  const { plugin } = (await loadAmdModule('/dist/datasource/module.js')) as { plugin: AnyDataSourcePlugin };
  const meta = await (await fetch('/dist/datasource/plugin.json')).json();
  const jsonData = { upstreamUid: 'prom', fitLocation: 'browser' };
  const settings = { id: 1, uid: 'tidemark', type: meta.id, name: 'Tidemark', meta, jsonData, access: 'proxy' };
  const datasource = new plugin.DataSourceClass(settings as never);
  harness.refresh = async () => {
    upstreamMs = 0;
    const t0 = performance.now();
    const response: DataQueryResponse = await lastValueFrom(datasource.query(request(points) as never));
    const ms = performance.now() - t0;
    const frames = response.data as DataFrame[];
    const rows = frames.map((f) => f.length);
    return { ms, upstreamMs, frames: frames.length, minRows: Math.min(...rows), errors: response.errors ?? [] };
  };
}
