/**
 * Where fits run, behind one interface (STYLE.md §2): the browser worker pool (default) or the companion fit
 * service, reached through the `fitservice` plugin route so Grafana's data proxy adds the bearer token server-side.
 */
import { type BackendSrv, getBackendSrv } from '@grafana/runtime';
import type { Subscription } from 'rxjs';
import type { DataSourceInstanceSettings } from '@grafana/data';
import { API_PATHS } from '../contract/constants';
import { FIT_STREAM_MEDIA_TYPE, type FitRequest, type FitResponse, type SeriesResult } from '../contract/fit';
import { createBlobWorkerFactory, workerBundleUrl } from '../worker/blobWorker';
import { WorkerFitClient } from '../worker/client';
import { FitCancelledError } from '../worker/errors';
import { defaultPoolSize, FitWorkerPool } from '../worker/pool';
import { checkedFitResponse, FitStreamReader, withDecodedBody } from './fitStream';
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

type FitServiceBackend = Pick<BackendSrv, 'fetch'> & Partial<Pick<BackendSrv, 'chunked'>>;
type Settle = { resolve: (response: FitResponse) => void; reject: (error: unknown) => void };

/**
 * Fits on the companion service: one `POST /api/v1/fit` per query target through the plugin route. With Grafana's
 * `backendSrv.chunked` (Grafana 11.5+) it asks for the streamed answer and reports each series as its line arrives;
 * without it, one JSON answer.
 */
export class HttpFitClient implements FitClient {
  constructor(
    /** `${instanceSettings.url}/fitservice`. */
    private readonly routeUrl: string,
    private readonly backendSrv: FitServiceBackend = getBackendSrv()
  ) {}

  fit(request: FitRequest, options: FitCallOptions = {}): Promise<FitResponse> {
    const { signal, onResult } = options;
    return new Promise<FitResponse>((resolve, reject) => {
      if (signal?.aborted) {
        reject(new FitCancelledError());
        return;
      }
      const settle = { resolve, reject };
      const subscription = this.backendSrv.chunked
        ? this.streamed(request, onResult, settle)
        : this.whole(request, settle);
      signal?.addEventListener('abort', () => {
        // Unsubscribing aborts the HTTP request in Grafana's backendSrv; the service then stops the request's fits.
        subscription.unsubscribe();
        reject(new FitCancelledError());
      });
    });
  }

  private streamed(request: FitRequest, onResult: FitCallOptions['onResult'], { resolve, reject }: Settle) {
    const reader = new FitStreamReader(request, onResult);
    // Set once the answer is known to be broken: later chunks are ignored (a synchronous source may still emit).
    let broken = false;
    let subscription: Subscription | undefined = undefined;
    subscription = this.backendSrv.chunked!({
      url: `${this.routeUrl}${API_PATHS.fit}`,
      method: 'POST',
      data: request,
      headers: { Accept: FIT_STREAM_MEDIA_TYPE },
      showErrorAlert: false,
    }).subscribe({
      next: (chunk) => {
        try {
          if (!broken) {
            reader.push(chunk.data, chunk.headers?.get('content-type') ?? null);
          }
        } catch (error) {
          broken = true;
          subscription?.unsubscribe();
          reject(error);
        }
      },
      error: (error: unknown) => reject(new Error(`fit service: ${describeFetchError(withDecodedBody(error))}`)),
      complete: () => {
        try {
          resolve(reader.finish());
        } catch (error) {
          reject(error);
        }
      },
    });
    if (broken) {
      subscription.unsubscribe();
    }
    return subscription;
  }

  private whole(request: FitRequest, { resolve, reject }: Settle) {
    return this.backendSrv
      .fetch<FitResponse>({
        url: `${this.routeUrl}${API_PATHS.fit}`,
        method: 'POST',
        data: request,
        showErrorAlert: false,
      })
      .subscribe({
        next: (response) => {
          try {
            resolve(checkedFitResponse(response.data, request.series.length));
          } catch (error) {
            reject(error);
          }
        },
        error: (error: unknown) => reject(new Error(`fit service: ${describeFetchError(error)}`)),
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
