// The fit API against a real service process (with the analyzer test double, which lets a test make a fit slow
// or fail on purpose): contract answers, bad input, auth, overload and timeouts.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { dailyCycle, fitRequest, http, startService, writeConfig, type RunningService } from './harness';

jest.setTimeout(60_000);

const TOKEN = 'test-token-please-ignore';
const auth = { authorization: `Bearer ${TOKEN}` };

let service: RunningService;

beforeAll(async () => {
  const config = writeConfig(`
server:
  auth:
    bearerTokenEnv: TEST_API_TOKEN
limits:
  threads: 1
  maxQueue: 2
  maxFitCost: 500
  fitTimeout: 10s # a replacement worker thread loads tsx and the settings schema within it, even on a busy machine (4 s timed out at load average 25)
  maxBodyBytes: 65536
  maxPointsPerSeries: 2000
  maxSeriesPerRequest: 5
`);
  service = await startService(config, { env: { TEST_API_TOKEN: TOKEN } });
});

afterAll(async () => {
  expect(await service.stop()).toBe(0);
  // No secret may reach the logs.
  expect(JSON.stringify(service.logs) + service.stderr.join('')).not.toContain(TOKEN);
});

async function postFit(body: unknown, headers: Record<string, string> = auth) {
  const res = await http(`${service.url}/api/v1/fit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: res.json() as Record<string, any> };
}

async function rejectedCount(reason: string): Promise<number> {
  const text = (await http(`${service.url}/metrics`, { headers: auth })).text;
  const line = text.split('\n').find((l) => l.startsWith(`tidemark_rejected_requests_total{reason="${reason}"}`));
  return line ? Number(line.split(' ')[1]) : 0;
}

describe('POST /api/v1/fit', () => {
  it('should answer one result per series in input order, failed series as named errors', async () => {
    const request = fitRequest([
      { key: 'a', values: dailyCycle(96) },
      { key: 'b', labels: { tidemark_test_fail: '1' }, values: dailyCycle(96) },
      { key: 'c', values: dailyCycle(48) },
    ]);
    const { status, body } = await postFit(request);
    expect(status).toBe(200);
    expect(body.version).toBe(2);
    expect(body.results.map((r: { key: string; status: string }) => [r.key, r.status])).toEqual([
      ['a', 'ok'],
      ['b', 'error'],
      ['c', 'ok'],
    ]);
    expect(body.results[1].error).toEqual({ name: 'InsufficientDataError', message: expect.stringContaining('need') });
    expect(body.results[0].points.timesMs).toHaveLength(96 + 3);
    expect(body.results[0].points.horizonStart).toBe(96);
  });

  it('should return points from outputFromMs on when given', async () => {
    const request = {
      ...fitRequest([{ key: 'a', values: dailyCycle(96) }]),
      outputFromMs: 1_700_000_000_000 + 90 * 3_600_000,
    };
    const { body } = await postFit(request);
    expect(body.results[0].points.timesMs[0]).toBe(request.outputFromMs);
  });

  it('should reject invalid JSON with 400 InvalidJsonError', async () => {
    const { status, body } = await postFit('{"version": 2, "series": [');
    expect(status).toBe(400);
    expect(body).toEqual({ version: 2, error: { name: 'InvalidJsonError', message: expect.any(String) } });
  });

  it.each([
    ['a string value', (r: any) => (r.series[0].values[3] = '12'), 'body/series/0/values/3'],
    ['a string horizon', (r: any) => (r.settings.horizon = 3), 'settings.horizon: must be a duration'],
    ['an old contract version', (r: any) => (r.version = 1), 'contract version 1 is not supported'],
    ['a missing settings field', (r: any) => delete r.settings.levelsPct, 'settings.levelsPct: required'],
    ['too many series', (r: any) => (r.series = Array(6).fill(r.series[0])), 'body/series'],
    ['too many points', (r: any) => (r.series[0].values = Array(2001).fill(1)), 'body/series/0/values'],
  ])('should reject %s with 400 ValidationError naming the field', async (_name, mutate, field) => {
    const request = fitRequest([{ key: 'a', values: dailyCycle(48) }]);
    mutate(request);
    const { status, body } = await postFit(request);
    expect(status).toBe(400);
    expect(body.error.name).toBe('ValidationError');
    expect(body.error.message).toContain(field);
  });

  it('should reject timesMs and values of different lengths', async () => {
    const request = fitRequest([{ key: 'a', values: dailyCycle(48) }]);
    request.series[0].timesMs.pop();
    const { status, body } = await postFit(request);
    expect(status).toBe(400);
    expect(body.error.message).toBe('body/series/0 has 47 timesMs but 48 values');
  });

  it.each(['settings', 'series/0'])(
    'should reject 5,000-deep nesting under body/%s with 400 ValidationError, not a RangeError per series',
    async (where) => {
      const request = fitRequest([{ key: 'a', values: dailyCycle(48) }]);
      const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
      const target = where === 'settings' ? request.settings : request.series[0];
      Object.assign(target, { extra: 'DEEP' });
      const { status, body } = await postFit(JSON.stringify(request).replace('"DEEP"', deep));
      expect(status).toBe(400);
      expect(body.error).toEqual({
        name: 'ValidationError',
        message: expect.stringMatching(new RegExp(`^body/${where}/extra(/a)+ is nested more than 16 levels deep`)),
      });
    }
  );

  it('should reject a body over maxBodyBytes with 413', async () => {
    const { status, body } = await postFit({ padding: 'x'.repeat(70_000) });
    expect(status).toBe(413);
    expect(body.error.name).toBe('PayloadTooLargeError');
  });

  it('should count 413 bodies, schema 400s and invalid JSON in tidemark_rejected_requests_total', async () => {
    const before = await Promise.all(['too_large', 'invalid', 'invalid_json'].map(rejectedCount));
    await postFit({ padding: 'x'.repeat(70_000) });
    await postFit({ ...fitRequest([{ key: 'a', values: dailyCycle(48) }]), version: 99 });
    await postFit('{"version": 1,');
    const after = await Promise.all(['too_large', 'invalid', 'invalid_json'].map(rejectedCount));
    expect(after).toEqual(before.map((n) => n + 1));
  });

  it('should answer 401 without the bearer token', async () => {
    const { status, headers, body } = await postFit(fitRequest([{ key: 'a', values: dailyCycle(48) }]), {});
    expect(status).toBe(401);
    expect(headers['www-authenticate']).toBe('Bearer');
    expect(body.error.name).toBe('UnauthorizedError');
  });

  it('should send no CORS headers when no origins are configured (CORS off by default)', async () => {
    const origin = { origin: 'https://grafana.example' };
    const get = await http(`${service.url}/api/v1/status/buildinfo`, { headers: { ...auth, ...origin } });
    expect(get.status).toBe(200);
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await http(`${service.url}/api/v1/fit`, { method: 'OPTIONS', headers: origin });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('should answer CORS only for the configured origins', async () => {
    const cors = await startService(writeConfig('server: { cors: { origins: [https://grafana.example] } }\n'));
    try {
      const allowed = await http(`${cors.url}/api/v1/fit`, {
        method: 'OPTIONS',
        headers: { origin: 'https://grafana.example' },
      });
      expect(allowed.status).toBe(204);
      expect(allowed.headers['access-control-allow-origin']).toBe('https://grafana.example');
      const other = await http(`${cors.url}/api/v1/status/buildinfo`, { headers: { origin: 'https://evil.example' } });
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      expect(await cors.stop()).toBe(0);
    }
  });

  it('should keep /metrics and the probes open when only the API token is set', async () => {
    expect((await http(`${service.url}/metrics`)).status).toBe(200);
    expect((await http(`${service.url}/-/healthy`)).status).toBe(200);
    const query = await http(`${service.url}/api/v1/query?query=1`);
    expect(query.status).toBe(401);
    expect(query.json()).toEqual({ status: 'error', errorType: 'unauthorized', error: expect.any(String) });
  });
});

describe('fit admission by cost (maxFitCost 500 point·models, fixed orders: 1 model per point)', () => {
  it('should accept the largest request that fits on an idle service', async () => {
    const { status, body } = await postFit(
      fitRequest(Array.from({ length: 5 }, (_, i) => ({ key: `s${i}`, values: dailyCycle(100) })))
    );
    expect(status).toBe(200);
    expect(body.results).toHaveLength(5);
  });

  it('should answer 413 FitTooCostlyError, not 429, to a request that can never fit, and count it', async () => {
    const before = await rejectedCount('too_costly');
    const { status, headers, body } = await postFit(
      fitRequest([
        { key: 'x', values: dailyCycle(300) },
        { key: 'y', values: dailyCycle(300) },
      ])
    );
    expect(status).toBe(413);
    expect(headers['retry-after']).toBeUndefined();
    expect(body.error).toEqual({
      name: 'FitTooCostlyError',
      message: expect.stringContaining('fit request costs 600 point·models (2 series, up to 300 points each'),
    });
    expect(body.error.message).toContain('admits at most 500 (limits.maxFitCost)');
    expect(await rejectedCount('too_costly')).toBe(before + 1);
  });

  it('should queue requests that fit, answer 429 with Retry-After only when the line is full, then answer all', async () => {
    const slow = postFit(
      fitRequest([{ key: 'slow', labels: { tidemark_test_sleep_ms: '1500' }, values: dailyCycle(400) }])
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    // 400 admitted; each of these costs 200 and waits (limits.maxQueue 2), the next one is refused.
    const waiting = [postFit(fitRequest([{ key: 'w1', values: dailyCycle(200) }]))];
    await new Promise((resolve) => setTimeout(resolve, 100));
    waiting.push(postFit(fitRequest([{ key: 'w2', values: dailyCycle(200) }])));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const rejected = await postFit(fitRequest([{ key: 'r', values: dailyCycle(48) }]));
    expect(rejected.status).toBe(429);
    expect(Number(rejected.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(rejected.body.error.name).toBe('QueueFullError');
    const answers = await Promise.all([slow, ...waiting]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.flatMap((a) => a.body.results.map((r: { status: string }) => r.status))).toEqual(['ok', 'ok', 'ok']);
    // The Retry-After could be honoured: the same request is admitted once the line has drained.
    expect((await postFit(fitRequest([{ key: 'r', values: dailyCycle(48) }]))).status).toBe(200);
  });

  it('should answer every request of a burst with 200 or 429, nothing else', async () => {
    const burst = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        postFit(fitRequest([{ key: `b${i}`, labels: { tidemark_test_sleep_ms: '100' }, values: dailyCycle(48) }]))
      )
    );
    const statuses = burst.map((b) => b.status);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    // 10 × 48 fit the budget and 2 more may wait: at least 12 are answered, and 16 cannot all be.
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(12);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
  });

  it('should report a fit over fitTimeout as FitTimeoutError and keep serving', async () => {
    const { body } = await postFit(
      fitRequest([{ key: 'hang', labels: { tidemark_test_sleep_ms: '20000' }, values: dailyCycle(48) }])
    );
    expect(body.results[0].status).toBe('error');
    expect(body.results[0].error.name).toBe('FitTimeoutError');
    const after = await postFit(fitRequest([{ key: 'next', values: dailyCycle(48) }]));
    expect(after.body.results[0].error).toBeUndefined();
    expect(after.body.results[0].status).toBe('ok');
  });
});

const realAnalyzer = existsSync(path.resolve(__dirname, '../../src/model/pipeline/analyze.ts'));

// Runs once src/model/pipeline/analyze.ts exists (it is being written in parallel); skipped until then.
(realAnalyzer ? describe : describe.skip)('POST /api/v1/fit through the real analyzeSeries', () => {
  it('should fit a daily cycle with ordered bands over history and horizon', async () => {
    const real = await startService(writeConfig('limits: { threads: 1 }\n'), { analyzer: 'real' });
    try {
      const res = await http(`${real.url}/api/v1/fit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(fitRequest([{ key: 'a', values: dailyCycle(14 * 24) }])),
      });
      expect(res.status).toBe(200);
      const [result] = res.json().results;
      expect(result.status).toBe('ok');
      expect(result.points.timesMs).toHaveLength(14 * 24 + 3);
      expect(result.points.horizonStart).toBe(14 * 24);
      const [weak, strong] = result.points.bands;
      for (let i = result.points.horizonStart; i < result.points.timesMs.length; i++) {
        expect(strong.lower[i]).toBeLessThan(weak.lower[i]);
        expect(weak.lower[i]).toBeLessThan(result.points.forecast[i]);
        expect(result.points.forecast[i]).toBeLessThan(weak.upper[i]);
        expect(weak.upper[i]).toBeLessThan(strong.upper[i]);
      }
    } finally {
      expect(await real.stop()).toBe(0);
    }
  });
});
