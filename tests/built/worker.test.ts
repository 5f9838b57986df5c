/**
 * Smoke test of the built fit worker (dist/datasource/fit.worker.js) with the real analysis pipeline: the bundle
 * is evaluated as a classic worker script would be (a global `self` with addEventListener/postMessage, no `define`,
 * no DOM), then answers one fit. Run after `npm run build`.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { dailyCycleSeries, SMOKE_SETTINGS } from '../../src/worker/testing/fixtures';

const bundle = path.resolve(__dirname, '..', '..', 'dist', 'datasource', 'fit.worker.js');

interface Reply {
  type: string;
  id: number;
  analysis?: { status: string; key: string; points: { timesMs: number[]; horizonStart: number } };
  error?: { name: string; message: string };
}

function startWorker(): { send: (message: unknown) => void; replies: Reply[] } {
  const listeners: Array<(event: { data: unknown }) => void> = [];
  const replies: Reply[] = [];
  const self = {
    addEventListener: (type: string, listener: (event: { data: unknown }) => void) => {
      if (type === 'message') {
        listeners.push(listener);
      }
    },
    postMessage: (message: Reply) => replies.push(structuredClone(message)),
  };
  const context = vm.createContext({ self, console, setTimeout, clearTimeout });
  vm.runInContext(fs.readFileSync(bundle, 'utf8'), context, { filename: bundle });
  return { send: (data) => listeners.forEach((l) => l({ data: structuredClone(data) })), replies };
}

/** 10 days of hourly data with a daily cycle and a small deterministic wiggle (no RNG: the test must not flake). */
function dailySeries() {
  return dailyCycleSeries(240, 'smoke{job="api"}', { job: 'api' });
}

const SETTINGS = SMOKE_SETTINGS;

describe('dist/datasource/fit.worker.js', () => {
  it('should be a plain script (no AMD define, no DOM access)', () => {
    const code = fs.readFileSync(bundle, 'utf8');
    expect(code).not.toMatch(/\bdefine\(/);
    expect(code).not.toMatch(/\bdocument\./);
  });

  /** Lets the worker's queued fit starts run (it starts each fit on the next macrotask, so a cancel can drop it). */
  async function settle(worker: { replies: Reply[] }, answers: number): Promise<Reply[]> {
    const answered = () => worker.replies.filter((r) => r.type === 'result' || r.type === 'error');
    for (let i = 0; i < 1000 && answered().length < answers; i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return answered();
  }

  it('should answer a fit with an analysis, and a bad message with a named error', async () => {
    const worker = startWorker();
    const input = dailySeries();
    worker.send({ type: 'fit', id: 1, input, settings: SETTINGS, outputFromMs: input.timesMs[200] });
    worker.send({
      type: 'fit',
      id: 2,
      input: { ...input, values: input.values.slice(0, 3), timesMs: input.timesMs.slice(0, 3) },
      settings: SETTINGS,
    });
    const answers = await settle(worker, 2);
    expect(answers.map((r) => [r.id, r.type])).toEqual([
      [1, 'result'],
      [2, 'error'],
    ]);
    // Each fit is announced before its answer (the pool needs it to know a cancel can no longer reach the fit).
    expect(worker.replies.filter((r) => r.type === 'started').map((r) => r.id)).toEqual([1, 2]);
    const { analysis } = answers[0];
    expect(analysis?.status).toBe('ok');
    // History from outputFromMs (40 points) plus the 6-step horizon.
    expect(analysis?.points.horizonStart).toBe(40);
    expect(analysis?.points.timesMs).toHaveLength(46);
    // Names survive minification (root webpack.config.ts keeps class names ending in Error).
    expect(answers[1].error?.name).toBe('InsufficientDataError');
  });
});
