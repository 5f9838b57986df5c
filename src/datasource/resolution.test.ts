import { type DataFrame, type DataQueryRequest, type DataQueryResponse, dateTime } from '@grafana/data';
import { lastValueFrom } from 'rxjs';
import { FIELD } from '../contract/frame';
import { analyzeSeries } from '../model/pipeline/analyze';
import { fakeDataSource, InProcessFitClient } from './testing/fakes';
import { dailySeries, scrapedUpstream } from './testing/scrapedUpstream';
import type { SarimaQuery } from './types';
import { DAY_MS, HOUR_MS } from '../contract/constants';

/** A fixed "now" on a whole hour (tests never read the clock). */
const NOW_MS = Date.UTC(2026, 0, 15, 12);
const SCRAPE_MS = 15_000;

function request(fromMs: number, maxDataPoints: number, intervalMs: number): DataQueryRequest<SarimaQuery> {
  const from = dateTime(fromMs);
  const to = dateTime(NOW_MS);
  return {
    requestId: 'q1',
    interval: `${intervalMs / 1000}s`,
    intervalMs,
    maxDataPoints,
    range: { from, to, raw: { from, to } },
    scopedVars: {},
    targets: [{ refId: 'A', expr: 'rate(http_requests_total[$__rate_interval])' } as SarimaQuery],
    timezone: 'utc',
    app: 'dashboard',
    startTime: 0,
  };
}

function setup(analyze?: ConstructorParameters<typeof InProcessFitClient>[0]) {
  const series = [dailySeries({ job: 'api' }, 1), dailySeries({ job: 'db' }, 2)];
  const upstream = scrapedUpstream(series, SCRAPE_MS);
  const fitClient = new InProcessFitClient(analyze);
  return { ...fakeDataSource({ upstream, fitClient }), fitClient };
}

const historyTimes = (frame: DataFrame) => {
  const time = frame.fields.find((f) => f.name === FIELD.time)!.values as number[];
  const actual = frame.fields.find((f) => f.name === FIELD.actual)!.values as Array<number | null>;
  return time.filter((t, i) => actual[i] !== null && t >= 0);
};

describe('SarimaDataSource at the dashboard step', () => {
  it('should return "Last 1 hour" at the 15 s scrape step: 240 points per series, not one hourly point', async () => {
    const { ds, upstream, fitClient } = setup();
    // Grafana's interval for 1 hour over 1,200 pixels is 2 s (rounded 3 s); the scrape interval bounds it.
    const response: DataQueryResponse = await lastValueFrom(ds.query(request(NOW_MS - HOUR_MS, 1200, 2_000)));
    expect(response.errors).toEqual([]);
    expect(upstream.requests.map((r) => r.intervalMs)).toEqual([HOUR_MS, SCRAPE_MS]);
    const [input] = fitClient.calls[0].request.series;
    expect(input.stepMs).toBe(SCRAPE_MS);
    expect(input.coarse?.stepMs).toBe(HOUR_MS);
    for (const frame of response.data as DataFrame[]) {
      const times = historyTimes(frame);
      // 240 steps in the hour, both ends included.
      expect(times).toHaveLength(241);
      expect(times[1] - times[0]).toBe(SCRAPE_MS);
    }
  });

  it('should fetch the hourly history as means of the output step values, as the pipeline averages the recent part', async () => {
    const { ds, upstream, fitClient } = setup();
    await lastValueFrom(ds.query(request(NOW_MS - HOUR_MS, 1200, 2_000)));
    expect(upstream.requests[0].targets[0]).toMatchObject({
      // The rate interval of the inner 15 s step: max(15 s + 15 s scrape, 4 × 15 s).
      expr: 'avg_over_time((rate(http_requests_total[60s]))[3599999ms:15000ms])',
    });
    const [input] = fitClient.calls[0].request.series;
    const api = dailySeries({ job: 'api' }, 1);
    const historyAt = input.timesMs.findIndex((t) => t % HOUR_MS === 0);
    const t = input.timesMs[historyAt];
    const inBucket = Array.from({ length: 240 }, (_, k) => api.valueAt(t - k * SCRAPE_MS));
    // The mean of the 240 scrape-step values in (t − 1 h, t], not the value at t (noise sd 1: they differ).
    expect(input.values[historyAt]).toBeCloseTo(inBucket.reduce((a, b) => a + b, 0) / 240, 9);
    expect(Math.abs(input.values[historyAt]! - api.valueAt(t))).toBeGreaterThan(1e-3);
  });

  it('should answer "Last 7 days" on 15 s scrape data without a point-limit error', async () => {
    const { ds, upstream } = setup();
    const response = await lastValueFrom(ds.query(request(NOW_MS - 7 * DAY_MS, 1200, 15_000)));
    expect(response.errors).toEqual([]);
    expect(response.data).toHaveLength(2);
    for (const r of upstream.requests) {
      expect((r.range.to.valueOf() - r.range.from.valueOf()) / r.intervalMs).toBeLessThanOrEqual(11_000);
    }
  });

  it('should analyse the merged coarse history and fine recent part with the real pipeline', async () => {
    const { ds } = setup((input, settings, options) =>
      analyzeSeries(input, settings, { outputFromMs: options.outputFromMs })
    );
    const response = await lastValueFrom(ds.query(request(NOW_MS - 7 * DAY_MS, 1200, 15_000)));
    expect(response.errors).toEqual([]);
    const frames = response.data as DataFrame[];
    expect(frames.map((f) => f.name)).toEqual(['{job="api"}', '{job="db"}']);
    for (const frame of frames) {
      expect(historyTimes(frame).length).toBeGreaterThan(100);
    }
  });
});
