import { type DataFrame, type DataQueryResponse, LoadingState } from '@grafana/data';
import { type Subscription } from 'rxjs';
import { FIT_CONTRACT_VERSION, type FitRequest, type FitResponse } from '../contract/fit';
import type { Analyzer } from '../contract/protocol';
import { fakeAnalyze } from '../contract/testing/fakeAnalyzer';
import { SarimaDataSource } from './datasource';
import type { FitCallOptions, FitClient } from './fitClient';
import {
  channelWorkerPool,
  fakeDataSource,
  fakeUpstream,
  InProcessFitClient,
  PROMETHEUS_FRAMES,
  queryRequest,
} from './testing/fakes';
import type { SarimaQuery } from './types';

const BASE: Partial<SarimaQuery> = {
  expr: 'up',
  resolution: '1h',
  trainingWindow: { type: 'duration', duration: '6h' },
  horizon: '2h',
};

/** Lets queued tasks (message ports, timers at 0 ms, promise callbacks) run. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

async function until(condition: () => boolean) {
  for (let i = 0; i < 1000 && !condition(); i++) {
    await tick();
  }
  expect(condition()).toBe(true);
}

/** The fixture's first series under `count` different label sets. */
function manySeries(count: number): DataFrame[] {
  const [frame] = PROMETHEUS_FRAMES;
  return Array.from({ length: count }, (_, i) => ({
    ...frame,
    fields: frame.fields.map((f) => (f.labels ? { ...f, labels: { ...f.labels, job: `s${i}` } } : f)),
  }));
}

const dataSource = (fitClient: FitClient, frames?: DataFrame[]) =>
  fakeDataSource({ fitClient, upstream: fakeUpstream(frames ? { data: frames } : undefined) });

function collect(ds: SarimaDataSource, targets: Array<Partial<SarimaQuery>>) {
  const responses: DataQueryResponse[] = [];
  let complete = false;
  const subscription: Subscription = ds.query(queryRequest(targets)).subscribe({
    next: (r) => responses.push(r),
    complete: () => (complete = true),
  });
  return { responses, subscription, isComplete: () => complete };
}

/** Fits in-process, then hands out the results one by one when the test releases them. */
class SteppedFitClient implements FitClient {
  readonly waiting: Array<() => void> = [];
  private readonly inner = new InProcessFitClient();

  async fit(request: FitRequest, options?: FitCallOptions): Promise<FitResponse> {
    const { results } = await this.inner.fit(request);
    for (const [i, result] of results.entries()) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      options?.onResult?.(i, result);
    }
    return { version: FIT_CONTRACT_VERSION, results };
  }

  release() {
    this.waiting.shift()!();
  }
}

describe('SarimaDataSource.query streaming', () => {
  it('should send each finished series as a Streaming response, then everything as Done', async () => {
    const client = new SteppedFitClient();
    const { responses, isComplete } = collect(dataSource(client).ds, [BASE]);
    await until(() => client.waiting.length === 1);
    client.release();
    await until(() => responses.length === 1);
    expect(responses[0].state).toBe(LoadingState.Streaming);
    expect(responses[0].data.map((f: DataFrame) => f.name)).toEqual(['up{job="api"}']);
    expect(responses[0].data[0].meta.notices).toContainEqual({ severity: 'info', text: 'A: fitted 1 of 3 series…' });
    client.release();
    await until(() => responses.length === 2);
    expect(responses[1].data.map((f: DataFrame) => f.name)).toEqual(['up{job="api"}', 'up{job="db"}']);
    client.release();
    await until(isComplete);
    const final = responses[responses.length - 1];
    expect(final.data[0].meta.notices ?? []).not.toContainEqual(expect.objectContaining({ severity: 'info' }));
    expect(final.state).toBe(LoadingState.Done);
    expect(final.data.map((f: DataFrame) => f.name)).toEqual(['up{job="api"}', 'up{job="db"}', 'up{job="new"}']);
    expect(responses.slice(0, -1).every((r) => r.state === LoadingState.Streaming)).toBe(true);
  });

  it('should fill a 50-series query progressively through the worker pool', async () => {
    const { client, close } = channelWorkerPool();
    try {
      const { ds } = dataSource(client, manySeries(50));
      const { responses, isComplete } = collect(ds, [{ ...BASE, seriesLimit: 50 }]);
      await until(isComplete);
      const counts = responses.map((r) => r.data.length);
      const streamed = responses.filter((r) => r.state === LoadingState.Streaming);
      expect(streamed.length).toBeGreaterThan(1);
      expect(counts.every((c, i) => i === 0 || c >= counts[i - 1])).toBe(true);
      expect(counts[0]).toBeLessThan(50);
      expect(responses[responses.length - 1]).toMatchObject({ state: LoadingState.Done });
      expect(counts[counts.length - 1]).toBe(50);
    } finally {
      close();
    }
  });

  it('should stop the remaining fits and send nothing more when unsubscribed mid-stream', async () => {
    let analysed = 0;
    const counting: Analyzer = (input, settings, options) => {
      analysed++;
      return fakeAnalyze(input, settings, options);
    };
    const { pool, client, close } = channelWorkerPool(counting, 1);
    try {
      const { ds } = dataSource(client, manySeries(50));
      const { responses, subscription } = collect(ds, [{ ...BASE, seriesLimit: 50 }]);
      await until(() => responses.length >= 1);
      subscription.unsubscribe();
      const responsesAtCancel = responses.length;
      // Cancellation is synchronous for the caller: the queued fits are dropped, and the posted one is dropped by its
      // worker (cancel message) or stopped with it (terminated, when it had started). The worker's start timer and the
      // cancel message race (two event sources), and this in-process worker cannot be cut off mid-fit as a real
      // Worker is, so the one posted fit may still run here — never a queued one, and nothing reaches the caller.
      expect(pool.queued).toBe(0);
      const analysedAtCancel = analysed;
      for (let i = 0; i < 20; i++) {
        await tick();
      }
      expect(analysed).toBeLessThanOrEqual(analysedAtCancel + 1);
      expect(analysed).toBeLessThan(50);
      expect(responses).toHaveLength(responsesAtCancel);
      expect(responses.every((r) => r.state === LoadingState.Streaming)).toBe(true);
    } finally {
      close();
    }
  });

  it('should not stream annotation queries (their one frame needs every series)', async () => {
    const client = new SteppedFitClient();
    const { responses, isComplete } = collect(dataSource(client).ds, [{ ...BASE, queryType: 'anomalies' }]);
    for (let i = 0; i < 3; i++) {
      await until(() => client.waiting.length === 1);
      client.release();
    }
    await until(isComplete);
    expect(responses.map((r) => r.state)).toEqual([LoadingState.Done]);
  });
});
