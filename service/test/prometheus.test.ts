// The service between two real Prometheus roles: upstream (backfilled with promtool) and scraper of /metrics.
// Checks the read API against Prometheus's own answers (format and values), the /metrics round trip, and how an
// invalid upstream query is reported. Needs Debian's `prometheus`; under CI=true its absence fails the suite.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  dailyCycle,
  freePort,
  http,
  runToExit,
  postForm,
  startService,
  waitFor,
  writeConfig,
  type RunningService,
} from './harness';
import { backfill, prometheusAvailable, startPrometheus, type RunningPrometheus, type Sample } from './prometheus';
import { HOUR_MS } from '../../src/contract/constants';

jest.setTimeout(90_000);

const available = prometheusAvailable();
/** Detectors run the real pipeline as soon as it exists; until then the analyzer test double. */
const analyzer = existsSync(path.resolve(__dirname, '../../src/model/pipeline/analyze.ts')) ? 'real' : 'fake';
const DAYS = 4;
/** The last backfilled hour; the service queries up to the current hour, so the data ends there. */
const lastHourMs = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
const firstHourMs = lastHourMs - DAYS * 24 * HOUR_MS;

if (process.env.CI === 'true') {
  it('should find prometheus and promtool installed (required under CI)', () => {
    expect(available).toBe(true);
  });
}

const describeWithPrometheus = available ? describe : describe.skip;

