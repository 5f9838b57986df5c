// The streamed fit API (`Accept: application/x-ndjson`) against a real service process with the analyzer test
// double: one line per series as it finishes, then `done`; a failed series in its own line; and a request whose
// client goes away stops its remaining fits. Fits are ordered by files the test writes (the fake worker's
// `tidemark_test_wait_for` / `tidemark_test_started_dir` labels), not by timing.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dailyCycle, fitRequest, http, startService, waitFor, writeConfig, type RunningService } from './harness';

jest.setTimeout(60_000);

let service: RunningService;

beforeAll(async () => {
  // One thread: fits run one after another, in input order.
  service = await startService(writeConfig('limits: { threads: 1, fitTimeout: 30s }\n'));
});

afterAll(async () => {
  expect(await service.stop()).toBe(0);
});

interface Stream {
  status: number;
  contentType: string | undefined;
  /** Resolves with the next complete line, parsed; null once the response has ended. */
  next(): Promise<Record<string, any> | null>;
  abort(): void;
}

/** POSTs `body` asking for the streamed answer and hands out its lines as they arrive. */
function openStream(body: unknown): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${service.url}/api/v1/fit`,
      { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' } },
      (res) => {
        const lines: string[] = [];
        const waiting: Array<() => void> = [];
        let buffer = '';
        let ended = false;
        const wake = () => waiting.splice(0).forEach((w) => w());
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          const parts = buffer.split('\n');
          buffer = parts.pop()!;
          lines.push(...parts.filter((l) => l !== ''));
          wake();
        });
        // A JSON error answer has no final newline: its one line ends with the response.
        res.on('close', () => {
          lines.push(...[buffer].filter((l) => l !== ''));
          ended = true;
          wake();
        });
        const next = async (): Promise<Record<string, any> | null> => {
          while (lines.length === 0 && !ended) {
            await new Promise<void>((w) => waiting.push(w));
          }
          const line = lines.shift();
          return line === undefined ? null : JSON.parse(line);
        };
        resolve({
          status: res.statusCode ?? 0,
          contentType: res.headers['content-type'],
          next,
          abort: () => req.destroy(),
        });
      }
    );
    req.on('error', (error) => (error.message === 'socket hang up' ? undefined : reject(error)));
    req.end(JSON.stringify(body));
  });
}

async function queueDepth(): Promise<number> {
  const text = (await http(`${service.url}/metrics`)).text;
  return Number(/^tidemark_queue_depth (\S+)/m.exec(text)?.[1]);
}

describe('POST /api/v1/fit with Accept: application/x-ndjson', () => {
  it('should send each series as it finishes, a failed series in its own line, then done', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tidemark-stream-'));
    const release = path.join(dir, 'release');
    const stream = await openStream(
      fitRequest([
        { key: 'first', values: dailyCycle(48) },
        { key: 'bad', labels: { tidemark_test_fail: '1' }, values: dailyCycle(48) },
        // Held until the test has read the first two lines: they cannot have been buffered behind it.
        { key: 'held', labels: { tidemark_test_wait_for: release }, values: dailyCycle(48) },
      ])
    );
    expect([stream.status, stream.contentType]).toEqual([200, 'application/x-ndjson']);
    const first = await stream.next();
    const second = await stream.next();
    writeFileSync(release, '');
    const rest = [await stream.next(), await stream.next(), await stream.next()];
    expect(first).toMatchObject({ type: 'result', index: 0, result: { status: 'ok', key: 'first' } });
    expect(second).toEqual({
      type: 'result',
      index: 1,
      result: {
        status: 'error',
        key: 'bad',
        labels: { tidemark_test_fail: '1' },
        error: { name: 'InsufficientDataError', message: expect.stringContaining('need') },
      },
    });
    expect(rest[0]).toMatchObject({ type: 'result', index: 2, result: { status: 'ok', key: 'held' } });
    expect(rest.slice(1)).toEqual([{ type: 'done', version: 2, count: 3 }, null]);
  });

  it('should answer request-level problems as JSON before any line', async () => {
    const stream = await openStream({ ...fitRequest([{ key: 'a', values: dailyCycle(48) }]), version: 1 });
    expect([stream.status, stream.contentType]).toEqual([400, 'application/json; charset=utf-8']);
    expect((await stream.next())?.error.name).toBe('ValidationError');
  });

  it('should start no further fits once the client has gone, and serve the next request at once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tidemark-cancel-'));
    const started = { tidemark_test_started_dir: dir };
    // `running` waits for a file that never comes: only its cancellation frees the thread.
    const never = path.join(dir, 'never');
    const stream = await openStream(
      fitRequest([
        { key: 'done', labels: started, values: dailyCycle(48) },
        { key: 'running', labels: { ...started, tidemark_test_wait_for: never }, values: dailyCycle(48) },
        { key: 'queued1', labels: started, values: dailyCycle(48) },
        { key: 'queued2', labels: started, values: dailyCycle(48) },
      ])
    );
    expect(await stream.next()).toMatchObject({ type: 'result', index: 0 });
    await waitFor('the second fit to start', async () => (readdirSync(dir).includes('running') ? true : undefined));
    stream.abort();
    await waitFor('the cancelled fits to leave the queue', async () => ((await queueDepth()) === 0 ? true : undefined));
    const probe = await http(`${service.url}/api/v1/fit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fitRequest([{ key: 'probe', labels: started, values: dailyCycle(48) }])),
    });
    expect(probe.json().results[0].status).toBe('ok');
    expect(readdirSync(dir).sort()).toEqual(['done', 'probe', 'running']);
  });
});
