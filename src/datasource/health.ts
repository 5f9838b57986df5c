/** "Save & test": each dependency checked on its own, so the message says which one failed and why. */
import type { BackendSrv, DataSourceSrv } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';
import { API_PATHS } from '../contract/constants';
import { describeFetchError } from './fitClient';

export interface CheckResult {
  ok: boolean;
  message: string;
}

/** The upstream data source exists and passes its own `testDatasource()`. */
export async function checkUpstream(dataSourceSrv: DataSourceSrv, uid: string | undefined): Promise<CheckResult> {
  if (!uid) {
    return { ok: false, message: 'Prometheus: no upstream data source selected' };
  }
  try {
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the replacement is not in Grafana 11.6
    const upstream = await dataSourceSrv.get(uid);
    if (typeof upstream.testDatasource !== 'function') {
      return { ok: true, message: `Prometheus "${upstream.name}" found (it has no health check)` };
    }
    const result = await upstream.testDatasource();
    return result.status === 'success'
      ? { ok: true, message: `Prometheus "${upstream.name}" OK` }
      : { ok: false, message: `Prometheus "${upstream.name}" failed its test: ${result.message}` };
  } catch (error) {
    return { ok: false, message: `Prometheus (uid ${uid}): ${describeFetchError(error)}` };
  }
}

/** The companion fit service answers `GET /api/v1/status/buildinfo` through the plugin route. */
export async function checkService(
  backendSrv: Pick<BackendSrv, 'fetch'>,
  routeUrl: string,
  serviceUrl: string | undefined
): Promise<CheckResult> {
  if (!serviceUrl) {
    return { ok: false, message: 'Fit service: no URL configured' };
  }
  try {
    const response = await lastValueFrom(
      backendSrv.fetch<unknown>({ url: `${routeUrl}${API_PATHS.buildInfo}`, method: 'GET', showErrorAlert: false })
    );
    return { ok: true, message: `fit service ${buildVersion(response.data)}at ${serviceUrl} OK` };
  } catch (error) {
    return { ok: false, message: `Fit service at ${serviceUrl}: ${describeFetchError(error)}` };
  }
}

/**
 * `tidemark-0.1.0 ` from the service's Prometheus-style buildinfo, whose `version` is the Prometheus API level it
 * implements and whose `revision` names the service release; else the plain `version`, else ''.
 */
function buildVersion(body: unknown): string {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const data =
    typeof record.data === 'object' && record.data !== null ? (record.data as Record<string, unknown>) : record;
  if (typeof data.revision === 'string' && data.revision.startsWith('tidemark-')) {
    return `${data.revision} `;
  }
  return typeof data.version === 'string' ? `${data.version} ` : '';
}
