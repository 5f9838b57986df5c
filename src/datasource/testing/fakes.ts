/** Fakes of Grafana runtime services and of the fit client, injected through the data source constructor. */
import {
  type DataFrame,
  type DataQueryRequest,
  type DataQueryResponse,
  type DataSourceApi,
  type DataSourceInstanceSettings,
  dateTime,
  type ScopedVars,
} from '@grafana/data';
import type { BackendSrv, DataSourceSrv, TemplateSrv } from '@grafana/runtime';
import { NEVER, type Observable, of } from 'rxjs';
import fixture from '../../../tests/fixtures/datasource/prometheus-frames.json';
import { FIT_CONTRACT_VERSION, type FitRequest, type FitResponse, type SeriesResult } from '../../contract/fit';
import { type Analyzer, runFitTask } from '../../contract/protocol';
import { fakeAnalyze } from '../../contract/testing/fakeAnalyzer';
import { HOUR_MS } from '../../contract/constants';
import { WorkerFitClient } from '../../worker/client';
import { FitWorkerPool } from '../../worker/pool';
import { channelWorkerFactory } from '../../worker/testing/channelWorker';
import { SarimaDataSource } from '../datasource';
import type { FitCallOptions, FitClient } from '../fitClient';
import { GrafanaLikeTemplateSrv } from './templateSrv';
import type { SarimaDataSourceOptions, SarimaQuery } from '../types';

export const PROMETHEUS_FRAMES = fixture.frames as unknown as DataFrame[];
/** Visible range over the fixture: its last 6 hours; 6 hours before it are training data. */
export const VISIBLE_FROM_MS = PROMETHEUS_FRAMES[0].fields[0].values[6] as number;
export const VISIBLE_TO_MS = VISIBLE_FROM_MS + 5 * HOUR_MS;

/** A TemplateSrv without dashboard variables: only scoped variables are replaced, as Grafana does. */
export const fakeTemplateSrv: TemplateSrv = new GrafanaLikeTemplateSrv();

export function instanceSettings(
  jsonData: Partial<SarimaDataSourceOptions> = {}
): DataSourceInstanceSettings<SarimaDataSourceOptions> {
  return {
    id: 1,
    uid: 'tidemark',
    type: 'tidemark-sarima-datasource',
    name: 'Tidemark',
    url: '/api/datasources/proxy/uid/tidemark',
    access: 'proxy',
    readOnly: false,
    meta: { id: 'tidemark-sarima-datasource' },
    jsonData: { upstreamUid: 'prom', ...jsonData },
  } as DataSourceInstanceSettings<SarimaDataSourceOptions>;
}

export interface FakeUpstream {
  api: DataSourceApi;
  requests: DataQueryRequest[];
}

/** A Prometheus stand-in answering every query with `response` (the fixture frames by default). */
export function fakeUpstream(
  response: DataQueryResponse | Observable<DataQueryResponse> = { data: PROMETHEUS_FRAMES },
  health = { status: 'success', message: 'Data source is working' }
): FakeUpstream {
  const requests: DataQueryRequest[] = [];
  const api = {
    name: 'Prom',
    uid: 'prom',
    type: 'prometheus',
    query: (request: DataQueryRequest) => {
      requests.push(request);
      return 'subscribe' in response ? response : of(response);
    },
    testDatasource: async () => health,
  } as unknown as DataSourceApi;
  return { api, requests };
}

export function fakeDataSourceSrv(upstream?: FakeUpstream): DataSourceSrv {
  return {
    get: async (uid: string) => {
      if (!upstream || uid !== 'prom') {
        throw new Error(`Data source ${uid} was not found`);
      }
      return upstream.api;
    },
  } as unknown as DataSourceSrv;
}

/** Fit client running the fake pipeline in-process; records requests and options. */
export class InProcessFitClient implements FitClient {
  readonly calls: Array<{ request: FitRequest; options?: FitCallOptions }> = [];

  /** `analyze` defaults to the fake pipeline; tests of the real one pass `analyzeSeries`. */
  constructor(private readonly analyze: Analyzer = fakeAnalyze) {}

  async fit(request: FitRequest, options?: FitCallOptions): Promise<FitResponse> {
    this.calls.push({ request, options });
    const results = request.series.map((input, index): SeriesResult => {
      const reply = runFitTask({ input, settings: request.settings, outputFromMs: request.outputFromMs }, this.analyze);
      const result: SeriesResult =
        reply.type === 'result'
          ? reply.analysis
          : { status: 'error', key: input.key, labels: input.labels, error: reply.error };
      options?.onResult?.(index, result);
      return result;
    });
    return { version: FIT_CONTRACT_VERSION, results };
  }
}

/** What a data source test may replace; everything else is the fakes above. */
export interface FakeDataSourceOptions {
  /** The Prometheus stand-in (default: the fixture frames); null = no upstream data source exists. */
  upstream?: FakeUpstream | null;
  /** Default: an in-process client running the shared fake analyzer. */
  fitClient?: FitClient;
  jsonData?: Partial<SarimaDataSourceOptions>;
  /** Default: a backendSrv that never answers (browser fits need none). */
  backendSrv?: Pick<BackendSrv, 'fetch'>;
}

/** A data source wired to the fakes, with the upstream and the fit client it uses (for the tests' evidence). */
export function fakeDataSource(options: FakeDataSourceOptions = {}) {
  const upstream = options.upstream ?? fakeUpstream();
  const fitClient = options.fitClient ?? new InProcessFitClient();
  const ds = new SarimaDataSource(
    instanceSettings(options.jsonData),
    fakeTemplateSrv,
    fakeDataSourceSrv(options.upstream === null ? undefined : upstream),
    fitClient,
    options.backendSrv ?? fakeBackendSrv(() => NEVER).backendSrv
  );
  return { ds, upstream, fitClient };
}

/**
 * A pool of `size` in-process channel workers running `analyze` (the real worker code over MessageChannels), its
 * fit client, and `close` to dispose of both at the end of a test.
 */
export function channelWorkerPool(analyze: Analyzer = fakeAnalyze, size = 2) {
  const channels = channelWorkerFactory(analyze);
  const pool = new FitWorkerPool({ factory: channels.factory, size, timeoutMs: 10_000 });
  const close = () => {
    pool.dispose();
    channels.close();
  };
  return { pool, client: new WorkerFitClient(pool), close };
}

/** backendSrv whose `fetch` answers from `respond` (an Observable per request). */
export function fakeBackendSrv(respond: (url: string) => Observable<unknown>) {
  const urls: string[] = [];
  const backendSrv = {
    fetch: (options: { url: string }) => {
      urls.push(options.url);
      return respond(options.url);
    },
  } as unknown as Pick<BackendSrv, 'fetch'>;
  return { backendSrv, urls };
}

export function queryRequest(
  targets: Array<Partial<SarimaQuery>>,
  scopedVars: ScopedVars = {}
): DataQueryRequest<SarimaQuery> {
  const from = dateTime(VISIBLE_FROM_MS);
  const to = dateTime(VISIBLE_TO_MS);
  return {
    requestId: 'q1',
    interval: '15s',
    intervalMs: 15_000,
    range: { from, to, raw: { from, to } },
    scopedVars,
    targets: targets.map((t, i) => ({ refId: String.fromCharCode(65 + i), ...t }) as SarimaQuery),
    timezone: 'utc',
    app: 'dashboard',
    startTime: 0,
  };
}
