/**
 * A Prometheus stand-in that answers range queries like Grafana's Prometheus data source does over a scraped
 * metric: the step is max(request interval, target interval, scrape interval), start and end are aligned down to it,
 * more than 11,000 points per series is Prometheus' error, and each series comes back as one frame (labels on the
 * value field, the step on the time field), as in tests/fixtures/datasource/prometheus-frames.json. The value at a
 * time does not depend on the step (a query at any step sees the same samples), so ranges fetched at different
 * steps agree where they meet.
 */
import { type DataFrame, type DataQueryRequest, type DataSourceApi, FieldType } from '@grafana/data';
import { of } from 'rxjs';
import { DAY_MS, MAX_POINTS_PER_QUERY } from '../../contract/constants';
import { parseDurationMs } from '../../model/duration';
import type { FakeUpstream } from './fakes';

/** A scraped series: its labels and its value at a scrape time. */
export interface ScrapedSeries {
  labels: Record<string, string>;
  valueAt: (timeMs: number) => number;
}

/** Deterministic standard-normal-like noise per (time, seed): the sum of 12 hashed uniforms minus 6. */
export function noiseAt(timeMs: number, seed: number): number {
  let sum = 0;
  for (let k = 0; k < 12; k++) {
    let h = Math.imul((timeMs / 1000) ^ (seed * 7919 + k * 104_729), 0x9e3779b1) >>> 0;
    h = Math.imul(h ^ (h >>> 15), 0x85ebca6b) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
    sum += ((h ^ (h >>> 16)) >>> 0) / 4_294_967_296;
  }
  return sum - 6;
}

/** A clean daily-seasonal series: level 100, amplitude 20, white noise of standard deviation `noiseSd`. */
export function dailySeries(labels: Record<string, string>, seed: number, noiseSd = 1): ScrapedSeries {
  return {
    labels,
    valueAt: (t) => 100 + 20 * Math.sin((2 * Math.PI * (t % DAY_MS)) / DAY_MS) + noiseSd * noiseAt(t, seed),
  };
}

/** Upstream answering every range query from `series` scraped every `scrapeMs`. */
export function scrapedUpstream(series: ScrapedSeries[], scrapeMs: number): FakeUpstream {
  const requests: DataQueryRequest[] = [];
  const api = {
    name: 'Prom',
    uid: 'prom',
    type: 'prometheus',
    interval: `${scrapeMs / 1000}s`,
    query: (request: DataQueryRequest) => {
      requests.push(request);
      const target = request.targets[0] as unknown as { refId: string; interval?: string; expr?: string };
      const stepMs = Math.max(request.intervalMs, parseDurationMs(target.interval ?? '') ?? 0, scrapeMs);
      const startMs = Math.floor(request.range.from.valueOf() / stepMs) * stepMs;
      const endMs = Math.floor(request.range.to.valueOf() / stepMs) * stepMs;
      if ((endMs - startMs) / stepMs > MAX_POINTS_PER_QUERY) {
        const message = 'exceeded maximum resolution of 11,000 points per timeseries';
        return of({ data: [], errors: [{ refId: target.refId, message }] });
      }
      const timesMs: number[] = [];
      for (let t = startMs; t <= endMs; t += stepMs) {
        timesMs.push(t);
      }
      const mean = bucketMean(target.expr ?? '');
      // Like Prometheus, a function's result loses the metric name.
      const valued = mean
        ? series.map(({ labels: { __name__: _name, ...labels }, valueAt }) => ({ labels, valueAt: mean(valueAt) }))
        : series;
      return of({ data: valued.map((s) => toFrame(s, timesMs, stepMs, target.refId)) });
    },
  } as unknown as DataSourceApi;
  return { api, requests };
}

/**
 * For `avg_over_time((expr)[Rms:Sms])` (the fetch plan's `bucketMeanExpr`), Prometheus' subquery: the mean of the
 * value at the multiples of S since the epoch in [t − R, t]; undefined for any other expression (its value at t).
 */
function bucketMean(expr: string): ((valueAt: (t: number) => number) => (t: number) => number) | undefined {
  const match = /^avg_over_time\(\(.*\)\[(\d+)ms:(\d+)ms\]\)$/.exec(expr);
  if (!match) {
    return undefined;
  }
  const [rangeMs, innerMs] = [Number(match[1]), Number(match[2])];
  return (valueAt) => (t) => {
    let sum = 0;
    let count = 0;
    for (let u = Math.ceil((t - rangeMs) / innerMs) * innerMs; u <= t; u += innerMs) {
      sum += valueAt(u);
      count++;
    }
    return sum / count;
  };
}

function toFrame(series: ScrapedSeries, timesMs: number[], stepMs: number, refId: string): DataFrame {
  return {
    name: JSON.stringify(series.labels),
    refId,
    length: timesMs.length,
    fields: [
      { name: 'Time', type: FieldType.time, config: { interval: stepMs }, values: timesMs },
      {
        name: 'Value',
        type: FieldType.number,
        labels: series.labels,
        config: {},
        values: timesMs.map((t) => series.valueAt(t)),
      },
    ],
  };
}
