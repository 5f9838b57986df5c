import { type DataFrame, type DataQueryResponse, LoadingState } from '@grafana/data';
import type { BackendSrv } from '@grafana/runtime';
import { NEVER, Observable, type Subscriber } from 'rxjs';
import { FIT_CONTRACT_VERSION, type FitRequest, type FitStreamLine, type SeriesResult } from '../contract/fit';
import { HttpFitClient } from './fitClient';
import { fakeDataSource, InProcessFitClient, queryRequest } from './testing/fakes';
import type { SarimaQuery } from './types';

const BASE: Partial<SarimaQuery> = {
  expr: 'up',
  resolution: '1h',
  trainingWindow: { type: 'duration', duration: '6h' },
  horizon: '2h',
};
const NDJSON_HEADERS = { get: (name: string) => (name === 'content-type' ? 'application/x-ndjson' : null) };

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
async function until(condition: () => boolean) {
  for (let i = 0; i < 1000 && !condition(); i++) {
    await tick();
  }
  expect(condition()).toBe(true);
}

/** The fit service behind `backendSrv.chunked`, answering with lines the test sends one at a time. */
class FakeStreamingService {
  request: FitRequest | undefined;
  accept: string | undefined;
  unsubscribed = false;
  private subscriber: Subscriber<unknown> | undefined;

  readonly backendSrv = {
    fetch: () => NEVER,
    chunked: (options: { data: FitRequest; headers: Record<string, string> }) =>
      new Observable((subscriber) => {
        this.request = options.data;
        this.accept = options.headers.Accept;
        this.subscriber = subscriber;
        return () => (this.unsubscribed = true);
      }),
  } as unknown as Pick<BackendSrv, 'fetch' | 'chunked'>;

  get connected() {
    return this.subscriber !== undefined;
  }

  send(line: FitStreamLine) {
    const data = new TextEncoder().encode(`${JSON.stringify(line)}\n`);
    this.subscriber!.next({ data, headers: NDJSON_HEADERS, status: 200, ok: true });
  }

  end() {
    this.subscriber!.complete();
  }
}

/** The fake pipeline's result for series `index` of the captured request. */
async function resultFor(service: FakeStreamingService, index: number): Promise<SeriesResult> {
  const request = { ...service.request!, series: [service.request!.series[index]] };
  return (await new InProcessFitClient().fit(request)).results[0];
}

function start(service: FakeStreamingService) {
  const fitClient = new HttpFitClient('/route', service.backendSrv);
  const { ds } = fakeDataSource({ fitClient, jsonData: { fitLocation: 'service' } });
  const responses: DataQueryResponse[] = [];
  let complete = false;
  const subscription = ds.query(queryRequest([BASE])).subscribe({
    next: (r) => responses.push(r),
    complete: () => (complete = true),
  });
  return { responses, subscription, isComplete: () => complete };
}

const names = (r: DataQueryResponse) => r.data.map((f: DataFrame) => f.name);

describe('SarimaDataSource.query with fits on the service', () => {
  it('should stream frames as result lines arrive, a failed series in its own frame, then Done', async () => {
    const service = new FakeStreamingService();
    const { responses, isComplete } = start(service);
    await until(() => service.connected);
    expect(service.accept).toBe('application/x-ndjson');
    expect(service.request!.series).toHaveLength(3);
    service.send({ type: 'result', index: 2, result: await resultFor(service, 2) });
    await until(() => responses.length === 1);
    expect(responses[0].state).toBe(LoadingState.Streaming);
    expect(names(responses[0])).toEqual(['up{job="new"}']);
    expect(responses[0].data[0].meta.notices).toContainEqual({ severity: 'info', text: 'A: fitted 1 of 3 series…' });
    const { key, labels } = service.request!.series[0];
    const error = { name: 'SingularFitError', message: 'the Hessian is singular' };
    service.send({ type: 'result', index: 0, result: { status: 'error', key, labels, error } });
    await until(() => responses.length === 2);
    expect(names(responses[1])).toEqual(['up{job="api"}', 'up{job="new"}']);
    expect(responses[1].data[0].meta.notices).toContainEqual({
      severity: 'error',
      text: 'up{job="api"}: SingularFitError: the Hessian is singular',
    });
    service.send({ type: 'result', index: 1, result: await resultFor(service, 1) });
    service.send({ type: 'done', version: FIT_CONTRACT_VERSION, count: 3 });
    service.end();
    await until(isComplete);
    const final = responses[responses.length - 1];
    expect(final.state).toBe(LoadingState.Done);
    expect(final.errors).toEqual([]);
    expect(names(final)).toEqual(['up{job="api"}', 'up{job="db"}', 'up{job="new"}']);
    expect(responses.slice(0, -1).every((r) => r.state === LoadingState.Streaming)).toBe(true);
  });

  it('should drop the HTTP request and send nothing more when the query is unsubscribed', async () => {
    const service = new FakeStreamingService();
    const { responses, subscription } = start(service);
    await until(() => service.connected);
    service.send({ type: 'result', index: 0, result: await resultFor(service, 0) });
    await until(() => responses.length === 1);
    subscription.unsubscribe();
    expect(service.unsubscribed).toBe(true);
    for (let i = 0; i < 5; i++) {
      await tick();
    }
    expect(responses.map((r) => r.state)).toEqual([LoadingState.Streaming]);
  });

  it('should keep the series that arrived when the answer breaks off, naming the missing ones', async () => {
    const service = new FakeStreamingService();
    const { responses, isComplete } = start(service);
    await until(() => service.connected);
    service.send({ type: 'result', index: 1, result: await resultFor(service, 1) });
    service.end();
    await until(isComplete);
    const final = responses[responses.length - 1];
    expect(final.state).toBe(LoadingState.Done);
    expect(final.data[1].fields.length).toBeGreaterThan(2);
    expect(final.data[0].meta.notices).toContainEqual({
      severity: 'error',
      text: 'up{job="api"}: FitStreamError: no result for this series: the answer ended early (1 of 3 received)',
    });
  });
});
