import { type DataFrame, type DataQueryResponse, LoadingState } from '@grafana/data';
import { lastValueFrom, Observable, of, throwError } from 'rxjs';
import { FIELD, type TidemarkFrameMeta } from '../contract/frame';
import type { Analyzer } from '../contract/protocol';
import { fakeAnalyze } from '../contract/testing/fakeAnalyzer';
import { SarimaDataSource } from './datasource';
import type { FitClient } from './fitClient';
import {
  channelWorkerPool,
  fakeBackendSrv,
  fakeDataSource,
  fakeUpstream,
  InProcessFitClient,
  queryRequest,
  VISIBLE_FROM_MS,
} from './testing/fakes';
import { QUERY_TYPE_ANOMALIES, type SarimaQuery } from './types';
import { HOUR_MS } from '../contract/constants';

/** Hourly steps, 6 hours of training before the visible range: the whole 12-point fixture. */
const BASE: Partial<SarimaQuery> = {
  expr: 'up{job=~"$job"}',
  resolution: '1h',
  trainingWindow: { type: 'duration', duration: '6h' },
  horizon: '2h',
};

const setup = fakeDataSource;

const run = (ds: SarimaDataSource, targets: Array<Partial<SarimaQuery>>, vars = {}): Promise<DataQueryResponse> =>
  lastValueFrom(ds.query(queryRequest(targets, vars)));
const notices = (frame: DataFrame) => (frame.meta?.notices ?? []).map((n) => `${n.severity}: ${n.text}`);

