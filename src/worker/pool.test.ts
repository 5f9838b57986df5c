import { FitCancelledError } from './errors';
import { defaultPoolSize, type FitJob, FitWorkerPool } from './pool';
import { fakeAnalyze } from '../contract/testing/fakeAnalyzer';
import { channelWorkerFactory, ScriptedWorker } from './testing/channelWorker';
import { fixtureSeries, TEST_SETTINGS } from './testing/fixtures';

const [api, db, tooShort] = fixtureSeries();
const job = (input = api): FitJob => ({ input, settings: TEST_SETTINGS });
/** Series keys of the fits posted to `worker` (cancel messages carry no series). */
const postedKeys = (worker: ScriptedWorker) => worker.posted.map((m) => (m.type === 'fit' ? m.input.key : m.type));

function scriptedPool(size: number, timeoutMs = 1000) {
  const workers: ScriptedWorker[] = [];
  const pool = new FitWorkerPool({
    size,
    timeoutMs,
    factory: () => {
      const worker = new ScriptedWorker();
      workers.push(worker);
      return worker;
    },
  });
  return { pool, workers };
}

/** Lets posted messages and promise callbacks run. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('defaultPoolSize', () => {
  it.each([
    [undefined, 1],
    [1, 1],
    [2, 2],
    [4, 3],
    [16, 4],
  ])('should size the pool for hardwareConcurrency %p as %p', (cores, size) => {
    expect(defaultPoolSize(cores)).toBe(size);
  });
});

describe('FitWorkerPool over MessageChannel', () => {
  const channels = channelWorkerFactory(fakeAnalyze);
  afterAll(() => channels.close());

  it('should return the analysis of each job and rethrow worker errors as real Errors', async () => {
    const pool = new FitWorkerPool({ factory: channels.factory, size: 2, timeoutMs: 10_000 });
    const [a, b] = await Promise.all([pool.run(job(api)), pool.run(job(db))]);
    expect(a.analysis.key).toBe(api.key);
    expect(b.analysis.key).toBe(db.key);
    const failure = pool.run(job(tooShort));
    await expect(failure).rejects.toThrow(Error);
    await expect(failure).rejects.toMatchObject({ name: 'InsufficientDataError' });
    expect(pool.liveWorkers).toBe(2);
    pool.dispose();
  });

  it('should cancel a fit the worker has not started by message: no result, same worker, slot free', async () => {
    const pool = new FitWorkerPool({ factory: channels.factory, size: 1, timeoutMs: 10_000 });
    const before = channels.created();
    const controller = new AbortController();
    const cancelled = pool.run(job(api), controller.signal);
    // Aborted in the same turn: the cancel reaches the worker before the fit's start (next macrotask).
    controller.abort();
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    const next = await pool.run(job(db));
    expect(next.analysis.key).toBe(db.key);
    expect(channels.created() - before).toBe(1);
    expect(pool.liveWorkers).toBe(1);
    pool.dispose();
  });
});

describe('FitWorkerPool scheduling', () => {
  it('should run at most size fits at once and queue the rest', async () => {
    const { pool, workers } = scriptedPool(2);
    const runs = [api, db, api].map((input) => pool.run(job(input)));
    expect(workers).toHaveLength(2);
    expect(pool.queued).toBe(1);
    const first = workers[0].posted[0];
    workers[0].emit('message', { data: { type: 'error', id: first.id, error: { name: 'E', message: 'x' } } });
    await expect(runs[0]).rejects.toThrow('x');
    expect(workers[0].posted).toHaveLength(2);
    expect(pool.queued).toBe(0);
    pool.dispose();
    const settled = await Promise.allSettled(runs.slice(1));
    expect(settled.map((r) => r.status === 'rejected' && String(r.reason))).toEqual([
      'Error: fit worker pool: disposed',
      'Error: fit worker pool: disposed',
    ]);
  });

  it('should terminate and replace a worker whose fit times out', async () => {
    jest.useFakeTimers();
    try {
      const { pool, workers } = scriptedPool(1, 5000);
      const run = pool.run(job(api));
      jest.advanceTimersByTime(5000);
      await expect(run).rejects.toMatchObject({ name: 'FitTimeoutError' });
      expect(workers[0].terminated).toBe(true);
      pool.run(job(db)).catch(() => undefined);
      expect(workers).toHaveLength(2);
      expect(postedKeys(workers[1])).toEqual([db.key]);
      pool.dispose();
    } finally {
      jest.useRealTimers();
    }
  });

  it('should replace a crashed worker and fail only the job it was running', async () => {
    const { pool, workers } = scriptedPool(2);
    const crashed = pool.run(job(api));
    const healthy = pool.run(job(db));
    workers[0].emit('error', { message: 'out of memory' });
    await expect(crashed).rejects.toMatchObject({
      name: 'WorkerCrashedError',
      message: expect.stringContaining('out of memory'),
    });
    expect(workers[0].terminated).toBe(true);
    expect(workers[1].terminated).toBe(false);
    pool.dispose();
    await expect(healthy).rejects.toThrow('disposed');
  });

  it('should drop a cancelled queued job and terminate the worker of a cancelled started job', async () => {
    const { pool, workers } = scriptedPool(1);
    const controller = new AbortController();
    const running = pool.run(job(api), controller.signal);
    const queued = pool.run(job(db), controller.signal);
    const other = pool.run(job(api));
    workers[0].emit('message', { data: { type: 'started', id: workers[0].posted[0].id } });
    controller.abort();
    await expect(running).rejects.toBeInstanceOf(FitCancelledError);
    await expect(queued).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers[0].terminated).toBe(true);
    // The uncancelled job moves to a fresh worker.
    expect(postedKeys(workers[1])).toEqual([api.key]);
    pool.dispose();
    await expect(other).rejects.toThrow('disposed');
  });

  it('should send a cancel for a posted job not yet started, and hold its slot until the worker drops it', async () => {
    const { pool, workers } = scriptedPool(1);
    const controller = new AbortController();
    const cancelled = pool.run(job(api), controller.signal);
    const next = pool.run(job(db));
    const { id } = workers[0].posted[0];
    controller.abort();
    await expect(cancelled).rejects.toBeInstanceOf(FitCancelledError);
    expect(workers[0].posted[1]).toEqual({ type: 'cancel', id });
    expect(postedKeys(workers[0])).toEqual([api.key, 'cancel']);
    // The worker drops the fit: the same worker takes the next job, and no result reaches the cancelled caller.
    workers[0].emit('message', { data: { type: 'cancelled', id } });
    expect(workers[0].terminated).toBe(false);
    expect(postedKeys(workers[0])).toEqual([api.key, 'cancel', db.key]);
    expect(workers).toHaveLength(1);
    pool.dispose();
    await expect(next).rejects.toThrow('disposed');
  });

  it('should terminate the worker when its start crosses the cancel', async () => {
    const { pool, workers } = scriptedPool(1);
    const controller = new AbortController();
    const cancelled = pool.run(job(api), controller.signal);
    controller.abort();
    await expect(cancelled).rejects.toBeInstanceOf(FitCancelledError);
    workers[0].emit('message', { data: { type: 'started', id: workers[0].posted[0].id } });
    expect(workers[0].terminated).toBe(true);
    expect(pool.liveWorkers).toBe(0);
  });

  it('should reject at once when the signal is already aborted', async () => {
    const { pool, workers } = scriptedPool(1);
    const controller = new AbortController();
    controller.abort();
    await expect(pool.run(job(), controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers).toHaveLength(0);
  });

  it('should fail the job with the factory error when no worker can be created', async () => {
    const pool = new FitWorkerPool({
      size: 1,
      timeoutMs: 1000,
      factory: () => {
        throw new Error('Web Workers are not available');
      },
    });
    await expect(pool.run(job())).rejects.toThrow('Web Workers are not available');
  });

  it('should fail the running job on an unexpected message instead of waiting for the timeout', async () => {
    const { pool, workers } = scriptedPool(1);
    const run = pool.run(job());
    workers[0].emit('message', { data: { type: 'result', id: 999, analysis: {}, cache: {} } });
    await expect(run).rejects.toMatchObject({ name: 'WorkerCrashedError' });
    await flush();
  });
});
