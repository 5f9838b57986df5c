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
    const entries = () => [...(cache as unknown as { entries: Map<string, AnalysisCacheEntry> }).entries.values()];
    const [first] = (await client.fit(request(250))).results as SeriesAnalysis[];
    // Mark the first call's fits: a fit recalled from the entry keeps the mark, a refit would measure its own time.
    const marked = entries()[0].fits.map((fit) => ({ ...fit, fitTimeMs: -1 }));
    entries()[0].fits = marked;
    const [second] = (await client.fit(request(251))).results as SeriesAnalysis[];
    expect(first.status).toBe('ok');
    expect(second.status).toBe('ok');
    expect(second.points.horizonStart).toBe(24);
    expect(second.points.timesMs).toHaveLength(24 + 6); // SMOKE_SETTINGS' 6h horizon at hourly steps;
    // The pipeline keeps earlier fits in the entry and recalls them: every fit of the first call (its warm-up and
    // the output range's) comes back marked, none refitted. The chosen orders are reused the same way.
    const after = entries()[0].fits;
    expect(after.slice(0, marked.length).map((fit) => [fit.endMs, fit.fitTimeMs])).toEqual(
      marked.map((fit) => [fit.endMs, -1])
    );
    expect(second.model.order).toEqual(first.model.order);
  });
});
