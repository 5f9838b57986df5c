/**
 * The Grafana runtime services a plugin may reach for, in their smallest working form: template variables
 * (interpolated as Grafana's TemplateSrv does; the `variables` URL parameter defines them), a data source registry
 * (what the page registers), and a backend service over `fetch`.
 */
import { Observable, from, lastValueFrom } from 'rxjs';
import type { DataSourceInstanceSettings, GrafanaTheme2 } from '@grafana/data';
import {
  BackendSrv,
  BackendSrvRequest,
  config,
  DataSourceSrv,
  FetchResponse,
  setBackendSrv,
  setDataSourceSrv,
  setTemplateSrv,
} from '@grafana/runtime';
import { GrafanaLikeTemplateSrv, type TestVariable } from '../../../src/datasource/testing/templateSrv';

const instances = new Map<string, { settings: DataSourceInstanceSettings; instance?: unknown }>();

/** Registers a data source instance (settings, and the constructed DataSourceApi when there is one). */
export function registerDataSource(settings: DataSourceInstanceSettings, instance?: unknown) {
  instances.set(settings.uid, { settings, instance });
}

const templateSrv = new GrafanaLikeTemplateSrv();

function lookup(ref: unknown) {
  const key = typeof ref === 'string' ? ref : (ref as { uid?: string } | null | undefined)?.uid;
  const byUid = key ? instances.get(key) : undefined;
  return byUid ?? [...instances.values()].find((e) => e.settings.name === key);
}

const dataSourceSrv = {
  get: async (ref?: unknown) => {
    const entry = lookup(ref);
    if (!entry?.instance) {
      throw new Error(`harness: no data source instance for ${JSON.stringify(ref)}`);
    }
    return entry.instance;
  },
  getList: () => [...instances.values()].map((e) => e.settings),
  getInstanceSettings: (ref?: unknown) => lookup(ref)?.settings,
  reload: () => undefined,
  registerRuntimeDataSource: () => undefined,
} as unknown as DataSourceSrv;

async function request<T>(options: BackendSrvRequest): Promise<FetchResponse<T>> {
  const params = options.params ? `?${new URLSearchParams(options.params as Record<string, string>)}` : '';
  const body =
    options.data === undefined || typeof options.data === 'string' ? options.data : JSON.stringify(options.data);
  const response = await fetch(`${options.url}${params}`, {
    method: options.method ?? 'GET',
    headers: { 'Content-Type': 'application/json', ...(options.headers ?? {}) },
    body,
  });
  const text = await response.text();
  const data = (text ? JSON.parse(text) : undefined) as T;
  const result = {
    data,
    status: response.status,
    statusText: response.statusText,
    ok: response.ok,
    headers: response.headers,
    redirected: response.redirected,
    type: response.type,
    url: response.url,
    config: options,
  };
  if (!response.ok) {
    throw result;
  }
  return result;
}

/**
 * Grafana's `chunked`: each chunk of the body as it arrives, with the response's status and headers; a failed
 * status errors with the whole body as bytes; unsubscribing aborts the request.
 */
function chunked(options: BackendSrvRequest): Observable<FetchResponse<Uint8Array | undefined>> {
  return new Observable((subscriber) => {
    const controller = new AbortController();
    const read = async () => {
      const response = await fetch(options.url, {
        method: options.method ?? 'GET',
        headers: { 'Content-Type': 'application/json', ...(options.headers ?? {}) },
        body: options.data === undefined ? undefined : JSON.stringify(options.data),
        signal: controller.signal,
      });
      const meta = { status: response.status, statusText: response.statusText, ok: response.ok };
      const common = { ...meta, headers: response.headers, redirected: false, type: response.type, url: response.url };
      if (!response.ok) {
        throw { ...common, data: new Uint8Array(await response.arrayBuffer()), config: options };
      }
      const reader = response.body!.getReader();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        subscriber.next({ ...common, data: chunk.value, config: options });
      }
      subscriber.complete();
    };
    read().catch((error: unknown) => !controller.signal.aborted && subscriber.error(error));
    return () => controller.abort();
  });
}

const backendSrv = {
  fetch: <T>(options: BackendSrvRequest): Observable<FetchResponse<T>> => from(request<T>(options)),
  chunked,
  datasourceRequest: <T>(options: BackendSrvRequest) => request<T>(options),
  get: async (url: string, params?: Record<string, string>) => (await request({ url, params })).data,
  post: async (url: string, data?: unknown) => (await request({ url, method: 'POST', data })).data,
  put: async (url: string, data?: unknown) => (await request({ url, method: 'PUT', data })).data,
  delete: async (url: string) => (await request({ url, method: 'DELETE' })).data,
  request: async (options: BackendSrvRequest) => (await request(options)).data,
  lastValueFrom,
} as unknown as BackendSrv;

/** Installs the services, the dashboard's variables and the theme into @grafana/runtime, as Grafana does at boot. */
export function installServices(theme: GrafanaTheme2, variables: TestVariable[] = []) {
  templateSrv.setVariables(variables);
  setTemplateSrv(templateSrv);
  setDataSourceSrv(dataSourceSrv);
  setBackendSrv(backendSrv);
  config.theme2 = theme;
  config.bootData.user.lightTheme = theme.isLight;
}
