/**
 * Where fits run, behind one interface (STYLE.md §2): the browser worker pool (default) or the companion fit
 * service, reached through the `fitservice` plugin route so Grafana's data proxy adds the bearer token server-side.
 */
import { type BackendSrv, getBackendSrv } from '@grafana/runtime';
import type { DataSourceInstanceSettings } from '@grafana/data';
import { API_PATHS } from '../contract/constants';
import { FIT_CONTRACT_VERSION, type FitRequest, type FitResponse, type SeriesResult } from '../contract/fit';
import { createBlobWorkerFactory, workerBundleUrl } from '../worker/blobWorker';
import { WorkerFitClient } from '../worker/client';
import { FitCancelledError } from '../worker/errors';
import { defaultPoolSize, FitWorkerPool } from '../worker/pool';
import { DEFAULT_FIT_TIMEOUT_SEC, type SarimaDataSourceOptions, SERVICE_ROUTE_PATH } from './types';

export interface FitCallOptions {
  /** Aborting cancels in-flight fits (workers terminated, HTTP request dropped). */
  signal?: AbortSignal;
  /** Separates cached models of different queries whose series share labels. */
  cacheScope?: string;
  /** Called as each series finishes (its index in `request.series`), before `fit` resolves; for partial results. */
  onResult?: (index: number, result: SeriesResult) => void;
}

/** Analyses series; per-series failures are error results, never a rejected promise (except cancellation). */
export interface FitClient {
  fit(request: FitRequest, options?: FitCallOptions): Promise<FitResponse>;
}

/** A failed HTTP call, as Grafana's `FetchError` or anything else, in one readable line. */
export function describeFetchError(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'status' in error) {
    const { status, statusText, data } = error as { status?: number; statusText?: string; data?: unknown };
    const detail = errorDetail(data) ?? statusText ?? '';
    return `HTTP ${status ?? '?'}${detail ? `: ${detail}` : ''}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * The message inside an error body: the fit service's `{error: {name, message}}`, Prometheus's
 * `{status: 'error', error: '…'}`, or Grafana's data proxy `{message: '…'}`.
 */
function errorDetail(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) {
    return undefined;
  }
  const body = data as { error?: unknown; message?: unknown };
  if (typeof body.error === 'object' && body.error !== null && 'message' in body.error) {
    const { name, message } = body.error as { name?: unknown; message?: unknown };
    return typeof name === 'string' ? `${name}: ${String(message)}` : String(message);
  }
  if (typeof body.error === 'string') {
    return body.error;
  }
  return typeof body.message === 'string' ? body.message : undefined;
}

/** Fits on the companion service: one `POST /api/v1/fit` per query target through the plugin route. */
export class HttpFitClient implements FitClient {
  constructor(
    /** `${instanceSettings.url}/fitservice`. */
    private readonly routeUrl: string,
    private readonly backendSrv: Pick<BackendSrv, 'fetch'> = getBackendSrv()
  ) {}

  fit(request: FitRequest, options: FitCallOptions = {}): Promise<FitResponse> {
    const { signal } = options;
    return new Promise<FitResponse>((resolve, reject) => {
      if (signal?.aborted) {
        reject(new FitCancelledError());
        return;
      }
      const subscription = this.backendSrv
        .fetch<FitResponse>({
          url: `${this.routeUrl}${API_PATHS.fit}`,
          method: 'POST',
          data: request,
          showErrorAlert: false,
        })
        .subscribe({
          next: (response) => {
            const body = response.data;
            if (body?.version !== FIT_CONTRACT_VERSION || body.results?.length !== request.series.length) {
              reject(
                new Error(
                  `fit service: expected contract version ${FIT_CONTRACT_VERSION} with ${request.series.length} ` +
                    `results, got version ${body?.version} with ${body?.results?.length ?? 0}`
                )
              );
              return;
            }
            resolve(body);
          },
          error: (error: unknown) => reject(new Error(`fit service: ${describeFetchError(error)}`)),
        });
      signal?.addEventListener('abort', () => {
        // Unsubscribing aborts the HTTP request in Grafana's backendSrv.
        subscription.unsubscribe();
        reject(new FitCancelledError());
      });
    });
  }
}

const sharedWorkerClients = new Map<number, WorkerFitClient>();

/** The page-wide worker client for a timeout: every data source instance shares its pool and model cache. */
export function sharedWorkerFitClient(timeoutMs: number): WorkerFitClient {
  let client = sharedWorkerClients.get(timeoutMs);
  if (!client) {
    const concurrency = typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency;
    const baseUri = typeof document === 'undefined' ? 'http://localhost/' : document.baseURI;
    const pool = new FitWorkerPool({
      factory: createBlobWorkerFactory(workerBundleUrl(baseUri)),
      size: defaultPoolSize(concurrency),
      timeoutMs,
    });
    client = new WorkerFitClient(pool);
    sharedWorkerClients.set(timeoutMs, client);
  }
  return client;
}

/** The client the data source settings ask for. */
export function createDefaultFitClient(settings: DataSourceInstanceSettings<SarimaDataSourceOptions>): FitClient {
  if (settings.jsonData.fitLocation === 'service') {
    return new HttpFitClient(`${settings.url}/${SERVICE_ROUTE_PATH}`);
  }
  return sharedWorkerFitClient((settings.jsonData.fitTimeoutSec ?? DEFAULT_FIT_TIMEOUT_SEC) * 1000);
}
