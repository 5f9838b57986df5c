import { FIT_CONTRACT_VERSION, type FitRequest, type SeriesAnalysis } from '../contract/fit';
import { LruCache } from './cache';
import { stableStringify, WorkerFitClient } from './client';
import { FitWorkerPool } from './pool';
import { type FakeCache, fakeAnalyze } from '../contract/testing/fakeAnalyzer';
import { channelWorkerFactory } from './testing/channelWorker';
import { fixtureSeries, TEST_SETTINGS } from './testing/fixtures';

const series = fixtureSeries();
const request = (overrides: Partial<FitRequest> = {}): FitRequest => ({
  version: FIT_CONTRACT_VERSION,
  series: series.slice(0, 2),
  settings: TEST_SETTINGS,
  ...overrides,
});

describe('WorkerFitClient', () => {
  const channels = channelWorkerFactory(fakeAnalyze);
  let pool: FitWorkerPool;
  let cache: LruCache<FakeCache>;
  let client: WorkerFitClient;
  beforeEach(() => {
    pool = new FitWorkerPool({ factory: channels.factory, size: 2, timeoutMs: 10_000 });
    cache = new LruCache<FakeCache>(10);
    client = new WorkerFitClient(pool, cache);
  });
  afterEach(() => pool.dispose());
  afterAll(() => channels.close());

  const cacheEntries = () => [...(cache as unknown as { entries: Map<string, FakeCache> }).entries.values()];

  it('should fit every series and keep the input order', async () => {
    const response = await client.fit(request());
    expect(response.version).toBe(FIT_CONTRACT_VERSION);
    expect(response.results.map((r) => r.key)).toEqual([series[0].key, series[1].key]);
  });

  it('should pass the cached model back on a refresh instead of refitting', async () => {
    await client.fit(request(), { cacheScope: 'q1' });
    await client.fit(request(), { cacheScope: 'q1' });
    expect(cacheEntries().map((c) => [c.fits, c.filtered])).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });

  it.each([
    ['the settings differ', request({ settings: { ...TEST_SETTINGS, trainingWindow: '1d' } }), 'q1'],
    ['the query scope differs', request(), 'q2'],
    [
      'the coarse step of a mixed grid differs',
      request({ series: series.slice(0, 2).map((s) => ({ ...s, coarse: { stepMs: 2 * s.stepMs, untilMs: 0 } })) }),
      'q1',
    ],
  ])('should refit when %s', async (_case, second, scope) => {
    await client.fit(request(), { cacheScope: 'q1' });
    await client.fit(second, { cacheScope: scope });
    expect(cacheEntries().every((c) => c.filtered === 0)).toBe(true);
    expect(cache.size).toBe(4);
  });

  it('should refit when the new data ends before the cached state', async () => {
    await client.fit(request(), { cacheScope: 'q1' });
    const earlier = series
      .slice(0, 2)
      .map((s) => ({ ...s, timesMs: s.timesMs.slice(0, 8), values: s.values.slice(0, 8) }));
    await client.fit(request({ series: earlier }), { cacheScope: 'q1' });
    expect(cacheEntries().map((c) => c.filtered)).toEqual([0, 0]);
  });

  it('should return a failed series as an error result without failing the others', async () => {
    const response = await client.fit(request({ series }));
    expect(response.results.map((r) => r.status)).toEqual(['ok', 'ok', 'error']);
    expect(response.results[2]).toMatchObject({ key: series[2].key, error: { name: 'InsufficientDataError' } });
    expect((response.results[0] as SeriesAnalysis).points.horizonStart).toBe(series[0].timesMs.length);
  });

  it('should reject with AbortError when cancelled', async () => {
    const controller = new AbortController();
    const pending = client.fit(request(), { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('stableStringify', () => {
  it('should not depend on key order and should skip undefined fields', () => {
    expect(stableStringify({ b: 1, a: [1, { d: 2, c: undefined }] })).toBe(stableStringify({ a: [1, { d: 2 }], b: 1 }));
  });
});

describe('LruCache', () => {
  it('should evict the least recently used entry', () => {
    const lru = new LruCache<number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    lru.get('a');
    lru.set('c', 3);
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual([1, undefined, 3]);
  });

  it('should refuse a size below 1', () => {
    expect(() => new LruCache(0)).toThrow('maxEntries must be ≥ 1, got 0');
  });
});