describe('SarimaDataSource.query', () => {
  it('should fetch training window + visible range upstream at the resolution, with variables interpolated', async () => {
    const { ds, upstream } = setup();
    await run(ds, [BASE], { job: { text: 'api', value: 'api' } });
    const [request] = upstream.requests;
    // Prometheus aligns a range to its step; so does the fetch plan, so the two parts meet on the grid.
    expect(request.range.from.valueOf()).toBe(Math.floor((VISIBLE_FROM_MS - 6 * HOUR_MS) / HOUR_MS) * HOUR_MS);
    expect(request.intervalMs).toBe(HOUR_MS);
    expect(request.targets).toEqual([
      expect.objectContaining({ refId: 'A', expr: 'up{job=~"api"}', range: true, instant: false }),
    ]);
  });

  it('should return one contract frame per series, with labels and model meta', async () => {
    const { ds, fitClient } = setup();
    const response = await run(ds, [BASE]);
    expect(response.data.map((f: DataFrame) => f.name)).toEqual(['up{job="api"}', 'up{job="db"}', 'up{job="new"}']);
    const [api] = response.data as DataFrame[];
    expect(api.refId).toBe('A');
    expect(api.fields.map((f) => f.name)).toContain(FIELD.forecast);
    expect((api.meta?.custom as TidemarkFrameMeta).model).toMatchObject({ aicc: 206.5 });
    const call = (fitClient as InProcessFitClient).calls[0];
    expect(call.request.outputFromMs).toBe(VISIBLE_FROM_MS);
    expect(call.request.settings).toMatchObject({ horizon: '2h', trainingWindow: '6h' });
  });

  it('should return a failed series as raw data with an error notice, without hiding the others', async () => {
    const { ds } = setup();
    const response = await run(ds, [BASE]);
    const failed = response.data[2] as DataFrame;
    expect(failed.fields.map((f) => f.name)).toEqual([FIELD.time, FIELD.actual]);
    expect(notices(failed)).toEqual([
      'error: up{job="new"}: InsufficientDataError: need ≥ 5 points for up{job="new"}, got 3',
    ]);
    expect(response.errors).toEqual([]);
    expect(response.state).toBe(LoadingState.Done);
  });

  it('should fit the first N series and say so when there are more than the series limit', async () => {
    const { ds, fitClient } = setup();
    const response = await run(ds, [{ ...BASE, seriesLimit: 2 }]);
    expect(response.data).toHaveLength(2);
    expect((fitClient as InProcessFitClient).calls[0].request.series).toHaveLength(2);
    expect(notices(response.data[0])).toContain(
      'warning: A: modelled the first 2 of 3 series; raise the series limit to see more'
    );
  });

  it('should report an upstream error as a query error naming Prometheus', async () => {
    const { ds } = setup({ upstream: fakeUpstream({ data: [], error: { message: 'parse error at char 3' } }) });
    const response = await run(ds, [BASE]);
    expect(response.errors).toEqual([{ refId: 'A', message: 'Prometheus "Prom": parse error at char 3' }]);
    expect(response.state).toBe(LoadingState.Error);
  });

  it('should report a thrown upstream error and a missing upstream as query errors', async () => {
    const { ds } = setup({
      upstream: fakeUpstream(throwError(() => ({ status: 502, data: { message: 'bad gateway' } }))),
    });
    expect((await run(ds, [BASE])).errors).toEqual([{ refId: 'A', message: 'A: HTTP 502: bad gateway' }]);
    const none = setup({ jsonData: { upstreamUid: undefined } });
    expect((await run(none.ds, [BASE])).errors?.[0].message).toContain('no upstream Prometheus data source selected');
  });

  it('should answer an empty result with a notice', async () => {
    const { ds } = setup({ upstream: fakeUpstream({ data: [] }) });
    const response = await run(ds, [BASE]);
    expect(notices(response.data[0])).toEqual(['warning: A: the query returned no series (up{job=~"$job"})']);
  });

  it('should report invalid settings as a query error naming the setting, and keep other queries', async () => {
    const { ds } = setup();
    const response = await run(ds, [{ ...BASE, season: '1d', resolution: '7h' }, BASE]);
    expect(response.errors).toEqual([
      { refId: 'A', message: expect.stringContaining('season 1d is not a whole number') },
    ]);
    expect(response.data.filter((f: DataFrame) => f.refId === 'B')).toHaveLength(3);
  });

  it('should add a query error when every series fails', async () => {
    const failing: FitClient = {
      fit: async (request) => ({
        version: 2,
        results: request.series.map((s) => ({
          status: 'error',
          key: s.key,
          labels: s.labels,
          error: { name: 'InvalidOrderError', message: 'p = 9 > 5' },
        })),
      }),
    };
    const response = await run(setup({ fitClient: failing }).ds, [BASE]);
    expect(response.errors?.[0].message).toBe(
      'A: all 3 series failed to fit; first: up{job="api"}: InvalidOrderError: p = 9 > 5'
    );
    expect(response.data).toHaveLength(3);
  });

  it('should skip hidden and empty queries without calling upstream', async () => {
    const { ds, upstream } = setup();
    const response = await run(ds, [
      { ...BASE, hide: true },
      { ...BASE, expr: '  ' },
    ]);
    expect(upstream.requests).toHaveLength(0);
    expect(response.data).toEqual([]);
  });

  it('should cancel in-flight fits when the subscriber unsubscribes', async () => {
    let signal: AbortSignal | undefined;
    let fitStarted: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (fitStarted = resolve));
    const hanging: FitClient = {
      fit: (_request, options) => {
        signal = options?.signal;
        fitStarted();
        return new Promise(() => undefined);
      },
    };
    const subscription = setup({ fitClient: hanging })
      .ds.query(queryRequest([BASE]))
      .subscribe();
    await started;
    expect(signal?.aborted).toBe(false);
    subscription.unsubscribe();
    expect(signal?.aborted).toBe(true);
  });

  it('should reuse cached models through the worker client on a refresh', async () => {
    const seenCached: boolean[] = [];
    const recording: Analyzer = (input, settings, options) => {
      seenCached.push(options.cached !== undefined);
      return fakeAnalyze(input, settings, options);
    };
    const { client, close } = channelWorkerPool(recording);
    try {
      const { ds } = setup({ fitClient: client });
      await run(ds, [BASE]);
      await run(ds, [BASE]);
      // 3 series each time; the short series fails and is never cached.
      expect(seenCached).toEqual([false, false, false, true, true, false]);
    } finally {
      close();
    }
  });
});