describeWithPrometheus('service with a real Prometheus', () => {
  let prometheus: RunningPrometheus;
  let service: RunningService;

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tidemark-tsdb-'));
    const hours = DAYS * 24 + 1;
    const samples: Sample[] = [];
    for (const [pod, level] of [
      ['a', 100],
      ['b', 50],
    ] as const) {
      dailyCycle(hours, level, 10).forEach((value, i) => {
        // A spike on the last hour of pod a: an anomaly the detector must flag.
        const spike = pod === 'a' && i === hours - 1 ? 200 : 0;
        samples.push({ labels: { pod }, timeMs: firstHourMs + i * HOUR_MS, value: value + spike });
      });
    }
    backfill(dataDir, 'demo_load', samples);
    const servicePort = await freePort();
    prometheus = await startPrometheus(await freePort(), dataDir, [`127.0.0.1:${servicePort}`]);
    const config = writeConfig(`
upstream:
  url: ${prometheus.url}
limits:
  threads: 1
detectors:
  - name: demo
    query: demo_load
    step: 1h
    trainingWindow: ${DAYS}d
    season: 24
    order: [1, 0, 0]
    seasonalOrder: [0, 1, 1]
    levels: [95, 99]
    horizon: 6h
    refitEvery: 1h
  - name: old
    # Data that stops 12 hours before the last hour: the query succeeds, but no new samples arrive.
    query: 'demo_load{pod="b"} unless on() (vector(time()) > ${(lastHourMs - 12 * HOUR_MS) / 1000})'
    step: 1h
    trainingWindow: ${DAYS}d
    season: 24
    order: [1, 0, 0]
    seasonalOrder: [0, 1, 1]
    # Hourly refits: with the default daily ones, the data's end (12 h before the last hour) has no midnight with
    # three days of data before it from 01:00 to 11:59 UTC, and the test would depend on the time of day.
    refitEvery: 1h
`);
    service = await startService(config, { analyzer, args: ['--listen', `127.0.0.1:${servicePort}`] });
    await waitFor('detector demo to publish two series', async () => {
      const res = await http(`${service.url}/api/v1/series?match[]=tidemark_actual{detector="demo"}`);
      return res.json().data.length === 2 ? true : undefined;
    });
  });

  afterAll(async () => {
    await service?.stop();
    await prometheus?.stop();
  });

  it('should answer buildinfo with the fields Prometheus answers', async () => {
    const ours = (await http(`${service.url}/api/v1/status/buildinfo`)).json();
    const theirs = (await http(`${prometheus.url}/api/v1/status/buildinfo`)).json();
    expect(ours.status).toBe('success');
    expect(Object.keys(ours.data).sort()).toEqual(Object.keys(theirs.data).sort());
  });

  it('should answer labels (POST with start/end, as Grafana sends) and label values', async () => {
    const range = { start: String(firstHourMs / 1000), end: String(lastHourMs / 1000) };
    const labels = await postForm(`${service.url}/api/v1/labels`, range);
    expect(labels.json()).toEqual({ status: 'success', data: ['__name__', 'detector', 'level', 'pod'] });
    const names = (await http(`${service.url}/api/v1/label/__name__/values`)).json();
    expect(names.data).toEqual([
      'tidemark_actual',
      'tidemark_anomaly',
      'tidemark_anomaly_score',
      'tidemark_forecast',
      'tidemark_lower',
      'tidemark_upper',
    ]);
    const levels = await http(
      `${service.url}/api/v1/label/level/values?match[]=${encodeURIComponent('tidemark_lower')}`
    );
    expect(levels.json().data).toEqual(['95', '99']);
  });

  it('should answer query_range in the matrix format, tidemark_actual equal to the upstream series', async () => {
    const form = { start: String((lastHourMs - 48 * HOUR_MS) / 1000), end: String(lastHourMs / 1000), step: '3600' };
    const upstream = (
      await postForm(`${prometheus.url}/api/v1/query_range`, { ...form, query: 'demo_load{pod="a"}' })
    ).json();
    const ours = (
      await postForm(`${service.url}/api/v1/query_range`, { ...form, query: 'tidemark_actual{pod="a"}' })
    ).json();
    expect(ours.status).toBe('success');
    expect(ours.data.resultType).toBe(upstream.data.resultType);
    expect(ours.data.result).toHaveLength(1);
    expect(ours.data.result[0].metric).toEqual({ __name__: 'tidemark_actual', detector: 'demo', pod: 'a' });
    // Same timestamps (seconds) and the same value strings: the actual series is the upstream data unchanged.
    expect(ours.data.result[0].values).toEqual(upstream.data.result[0].values);
  });

  it('should cover the forecast horizon past the last observation', async () => {
    const query = {
      query: 'tidemark_upper{detector="demo", level="95", pod=~"a|b"}',
      start: String((lastHourMs - 2 * HOUR_MS) / 1000),
      end: String((lastHourMs + 6 * HOUR_MS) / 1000),
      step: '1h',
    };
    const result = (await postForm(`${service.url}/api/v1/query_range`, query)).json().data.result;
    expect(result).toHaveLength(2);
    for (const series of result) {
      const times = series.values.map(([t]: [number, string]) => t * 1000);
      expect(times.filter((t: number) => t > lastHourMs)).toHaveLength(6);
    }
  });

  it('should answer instant queries, and 1+1 as Grafana health check does', async () => {
    const vector = (await http(`${service.url}/api/v1/query?query=tidemark_anomaly&time=${lastHourMs / 1000}`)).json();
    expect(vector.data.resultType).toBe('vector');
    const flags = Object.fromEntries(vector.data.result.map((r: any) => [r.metric.pod, r.value]));
    expect(flags).toEqual({ a: [lastHourMs / 1000, '2'], b: [lastHourMs / 1000, expect.stringMatching(/^[01]$/)] });
    const scalar = (await postForm(`${service.url}/api/v1/query`, { query: '1+1', time: '4' })).json();
    expect(scalar).toEqual({ status: 'success', data: { resultType: 'scalar', result: [4, '2'] } });
  });

  it.each([
    ['/api/v1/series', {}],
    ['/api/v1/query_range', { query: 'up', start: '100', end: '50', step: '15' }],
    ['/api/v1/query_range', { query: 'up', start: '0', end: '1000000', step: '1' }],
    ['/api/v1/query_range', { query: 'up', start: '0', end: '100', step: 'x' }],
    ['/api/v1/query_range', { query: 'up', start: '0', end: '100', step: '0' }],
    ['/api/v1/query', { query: 'up', time: 'yesterday' }],
    ['/api/v1/query_range', { query: 'up', start: 'x', end: '100', step: '15' }],
  ])('should answer bad input to %s %j with the error Prometheus gives', async (endpoint, form) => {
    const ours = await postForm(`${service.url}${endpoint}`, form);
    const theirs = await postForm(`${prometheus.url}${endpoint}`, form);
    expect(ours.status).toBe(theirs.status);
    expect(ours.json()).toEqual(theirs.json());
  });

  it('should reject PromQL outside the selector subset with bad_data', async () => {
    const res = await postForm(`${service.url}/api/v1/query`, { query: 'rate(tidemark_actual[5m])' });
    expect(res.status).toBe(400);
    expect(res.json()).toEqual({
      status: 'error',
      errorType: 'bad_data',
      error: expect.stringContaining('parse error'),
    });
  });

  it('should be scraped by Prometheus and queried back with the values /metrics shows', async () => {
    const scraped = await waitFor('prometheus to scrape tidemark_forecast', async () => {
      const res = await postForm(`${prometheus.url}/api/v1/query`, { query: 'tidemark_forecast{detector="demo"}' });
      const result = res.json().data.result;
      return result.length === 2 ? result : undefined;
    });
    const metrics = (await http(`${service.url}/metrics`)).text;
    for (const series of scraped) {
      const line = metrics
        .split('\n')
        .find((l) => l.startsWith(`tidemark_forecast{pod="${series.metric.pod}",detector="demo"}`));
      expect(line).toBeDefined();
      expect(Number(series.value[1])).toBe(Number(line!.split(' ')[1]));
    }
    const anomaly = (await postForm(`${prometheus.url}/api/v1/query`, { query: 'tidemark_anomaly{pod="a"}' })).json();
    expect(anomaly.data.result[0].value[1]).toBe('2');
  });

  it('should mark a detector stale when its upstream stops returning new samples', async () => {
    const cutoffS = (lastHourMs - 12 * HOUR_MS) / 1000;
    const metrics = await waitFor('old detector refreshed', async () => {
      const text = (await http(`${service.url}/metrics`)).text;
      return text.includes('tidemark_upstream_last_sample_timestamp_seconds{detector="old"}') ? text : undefined;
    });
    expect(metrics).toContain('tidemark_model_stale{detector="old"} 1');
    expect(metrics).toContain('tidemark_model_stale{detector="demo"} 0');
    expect(metrics).toContain(`tidemark_upstream_last_sample_timestamp_seconds{detector="old"} ${cutoffS}`);
    expect(metrics).toContain(`tidemark_upstream_last_sample_timestamp_seconds{detector="demo"} ${lastHourMs / 1000}`);
    const old = (await http(`${service.url}/api/v1/tidemark/detectors`)).json().data.find((d: any) => d.name === 'old');
    // Stale for lack of new data, not for a failed query or fit.
    expect(old).toMatchObject({ upstreamStale: true, stale: false, lastError: null });
  });

  it('should answer a range query over absurd times with 400 at once and stay up', async () => {
    const res = await http(`${service.url}/api/v1/query_range?query=1&start=1e17&end=1e17&step=0.001`);
    expect(res.status).toBe(400);
    expect(res.json()).toEqual({
      status: 'error',
      errorType: 'bad_data',
      error: expect.stringContaining('invalid parameter "start": timestamp 1e17 is out of range'),
    });
    expect((await http(`${service.url}/api/v1/query?query=1&time=1e17`)).status).toBe(400);
    expect((await http(`${service.url}/-/healthy`)).status).toBe(200);
    expect((await http(`${service.url}/metrics`)).text).toMatch(
      /tidemark_rejected_requests_total\{reason="bad_query"\} [1-9]/
    );
  });

  it('should match a catastrophic-backtracking regex in linear time, with (?i) and a length bound', async () => {
    // Against names like tidemark_anomaly_score (22 word characters, no digit) a backtracking engine tries 3^22
    // paths and freezes the event loop; RE2 answers at once.
    const evil = encodeURIComponent('{__name__=~`(\\w|\\w|\\w)*\\d`}');
    const res = await http(`${service.url}/api/v1/series?match[]=${evil}`);
    expect(res.json()).toEqual({ status: 'success', data: [] });
    const tooLong = await http(
      `${service.url}/api/v1/series?match[]=${encodeURIComponent(`{pod=~"${'a'.repeat(5000)}"}`)}`
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.json().error).toContain('regular expression of pod is 5000 characters long; at most 4096');
    const caseless = await http(
      `${service.url}/api/v1/series?match[]=${encodeURIComponent('{__name__=~"(?i)TIDEMARK_ACTUAL", pod="a"}')}`
    );
    expect(caseless.json().data).toEqual([{ __name__: 'tidemark_actual', detector: 'demo', pod: 'a' }]);
  });
});

