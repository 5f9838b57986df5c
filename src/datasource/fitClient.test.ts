import { Observable, of, throwError } from 'rxjs';
import { FIT_CONTRACT_VERSION, type FitRequest } from '../contract/fit';
import { WorkerFitClient } from '../worker/client';
import { fixtureSeries, TEST_SETTINGS } from '../worker/testing/fixtures';
import { createDefaultFitClient, describeFetchError, HttpFitClient } from './fitClient';
import { fakeBackendSrv, instanceSettings } from './testing/fakes';

const request: FitRequest = {
  version: FIT_CONTRACT_VERSION,
  series: fixtureSeries().slice(0, 1),
  settings: TEST_SETTINGS,
};
const ROUTE = '/api/datasources/proxy/uid/tidemark/fitservice';

describe('HttpFitClient', () => {
  it('should POST the request to the plugin route and return the response', async () => {
    const body = {
      version: FIT_CONTRACT_VERSION,
      results: [{ status: 'error', key: 'k', labels: {}, error: { name: 'E', message: 'm' } }],
    };
    const { backendSrv, urls } = fakeBackendSrv(() => of({ data: body }));
    expect(await new HttpFitClient(ROUTE, backendSrv).fit(request)).toEqual(body);
    expect(urls).toEqual([`${ROUTE}/api/v1/fit`]);
  });

  it('should reject a response of another contract version or length', async () => {
    const { backendSrv } = fakeBackendSrv(() => of({ data: { version: 3, results: [] } }));
    await expect(new HttpFitClient(ROUTE, backendSrv).fit(request)).rejects.toThrow(
      'fit service: expected contract version 2 with 1 results, got version 3 with 0'
    );
  });

  it('should describe an HTTP failure', async () => {
    const { backendSrv } = fakeBackendSrv(() =>
      throwError(() => ({ status: 413, data: { message: 'too many series' } }))
    );
    await expect(new HttpFitClient(ROUTE, backendSrv).fit(request)).rejects.toThrow(
      'fit service: HTTP 413: too many series'
    );
  });

  it('should unsubscribe (dropping the HTTP request) and reject with AbortError when cancelled', async () => {
    let unsubscribed = false;
    const hanging = new Observable<never>(() => () => (unsubscribed = true));
    const { backendSrv } = fakeBackendSrv(() => hanging);
    const controller = new AbortController();
    const pending = new HttpFitClient(ROUTE, backendSrv).fit(request, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(unsubscribed).toBe(true);
  });
});

describe('createDefaultFitClient', () => {
  it('should use the fit service route when the data source says so', () => {
    const client = createDefaultFitClient(instanceSettings({ fitLocation: 'service', serviceUrl: 'http://fit' }));
    expect(client).toBeInstanceOf(HttpFitClient);
  });

  it('should share one browser worker client per timeout across data source instances', () => {
    const a = createDefaultFitClient(instanceSettings({}));
    const b = createDefaultFitClient(instanceSettings({ fitLocation: 'browser' }));
    const c = createDefaultFitClient(instanceSettings({ fitTimeoutSec: 5 }));
    expect(a).toBeInstanceOf(WorkerFitClient);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });
});

describe('describeFetchError', () => {
  it.each([
    [{ status: 502, statusText: 'Bad Gateway', data: {} }, 'HTTP 502: Bad Gateway'],
    [{ status: 500, data: { message: 'boom' } }, 'HTTP 500: boom'],
    [
      { status: 429, data: { version: 1, error: { name: 'OverloadedError', message: 'queue full, retry in 2 s' } } },
      'HTTP 429: OverloadedError: queue full, retry in 2 s',
    ],
    [{ status: 400, data: { status: 'error', errorType: 'bad_data', error: 'parse error' } }, 'HTTP 400: parse error'],
    [new Error('offline'), 'offline'],
    ['plain', 'plain'],
  ])('should describe %p', (error, text) => {
    expect(describeFetchError(error)).toBe(text);
  });
});