describe('SarimaDataSource annotations', () => {
  it('should turn an annotation target into an anomalies query returning region annotations', async () => {
    const { ds } = setup();
    const query = ds.annotations.prepareQuery!({ target: { refId: 'Anno', ...BASE } } as never)!;
    expect(query.queryType).toBe(QUERY_TYPE_ANOMALIES);
    const response = await run(ds, [query]);
    const [frame] = response.data as DataFrame[];
    expect(frame.fields.map((f) => f.name)).toEqual(['time', 'timeEnd', 'title', 'text', 'tags', 'color']);
    expect(frame.fields[2].values).toEqual([
      'Weak anomaly below range: up{job="api"}',
      'Strong anomaly above range: up{job="api"}',
    ]);
  });
});

describe('SarimaDataSource helpers', () => {
  it('should interpolate variables in queries for explore and inspection', () => {
    const { ds } = setup();
    const [q] = ds.interpolateVariablesInQueries([{ refId: 'A', ...BASE } as SarimaQuery], {
      job: { text: 'db', value: 'db' },
    });
    expect(q.expr).toBe('up{job=~"db"}');
  });

  it('should merge the data source defaults into new queries', () => {
    const { ds } = setup({ jsonData: { queryDefaults: { horizon: '1d', seriesLimit: 5 } } });
    expect(ds.getDefaultQuery()).toMatchObject({ horizon: '1d', seriesLimit: 5, season: 'auto' });
  });
});

describe('SarimaDataSource.testDatasource', () => {
  function withService(respond: () => Observable<never> | Observable<{ data: unknown }>, upstream = fakeUpstream()) {
    const { backendSrv, urls } = fakeBackendSrv(respond);
    const jsonData = { fitLocation: 'service' as const, serviceUrl: 'http://fit:9464' };
    return { ds: fakeDataSource({ upstream, jsonData, backendSrv }).ds, urls };
  }

  it('should succeed when the upstream passes its own test (browser fits)', async () => {
    const { ds } = setup();
    expect(await ds.testDatasource()).toEqual({
      status: 'success',
      message: 'Prometheus "Prom" OK; fits run in the browser',
    });
  });

  it('should name the upstream when it fails its test', async () => {
    const { ds } = setup({ upstream: fakeUpstream(undefined, { status: 'error', message: 'connection refused' }) });
    expect(await ds.testDatasource()).toEqual({
      status: 'error',
      message: 'Prometheus "Prom" failed its test: connection refused',
    });
  });

  it('should check the fit service through the plugin route', async () => {
    const { ds, urls } = withService(() =>
      of({ data: { status: 'success', data: { version: '2.42.0', revision: 'tidemark-0.1.0' } } })
    );
    expect(await ds.testDatasource()).toEqual({
      status: 'success',
      message: 'Prometheus "Prom" OK; fit service tidemark-0.1.0 at http://fit:9464 OK',
    });
    expect(urls).toEqual(['/api/datasources/proxy/uid/tidemark/fitservice/api/v1/status/buildinfo']);
  });

  it('should name the fit service when it fails, and both when both fail', async () => {
    const down = () => throwError(() => ({ status: 401, statusText: 'Unauthorized' }));
    expect((await withService(down).ds.testDatasource()).message).toBe(
      'Fit service at http://fit:9464: HTTP 401: Unauthorized'
    );
    const both = withService(down, fakeUpstream(undefined, { status: 'error', message: 'timeout' }));
    expect((await both.ds.testDatasource()).message).toBe(
      'Prometheus "Prom" failed its test: timeout; Fit service at http://fit:9464: HTTP 401: Unauthorized'
    );
  });
});

describe('Observable contract', () => {
  it('should be an Observable', () => {
    expect(setup().ds.query(queryRequest([BASE]))).toBeInstanceOf(Observable);
  });
});
