import {
  type AnnotationSupport,
  type DataFrame,
  type DataQueryError,
  type DataQueryRequest,
  type DataQueryResponse,
  DataSourceApi,
  type DataSourceInstanceSettings,
  type DataSourceGetTagKeysOptions,
  type DataSourceGetTagValuesOptions,
  LoadingState,
  type GetTagResponse,
  type MetricFindValue,
  type ScopedVars,
  type TestDataSourceResponse,
} from '@grafana/data';
import {
  type BackendSrv,
  type DataSourceSrv,
  getBackendSrv,
  getDataSourceSrv,
  getTemplateSrv,
  type TemplateSrv,
} from '@grafana/runtime';
import { Observable } from 'rxjs';
import { FIT_CONTRACT_VERSION, type SeriesAnalysis, type SeriesInput, type SeriesResult } from '../contract/fit';
import { isAbortError } from '../worker/errors';
import { createDefaultFitClient, describeFetchError, type FitClient } from './fitClient';
import { analysisToFrame, failedSeriesFrame, noticeFrame, windowsToAnnotationFrame, withNotice } from './frames';
import { migrateQuery } from './migrate';
import { seriesName } from './legend';
import { PartialResults } from './progress';
import { queryDisplayText } from './queryText';
import { type QueryContext, resolveQuery } from './settings';
import { checkService, checkUpstream } from './health';
import { fetchSeries, interpolateExpr, upstreamMinIntervalMs, UpstreamQueryError } from './upstream';
import {
  DEFAULT_QUERY,
  QUERY_TYPE_ANOMALIES,
  type SarimaDataSourceOptions,
  type SarimaQuery,
  SERVICE_ROUTE_PATH,
} from './types';

interface TargetOutcome {
  frames: DataFrame[];
  errors: DataQueryError[];
}

/**
 * Wraps a Prometheus query: fetches training window + visible range upstream, fits every series through the
 * `FitClient` (browser workers or the companion service) and returns one Tidemark frame per series.
 * Grafana services are injected with defaults, as Grafana's own Prometheus data source does, so tests pass fakes.
 */
export class SarimaDataSource extends DataSourceApi<SarimaQuery, SarimaDataSourceOptions> {
  readonly annotations: AnnotationSupport<SarimaQuery> = {
    prepareQuery: (anno) =>
      anno.target ? { ...migrateQuery(anno.target), queryType: QUERY_TYPE_ANOMALIES } : undefined,
    getDefaultQuery: () => ({ ...this.getDefaultQuery(), queryType: QUERY_TYPE_ANOMALIES }),
  };

  constructor(
    readonly instanceSettings: DataSourceInstanceSettings<SarimaDataSourceOptions>,
    private readonly templateSrv: TemplateSrv = getTemplateSrv(),
    // The replacements in @grafana/runtime/unstable do not exist in Grafana 11.6 (our grafanaDependency).
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    private readonly dataSourceSrv: DataSourceSrv = getDataSourceSrv(),
    private readonly fitClient: FitClient = createDefaultFitClient(instanceSettings),
    private readonly backendSrv: Pick<BackendSrv, 'fetch'> = getBackendSrv()
  ) {
    super(instanceSettings);
  }

  getDefaultQuery(): Partial<SarimaQuery> {
    return { ...DEFAULT_QUERY, ...this.instanceSettings.jsonData.queryDefaults };
  }

  filterQuery(query: SarimaQuery): boolean {
    return !query.hide && typeof query.expr === 'string' && query.expr.trim() !== '';
  }

  interpolateVariablesInQueries(queries: SarimaQuery[], scopedVars: ScopedVars): SarimaQuery[] {
    return queries.map((q) => ({
      ...this.withLegendInterpolated(q, scopedVars),
      expr: interpolateExpr(this.templateSrv, q.expr ?? '', scopedVars),
    }));
  }

  /** Variables in the legend are replaced as text (Grafana's default format), as Prometheus does. */
  private withLegendInterpolated(query: SarimaQuery, scopedVars: ScopedVars): SarimaQuery {
    return query.legendFormat
      ? { ...query, legendFormat: this.templateSrv.replace(query.legendFormat, scopedVars) }
      : query;
  }

