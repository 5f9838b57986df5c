/**
 * The worker transport over the real pipeline (`analyzeSeries`), in-process over MessageChannel: a fit, then a
 * refresh with one more point that passes the cached entry back to the pipeline.
 */
import { FIT_CONTRACT_VERSION, type FitRequest, type SeriesAnalysis } from '../contract/fit';
import { type AnalysisCacheEntry, analyzeSeries } from '../model/pipeline/analyze';
import { LruCache } from './cache';
import { WorkerFitClient } from './client';
import { FitWorkerPool } from './pool';
import { channelWorkerFactory } from './testing/channelWorker';
import { dailyCycleSeries, SMOKE_SETTINGS } from './testing/fixtures';
import { HOUR_MS } from '../contract/constants';

const START_MS = Date.UTC(2024, 0, 1);

const series = (n: number) => dailyCycleSeries(n, 'up{job="api"}', { job: 'api' });

const SETTINGS = SMOKE_SETTINGS;

describe('worker transport over analyzeSeries', () => {
  const channels = channelWorkerFactory((input, settings, options) =>
    analyzeSeries(input, settings, {
      outputFromMs: options.outputFromMs,
      cached: options.cached as AnalysisCacheEntry | undefined,
    })
  );
  const pool = new FitWorkerPool({ factory: channels.factory, size: 1, timeoutMs: 60_000 });
  afterAll(() => {
    pool.dispose();
    channels.close();
  });

  it('should analyse a series, then hand the cached entry back to the pipeline on a refresh', async () => {
    const cache = new LruCache<AnalysisCacheEntry>(10);
    const client = new WorkerFitClient(pool, cache);
    const request = (n: number): FitRequest => ({
      version: FIT_CONTRACT_VERSION,
      series: [series(n)],
      settings: SETTINGS,
      outputFromMs: START_MS + (n - 24) * HOUR_MS,
    });
    const [first] = (await client.fit(request(250))).results as SeriesAnalysis[];
    const [second] = (await client.fit(request(251))).results as SeriesAnalysis[];
    expect(first.status).toBe('ok');
    expect(second.status).toBe('ok');
    expect(second.points.horizonStart).toBe(24);
    expect(second.points.timesMs).toHaveLength(24 + 6); // SMOKE_SETTINGS' 6h horizon at hourly steps;
    // The pipeline keeps earlier fits in the entry and adds only newly scheduled ones: 2 fits means the entry of
    // the first call came back (a fresh entry would hold 1). The chosen orders are reused the same way.
    const [entry] = [...(cache as unknown as { entries: Map<string, AnalysisCacheEntry> }).entries.values()];
    expect(entry.fits).toHaveLength(2);
    expect(second.model.order).toEqual(first.model.order);
  });
});
