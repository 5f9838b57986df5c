// Upstream failures against a real service process and a fake upstream: an outage keeps the last models
// (marked stale), malformed answers are refused without a crash, credentials go upstream but never into logs,
// and shards split detectors. Detectors use a 10 s step so cycles repeat quickly.
import type { ServerResponse } from 'node:http';
import { fakeUpstream, freePort, http, runToExit, startService, waitFor, writeConfig } from './harness';

jest.setTimeout(60_000);

type Mode = 'ok' | 'down' | 'garbage' | 'wrong-shape';

function answer(mode: Mode, body: string, res: ServerResponse): void {
  if (mode === 'down') {
    res.writeHead(503, { 'content-type': 'text/plain' }).end('upstream is down');
    return;
  }
  if (mode === 'garbage') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"success","data":');
    return;
  }
  if (mode === 'wrong-shape') {
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end('{"status":"success","data":{"resultType":"vector","result":[]}}');
    return;
  }
  const form = new URLSearchParams(body);
  const [start, end, step] = ['start', 'end', 'step'].map((k) => Number(form.get(k)));
  const values: Array<[number, string]> = [];
  for (let t = start, i = 0; t <= end; t += step, i++) {
    values.push([t, String(10 + Math.sin(i / 3) + (i % 5) / 10)]);
  }
  const result = [{ metric: { __name__: 'load', instance: 'i1', detector: 'clash' }, values }];
  res
    .writeHead(200, { 'content-type': 'application/json' })
    .end(JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } }));
}

async function metricsText(url: string): Promise<string> {
  return (await http(`${url}/metrics`)).text;
}

describe('upstream failures', () => {
  it('should keep serving the last models, marked stale, while the upstream is down, then recover', async () => {
    let mode: Mode = 'ok';
    const upstream = await fakeUpstream((_req, body, res) => answer(mode, body, res));
    const config = writeConfig(`
upstream:
  url: ${upstream.url}
  auth:
    basic:
      username: tidemark
      passwordEnv: TEST_UPSTREAM_PASSWORD
detectors:
  - name: outage
    query: load
    step: 10s
    trainingWindow: 10m
    horizon: 1m
`);
    const password = 'upstream-secret-password';
    const service = await startService(config, { env: { TEST_UPSTREAM_PASSWORD: password } });
    try {
      const series = await waitFor('first refresh', async () => {
        const res = (await http(`${service.url}/api/v1/series?match[]=tidemark_forecast`)).json();
        return res.data.length === 1 ? res.data : undefined;
      });
      // Upstream labels clashing with ours are kept as exported_*; __name__ is dropped.
      expect(series[0]).toEqual({
        __name__: 'tidemark_forecast',
        instance: 'i1',
        exported_detector: 'clash',
        detector: 'outage',
      });
      expect(upstream.seen[0].headers.authorization).toBe(`Basic ${btoa(`tidemark:${password}`)}`);
      mode = 'down';
      await waitFor('stale flag', async () =>
        (await metricsText(service.url)).includes('tidemark_model_stale{detector="outage"} 1') ? true : undefined
      );
      const status = (await http(`${service.url}/api/v1/tidemark/detectors`)).json().data[0];
      expect(status).toMatchObject({
        name: 'outage',
        series: 1,
        stale: true,
        lastError: expect.stringContaining('503'),
      });
      const text = await metricsText(service.url);
      expect(text).toMatch(/tidemark_upstream_failures_total\{detector="outage",reason="http"\} [1-9]/);
      // The last good model is still served, on /metrics and through the read API.
      expect(text).toMatch(/tidemark_forecast\{instance="i1",exported_detector="clash",detector="outage"\} \d/);
      const query = (await http(`${service.url}/api/v1/query?query=tidemark_forecast`)).json();
      expect(query.data.result).toHaveLength(1);
      mode = 'ok';
      await waitFor('recovery', async () =>
        (await metricsText(service.url)).includes('tidemark_model_stale{detector="outage"} 0') ? true : undefined
      );
    } finally {
      expect(await service.stop()).toBe(0);
      await upstream.close();
    }
    expect(JSON.stringify(service.logs) + service.stderr.join('')).not.toContain(password);
  });

  it.each([
    ['garbage', 'bad_response'],
    ['wrong-shape', 'bad_response'],
  ] as const)('should refuse a %s answer as %s without crashing', async (mode, reason) => {
    const upstream = await fakeUpstream((_req, body, res) => answer(mode, body, res));
    const config = writeConfig(`
upstream: { url: ${upstream.url} }
detectors: [{ name: odd, query: load, step: 10s, trainingWindow: 10m }]
`);
    const service = await startService(config);
    try {
      const pattern = new RegExp(`tidemark_upstream_failures_total\\{detector="odd",reason="${reason}"\\} [1-9]`);
      await waitFor(reason, async () => (pattern.test(await metricsText(service.url)) ? true : undefined));
      expect((await http(`${service.url}/-/healthy`)).status).toBe(200);
    } finally {
      expect(await service.stop()).toBe(0);
      await upstream.close();
    }
  });

  it('should report an unreachable upstream and keep answering', async () => {
    const config = writeConfig(`
upstream: { url: 'http://127.0.0.1:${await freePort()}' }
detectors: [{ name: nowhere, query: load, step: 10s, trainingWindow: 10m }]
`);
    const service = await startService(config);
    try {
      const pattern = /tidemark_upstream_failures_total\{detector="nowhere",reason="unreachable"\} [1-9]/;
      await waitFor('unreachable', async () => (pattern.test(await metricsText(service.url)) ? true : undefined));
      const empty = (await http(`${service.url}/api/v1/query?query=tidemark_actual`)).json();
      expect(empty).toEqual({ status: 'success', data: { resultType: 'vector', result: [] } });
    } finally {
      expect(await service.stop()).toBe(0);
    }
  });
});

describe('sharding', () => {
  it('should split detectors between shards by name hash, disjoint and complete', async () => {
    const names = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta'];
    const config = writeConfig(`
upstream: { url: 'http://127.0.0.1:${await freePort()}' }
detectors:
${names.map((n) => `  - { name: ${n}, query: up, step: 1h, trainingWindow: 1d }`).join('\n')}
`);
    const owned: string[][] = [];
    for (const index of ['tidemark-0', '1']) {
      const service = await startService(config, {
        args: ['--shard-count', '2'],
        env: { TIDEMARK_SHARD_INDEX: index },
      });
      owned.push(service.logs.find((l) => l.msg === 'listening')!.detectors as string[]);
      expect(await service.stop()).toBe(0);
    }
    expect(owned[0].filter((n) => owned[1].includes(n))).toEqual([]);
    expect([...owned[0], ...owned[1]].sort()).toEqual([...names].sort());
  });
});

describe('startup errors', () => {
  it('should exit 2 naming the line and field of a config error', async () => {
    const config = writeConfig(`upstream:
  url: http://127.0.0.1:9090
detectors:
  - name: pod_cpu
    query: up
    step: 1x
`);
    const { code, stderr } = await runToExit(config);
    expect(code).toBe(2);
    expect(JSON.parse(stderr.trim().split('\n').pop()!).problems).toEqual([
      `${config}:6:11: detectors[0] (pod_cpu).step: must be a duration longer than 0, e.g. 1h, got "1x"`,
    ]);
  });
});