  /**
   * Streams partial results (`LoadingState.Streaming`) as series finish, then the complete response. Unsubscribing
   * cancels the upstream queries and the fits (queued fits dropped, running workers terminated).
   */
  query(request: DataQueryRequest<SarimaQuery>): Observable<DataQueryResponse> {
    return new Observable<DataQueryResponse>((subscriber) => {
      const controller = new AbortController();
      const targets = request.targets.map((t) => migrateQuery(t)).filter((t) => this.filterQuery(t));
      const partial = new PartialResults(
        targets.map((t) => t.refId),
        (response) => subscriber.next(response)
      );
      this.runRequest(targets, request, controller.signal, partial).then(
        (response) => {
          partial.close();
          subscriber.next(response);
          subscriber.complete();
        },
        (error: unknown) => {
          partial.close();
          if (!controller.signal.aborted) {
            subscriber.error(error);
          }
        }
      );
      return () => {
        partial.close();
        controller.abort();
      };
    });
  }

  /** Explore's query history and the query inspector: the expression and the model in one line. */
  getQueryDisplayText(query: SarimaQuery): string {
    return queryDisplayText(migrateQuery(query));
  }

  /** Ad-hoc filter keys come from the upstream, which also applies the filters (`request.filters` is passed on). */
  async getTagKeys(options?: DataSourceGetTagKeysOptions<SarimaQuery>): Promise<GetTagResponse> {
    const upstream = await this.getUpstream();
    return tagResponse(upstream.getTagKeys ? await upstream.getTagKeys(options) : []);
  }

  async getTagValues(options: DataSourceGetTagValuesOptions<SarimaQuery>): Promise<GetTagResponse> {
    const upstream = await this.getUpstream();
    return tagResponse(upstream.getTagValues ? await upstream.getTagValues(options) : []);
  }

  async testDatasource(): Promise<TestDataSourceResponse> {
    const { jsonData } = this.instanceSettings;
    const checks = [checkUpstream(this.dataSourceSrv, jsonData.upstreamUid)];
    if (jsonData.fitLocation === 'service') {
      checks.push(
        checkService(this.backendSrv, `${this.instanceSettings.url}/${SERVICE_ROUTE_PATH}`, jsonData.serviceUrl)
      );
    }
    const results = await Promise.all(checks);
    const failed = results.filter((r) => !r.ok);
    if (jsonData.fitLocation !== 'service') {
      results.push({ ok: true, message: 'fits run in the browser' });
    }
    return failed.length > 0
      ? { status: 'error', message: failed.map((r) => r.message).join('; ') }
      : { status: 'success', message: results.map((r) => r.message).join('; ') };
  }

  private async runRequest(
    targets: SarimaQuery[],
    request: DataQueryRequest<SarimaQuery>,
    signal: AbortSignal,
    partial: PartialResults
  ): Promise<DataQueryResponse> {
    const outcomes = await Promise.all(
      targets.map((t) => this.runTarget(this.withLegendInterpolated(t, request.scopedVars), request, signal, partial))
    );
    const errors = outcomes.flatMap((o) => o.errors);
    return {
      data: outcomes.flatMap((o) => o.frames),
      errors,
      state: errors.length > 0 ? LoadingState.Error : LoadingState.Done,
    };
  }

