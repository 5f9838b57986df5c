import {
  type AnnotationSupport,
  type DataFrame,
  type DataQueryError,
  type DataQueryRequest,
  type DataQueryResponse,
  DataSourceApi,
  type DataSourceInstanceSettings,
  LoadingState,
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
import { resolveQuery } from './settings';
import { checkService, checkUpstream } from './health';
import { buildUpstreamRequest, framesToSeries, interpolateExpr, runUpstream, upstreamErrorMessage } from './upstream';
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
    return queries.map((q) => ({ ...q, expr: interpolateExpr(this.templateSrv, q.expr ?? '', scopedVars) }));
  }

  /** Unsubscribing cancels the upstream queries and the in-flight fits. */
  query(request: DataQueryRequest<SarimaQuery>): Observable<DataQueryResponse> {
    return new Observable<DataQueryResponse>((subscriber) => {
      const controller = new AbortController();
      this.runRequest(request, controller.signal).then(
        (response) => {
          subscriber.next(response);
          subscriber.complete();
        },
        (error: unknown) => {
          if (!controller.signal.aborted) {
            subscriber.error(error);
          }
        }
      );
      return () => controller.abort();
    });
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

  private async runRequest(request: DataQueryRequest<SarimaQuery>, signal: AbortSignal): Promise<DataQueryResponse> {
    const targets = request.targets.map((t) => migrateQuery(t)).filter((t) => this.filterQuery(t));
    const outcomes = await Promise.all(targets.map((t) => this.runTarget(t, request, signal)));
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
    signal: AbortSignal
  ): Promise<TargetOutcome> {
    const { refId } = target;
    try {
      const resolved = resolveQuery(target, { fromMs: request.range.from.valueOf(), toMs: request.range.to.valueOf() });
      const upstream = await this.upstream();
      const expr = interpolateExpr(this.templateSrv, target.expr, request.scopedVars);
      const response = await runUpstream(upstream, buildUpstreamRequest(request, refId, expr, resolved), signal);
      const upstreamError = upstreamErrorMessage(response);
      if (upstreamError !== undefined) {
        return { frames: [], errors: [{ refId, message: `Prometheus "${upstream.name}": ${upstreamError}` }] };
      }
      const series = framesToSeries(response.data, resolved.stepMs);
      if (series.length === 0) {
        const text = `${refId}: the query returned no series (${expr})`;
        return { frames: [noticeFrame(refId, 'warning', text)], errors: [] };
      }
      const fitted = series.slice(0, resolved.seriesLimit);
      const fitResponse = await this.fitClient.fit(
        {
          version: FIT_CONTRACT_VERSION,
          series: fitted,
          settings: resolved.settings,
          outputFromMs: resolved.outputFromMs,
        },
        { signal, cacheScope: `${upstream.uid}\u0000${expr}` }
      );
      return toOutcome(target, fitted, series.length, fitResponse.results, resolved.settings.levelsPct);
    } catch (error) {
      if (isAbortError(error)) {
        throw error;
      }
      return { frames: [], errors: [{ refId, message: `${refId}: ${describeFetchError(error)}` }] };
    }
  }

  private async upstream(): Promise<DataSourceApi> {
    const uid = this.instanceSettings.jsonData.upstreamUid;
    if (!uid) {
      throw new Error('no upstream Prometheus data source selected: choose one in the data source settings');
    }
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- see the constructor
    return this.dataSourceSrv.get(uid);
  }
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
  const frames = results.map((result, i) =>
    result.status === 'ok'
      ? analysisToFrame(result, refId, fitted[i].stepMs)
      : failedSeriesFrame(fitted[i], result.error, refId, levelsPct)
  );
  if (totalSeries > fitted.length) {
    const text = `${refId}: modelled the first ${fitted.length} of ${totalSeries} series; raise the series limit to see more`;
    frames[0] = withNotice(frames[0], 'warning', text);
  }
  return { frames, errors };
}