describeWithPrometheus('start-up checks against a real Prometheus', () => {
  let prometheus: RunningPrometheus;

  beforeAll(async () => {
    prometheus = await startPrometheus(await freePort(), mkdtempSync(path.join(tmpdir(), 'tidemark-tsdb-')), []);
  });

  afterAll(async () => {
    await prometheus?.stop();
  });

  it('should exit 2 naming file:line of each detector whose query the upstream rejects or window is too short', async () => {
    const config = writeConfig(`upstream:
  url: ${prometheus.url}
detectors:
  - name: fine
    query: sum by (job) (rate(up[5m]))
    trainingWindow: 3d
  - name: broken
    query: 'sum(up'
    trainingWindow: 3d
  - name: short
    query: up
    trainingWindow: 1d
`);
    const { code, stderr } = await runToExit(config);
    expect(code).toBe(2);
    expect(JSON.parse(stderr.trim().split('\n').pop()!).problems).toEqual([
      `${config}:12:21: detectors[2] (short).trainingWindow: 1d is shorter than the minimum training of 3d the model ` +
        'needs before its first fit (use at least 3d)',
      `${config}:8:12: detectors[1] (broken).query: the upstream Prometheus rejects it: invalid parameter "query": ` +
        '1:7: parse error: unclosed left parenthesis',
    ]);
  });
});