  private async runTarget(
    target: SarimaQuery,
    request: DataQueryRequest<SarimaQuery>,
    signal: AbortSignal,
    partial: PartialResults
  ): Promise<TargetOutcome> {
    const { refId } = target;
    try {
      const upstream = await this.getUpstream();
      const resolved = resolveQuery(target, queryContext(request, upstream));
      const expr = interpolateExpr(this.templateSrv, target.expr, request.scopedVars);
      const series = await fetchSeries(upstream, request, { refId, expr }, resolved, signal);
      if (series.length === 0) {
        const text = `${refId}: the query returned no series (${expr})`;
        return { frames: [noticeFrame(refId, 'warning', text)], errors: [] };
      }
      const fitted = series.slice(0, resolved.seriesLimit);
      const { levelsPct } = resolved.settings;
      const onResult =
        target.queryType === QUERY_TYPE_ANOMALIES
          ? undefined
          : (i: number, result: SeriesResult) =>
              partial.add(refId, i, fitted.length, seriesFrame(target, fitted[i], result, levelsPct));
      const fitResponse = await this.fitClient.fit(
        {
          version: FIT_CONTRACT_VERSION,
          series: fitted,
          settings: resolved.settings,
          outputFromMs: resolved.outputFromMs,
        },
        { signal, cacheScope: `${upstream.uid}\u0000${expr}`, onResult }
      );
      return toOutcome(target, fitted, series.length, fitResponse.results, resolved.settings.levelsPct);
    } catch (error) {
      if (isAbortError(error)) {
        throw error;
      }
      if (error instanceof UpstreamQueryError) {
        return { frames: [], errors: [{ refId, message: error.message }] };
      }
      return { frames: [], errors: [{ refId, message: `${refId}: ${describeFetchError(error)}` }] };
    }
  }

  /** The upstream Prometheus-type data source instance (its query editor and language provider included). */
  async getUpstream(): Promise<DataSourceApi> {
    const uid = this.instanceSettings.jsonData.upstreamUid;
    if (!uid) {
      throw new Error('no upstream Prometheus data source selected: choose one in the data source settings');
    }
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- see the constructor
    return this.dataSourceSrv.get(uid);
  }
}

/** The dashboard's range and interval, with the upstream's scrape interval as the finest step. */
function queryContext(request: DataQueryRequest<SarimaQuery>, upstream: DataSourceApi): QueryContext {
  const fromMs = request.range.from.valueOf();
  const toMs = request.range.to.valueOf();
  const pixels = request.maxDataPoints && request.maxDataPoints > 0 ? request.maxDataPoints : 1000;
  const intervalMs = request.intervalMs > 0 ? request.intervalMs : (toMs - fromMs) / pixels;
  return { fromMs, toMs, intervalMs, minIntervalMs: upstreamMinIntervalMs(upstream) };
}

/** Fit results → frames (or one annotation frame), with the series-limit notice and an all-failed query error. */
function toOutcome(
  target: SarimaQuery,
  fitted: SeriesInput[],
  totalSeries: number,
  results: SeriesResult[],
  levelsPct: [number, number]
): TargetOutcome {
  const { refId } = target;
  const ok = results.filter((r): r is SeriesAnalysis => r.status === 'ok');
  const errors: DataQueryError[] = [];
  const firstError = results.find((r) => r.status === 'error');
  if (ok.length === 0 && firstError?.status === 'error') {
    const reason = `${firstError.key}: ${firstError.error.name}: ${firstError.error.message}`;
    errors.push({ refId, message: `${refId}: all ${fitted.length} series failed to fit; first: ${reason}` });
  }
  if (target.queryType === QUERY_TYPE_ANOMALIES) {
    return { frames: [windowsToAnnotationFrame(ok, refId)], errors };
  }
  const frames = results.map((result, i) => seriesFrame(target, fitted[i], result, levelsPct));
  if (totalSeries > fitted.length) {
    const text = `${refId}: modelled the first ${fitted.length} of ${totalSeries} series; raise the series limit to see more`;
    frames[0] = withNotice(frames[0], 'warning', text);
  }
  return { frames, errors };
}

/** The frame of one series: its analysis, or its raw data with the error; named by the query's legend. */
function seriesFrame(
  target: SarimaQuery,
  input: SeriesInput,
  result: SeriesResult,
  levelsPct: [number, number]
): DataFrame {
  const name = seriesName(input.labels, input.key, target.legendFormat);
  return result.status === 'ok'
    ? analysisToFrame(result, target.refId, input.stepMs, name)
    : failedSeriesFrame(input, result.error, target.refId, levelsPct, name);
}

/** Upstreams answer tag look-ups in either of Grafana's two shapes; keep the one that can carry an error. */
function tagResponse(found: GetTagResponse | MetricFindValue[]): GetTagResponse {
  return Array.isArray(found) ? { data: found } : found;
}
