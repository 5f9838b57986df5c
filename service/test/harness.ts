/**
 * Test harness: runs the real service as a child process (`tsx service/src/main.ts`), waits for its
 * `listening` log line, collects its JSON logs and stops it. Also a free-port helper and a tiny fake upstream.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_FIT_SETTINGS } from '../../src/contract/settings';

export const REPO = path.resolve(__dirname, '../..');
export const FAKE_FIT_WORKER = path.join(__dirname, 'fakeFit.worker.ts');

/**
 * Node with the tsx loader in the same process, as the Dockerfile runs the service. The tsx CLI would wrap the
 * service in a child process and relay signals, and under load its relay sometimes ends with 143 instead of
 * the service's own exit code.
 */
const NODE_WITH_TSX = [process.execPath, ['--import', 'tsx']] as const;

export interface RunningService {
  url: string;
  logs: Array<Record<string, unknown>>;
  stderr: string[];
  child: ChildProcess;
  stop(): Promise<number | null>;
}

/** Writes `yaml` to a temp file and returns its path. */
export function writeConfig(yaml: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'tidemark-svc-')), 'detectors.yaml');
  writeFileSync(file, yaml);
  return file;
}

/** Starts the service; resolves once it listens, rejects if it exits first. */
export function startService(
  configFile: string,
  options: { env?: Record<string, string>; args?: string[]; analyzer?: 'fake' | 'real' } = {}
): Promise<RunningService> {
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  if (options.analyzer !== 'real') {
    env.TIDEMARK_FIT_WORKER = FAKE_FIT_WORKER;
  }
  const args = ['service/src/main.ts', '--config', configFile, '--listen', '127.0.0.1:0', '--startup-jitter', '0'];
  const child = spawn(NODE_WITH_TSX[0], [...NODE_WITH_TSX[1], ...args, ...(options.args ?? [])], {
    cwd: REPO,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Array<Record<string, unknown>> = [];
  const stderr: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (entry.msg === 'listening') {
          resolve({
            url: String(entry.url),
            logs,
            stderr,
            child,
            stop: async () => {
              child.kill('SIGTERM');
              return exited;
            },
          });
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    void exited.then((code) => reject(new Error(`service exited with ${code}: ${stderr.join('')}`)));
  });
}

/** Runs the service expecting it to exit (bad config or arguments); resolves with exit code and stderr. */
export async function runToExit(configFile: string, extraArgs: string[] = []) {
  const child = spawn(
    NODE_WITH_TSX[0],
    [...NODE_WITH_TSX[1], 'service/src/main.ts', '--config', configFile, ...extraArgs],
    {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    }
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, stderr };
}

/** A free TCP port on 127.0.0.1 (bound, then released). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A fake upstream Prometheus answering every range query with `handler`; records the requests it saw. Instant
 * queries (the service's start-up check of detector queries) get an empty vector and are not recorded.
 */
export async function fakeUpstream(handler: (req: IncomingMessage, body: string, res: ServerResponse) => void) {
  const seen: Array<{ url: string; headers: IncomingMessage['headers']; body: string }> = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.url?.split('?')[0] === '/api/v1/query') {
        const empty = { status: 'success', data: { resultType: 'vector', result: [] } };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(empty));
        return;
      }
      seen.push({ url: req.url ?? '', headers: req.headers, body });
      handler(req, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Polls `check` every 200 ms until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A well-formed FitRequest body for `series` (settings: fixed small order, 95/99 bands, 3-step horizon). */
export function fitRequest(
  series: Array<{ key: string; labels?: Record<string, string>; values: Array<number | null> }>
) {
  const stepMs = 3_600_000;
  return {
    version: 2,
    settings: {
      ...DEFAULT_FIT_SETTINGS,
      season: '1d',
      order: { p: 1, d: 0, q: 0 },
      seasonalOrder: { P: 0, D: 1, Q: 1 },
      levelsPct: [95, 99],
      minConsecutive: 1,
      onsetOnly: false,
      holdOff: '0s',
      horizon: '3h',
      refitEvery: '1h',
      trainingWindow: '14d',
    },
    series: series.map((s) => ({
      key: s.key,
      labels: s.labels ?? { series: s.key },
      timesMs: s.values.map((_, i) => 1_700_000_000_000 + i * stepMs),
      values: s.values,
      stepMs,
    })),
  };
}

/** Hourly values with a daily cycle and deterministic pseudo-noise. */
export function dailyCycle(hours: number, level = 100, amplitude = 20): number[] {
  return Array.from(
    { length: hours },
    (_, i) => level + amplitude * Math.sin((2 * Math.PI * i) / 24) + ((i * 7919) % 13) / 4
  );
}

export interface HttpAnswer {
  status: number;
  headers: IncomingMessage['headers'];
  text: string;
  json: () => any;
}

/**
 * Minimal HTTP client over node:http. The repository's Jest setup needs jsdom, which has no `fetch`, so the
 * service tests speak HTTP through Node directly.
 */
export function http(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {}
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) })
      );
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Form-encoded POST, as Grafana's Prometheus data source sends queries. */
export function postForm(url: string, form: Record<string, string | string[]>, headers: Record<string, string> = {}) {
  const body = Object.entries(form)
    .flatMap(([k, v]) =>
      (Array.isArray(v) ? v : [v]).map((one) => `${encodeURIComponent(k)}=${encodeURIComponent(one)}`)
    )
    .join('&');
  return http(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });
}
