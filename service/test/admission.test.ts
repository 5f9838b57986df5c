// Admission against real service processes: an idle service fits the largest request the data source sends, and a
// flood of slow ad-hoc fits (analyzer test double) may use
// only the unreserved threads, so scheduled detectors keep refreshing while it runs. Fake upstream, 10 s step.
import type { ServerResponse } from 'node:http';
import { dailyCycle, fakeUpstream, fitRequest, http, startService, waitFor, writeConfig } from './harness';

jest.setTimeout(60_000);

function matrix(body: string, res: ServerResponse): void {
  const form = new URLSearchParams(body);
  const [start, end, step] = ['start', 'end', 'step'].map((k) => Number(form.get(k)));
  const values: Array<[number, string]> = [];
  for (let t = start, i = 0; t <= end; t += step, i++) {
    values.push([t, String(10 + Math.sin(i / 3))]);
  }
  const result = [{ metric: { __name__: 'load', instance: 'i1' }, values }];
  res
    .writeHead(200, { 'content-type': 'application/json' })
    .end(JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } }));
}

it('should keep a thread for detectors while heavy ad-hoc fits run (2 threads: 1 reserved)', async () => {
  const upstream = await fakeUpstream((_req, body, res) => matrix(body, res));
  const service = await startService(
    writeConfig(`
upstream: { url: ${upstream.url} }
limits: { threads: 2, fitTimeout: 60s }
detectors:
  # Two hours: the fine part starts on the hour (the model grid), so a shorter window holds only a few 10 s points
  # in the first minutes of every hour and the fake analyzer fails the detector there (a wall-clock test).
  - { name: steady, query: load, step: 10s, trainingWindow: 2h, horizon: 1m }
`)
  );
  const refreshes = () => service.logs.filter((l) => l.msg === 'detector refreshed').length;
  try {
    await waitFor('first refresh', async () => (refreshes() > 0 ? true : undefined));
    const before = refreshes();
    const sleepMs = 5000;
    const started = Date.now();
    const flood = fitRequest(
      ['a', 'b', 'c'].map((key) => ({
        key,
        labels: { tidemark_test_sleep_ms: String(sleepMs) },
        values: dailyCycle(48),
      }))
    );
    const res = await http(`${service.url}/api/v1/fit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(flood),
    });
    const elapsedMs = Date.now() - started;
    const refreshedDuringFlood = refreshes() - before;
    expect(res.status).toBe(200);
    // The three fits ran one after another on the one unreserved thread: a lower bound, whatever the machine.
    expect(elapsedMs).toBeGreaterThanOrEqual(3 * sleepMs);
    // Meanwhile the detector (10 s step) kept refreshing on the reserved thread.
    expect(refreshedDuringFlood).toBeGreaterThanOrEqual(1);
    const failures = (await http(`${service.url}/metrics`)).text;
    expect(failures).not.toMatch(/tidemark_fit_failures_total\{source="detector"/);
  } finally {
    expect(await service.stop()).toBe(0);
    await upstream.close();
  }
});

it('should fit 500 series on an idle service with default limits (no 429 for a request that fits)', async () => {
  const service = await startService(writeConfig('limits: { threads: 1 }\n'));
  try {
    const request = fitRequest(Array.from({ length: 500 }, (_, i) => ({ key: `s${i}`, values: dailyCycle(48) })));
    const res = await http(`${service.url}/api/v1/fit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    expect(res.status).toBe(200);
    expect(res.json().results.filter((r: { status: string }) => r.status === 'ok')).toHaveLength(500);
  } finally {
    expect(await service.stop()).toBe(0);
  }
});
