// A deeply nested job must fail as a named validation error, not as a RangeError from structured clone or
// JSON.stringify inside the pipeline (issue 16 item 7).
import { MAX_NESTING_DEPTH } from '../contract/nesting';
import { type FitJob, FitWorkerPool } from './pool';
import { channelWorkerFactory, ScriptedWorker } from './testing/channelWorker';
import { fakeAnalyze } from '../contract/testing/fakeAnalyzer';
import { fixtureSeries, TEST_SETTINGS } from './testing/fixtures';

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) {
    value = { a: value };
  }
  return value;
}

const [api] = fixtureSeries();
const deepJob = (): FitJob => ({ input: api, settings: { ...TEST_SETTINGS, extra: nested(5000) } as never });

describe('deeply nested fit jobs', () => {
  it('should be rejected by the pool before anything is posted to a worker', async () => {
    const posted: ScriptedWorker[] = [];
    const pool = new FitWorkerPool({
      size: 1,
      timeoutMs: 1000,
      factory: () => {
        const worker = new ScriptedWorker();
        posted.push(worker);
        return worker;
      },
    });
    const run = pool.run(deepJob());
    await expect(run).rejects.toMatchObject({ name: 'ValidationError' });
    await expect(run).rejects.toThrow(`is nested more than ${MAX_NESTING_DEPTH} levels deep`);
    expect(posted).toHaveLength(0);
    pool.dispose();
  });

  it('should be answered by the worker endpoint with a ValidationError naming the path', async () => {
    const channels = channelWorkerFactory(fakeAnalyze);
    const worker = channels.factory();
    const answer = new Promise<unknown>((resolve) => worker.addEventListener('message', (e) => resolve(e.data)));
    worker.postMessage({ type: 'fit', id: 7, input: api, settings: { ...TEST_SETTINGS, extra: nested(40) } as never });
    const received = await answer;
    channels.close();
    expect(received).toEqual({
      type: 'error',
      id: 7,
      error: {
        name: 'ValidationError',
        message: `message/settings/extra${'/a'.repeat(14)} is nested more than 16 levels deep (the fit protocol needs at most 8)`,
      },
    });
  });
});
