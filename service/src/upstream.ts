/**
 * Client of the upstream Prometheus (`/api/v1/query_range`, form-encoded POST). The URL and credentials come
 * only from the config file. Every failure becomes an UpstreamError with a `reason` for the failure metric;
 * messages never contain credentials. Non-finite sample values become missing (null).
 */
import { parseSampleValue } from '../../src/model/seriesValues';
import type { UpstreamConfig } from './configTypes';
import { API_PATHS } from '../../src/contract/constants';

export type UpstreamFailure = 'unreachable' | 'timeout' | 'http' | 'bad_query' | 'bad_response' | 'too_many_series';

export class UpstreamError extends Error {
  constructor(
    readonly reason: UpstreamFailure,
    message: string
  ) {
    super(message);
    this.name = 'UpstreamError';
  }
}

export interface UpstreamSeries {
  labels: Record<string, string>;
  timesMs: number[];
  values: Array<number | null>;
}

/** Upstream answers larger than this are refused before parsing. */
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

async function readCapped(res: Response): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) {
    return '';
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    total += value.byteLength;
    if (total > MAX_RESPONSE_BYTES) {
      await reader.cancel();
      throw new UpstreamError('bad_response', `response larger than ${MAX_RESPONSE_BYTES} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function isRecordOfStrings(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}

/** Validates a `query_range` matrix body into series; throws UpstreamError('bad_response') on any odd shape. */
export function parseMatrix(body: unknown, maxSeries: number): UpstreamSeries[] {
  const data = (body as { data?: { resultType?: unknown; result?: unknown } } | null)?.data;
  if (data?.resultType !== 'matrix' || !Array.isArray(data.result)) {
    throw new UpstreamError('bad_response', `expected a matrix result, got ${JSON.stringify(data?.resultType)}`);
  }
  if (data.result.length > maxSeries) {
    throw new UpstreamError(
      'too_many_series',
      `query returned ${data.result.length} series; limit ${maxSeries} (limits.maxSeriesPerDetector)`
    );
  }
  return data.result.map((item: unknown, i: number) => {
    const { metric, values } = (item ?? {}) as { metric?: unknown; values?: unknown };
    if (!isRecordOfStrings(metric) || !Array.isArray(values)) {
      throw new UpstreamError('bad_response', `result[${i}] lacks a metric label set or values`);
    }
    const timesMs: number[] = [];
    const out: Array<number | null> = [];
    for (const pair of values) {
      if (!Array.isArray(pair) || typeof pair[0] !== 'number' || typeof pair[1] !== 'string') {
        throw new UpstreamError('bad_response', `result[${i}] has a malformed sample ${JSON.stringify(pair)}`);
      }
      // +Inf/-Inf/NaN stay as numbers: prepareSeries reads them as missing and reports them, as in the browser.
      const value = parseSampleValue(pair[1]);
      if (value === undefined) {
        throw new UpstreamError(
          'bad_response',
          `result[${i}] has a sample value that is no number ${JSON.stringify(pair)}`
        );
      }
      timesMs.push(Math.round(pair[0] * 1000));
      out.push(value);
    }
    return { labels: metric, timesMs, values: out };
  });
}

/** Runs a range query upstream. */
export async function queryRange(
  config: UpstreamConfig,
  query: string,
  range: { startMs: number; endMs: number; stepMs: number },
  maxSeries: number
): Promise<UpstreamSeries[]> {
  const form = new URLSearchParams({
    query,
    start: String(range.startMs / 1000),
    end: String(range.endMs / 1000),
    step: String(range.stepMs / 1000),
  });
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (config.authorization) {
    headers.authorization = config.authorization;
  }
  let res: Response;
  try {
    res = await fetch(`${config.url}${API_PATHS.queryRange}`, {
      method: 'POST',
      headers,
      body: form,
      redirect: 'error',
      signal: AbortSignal.timeout(config.timeoutMs),
    });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') {
      throw new UpstreamError('timeout', `no answer from ${config.url} within ${config.timeoutMs} ms`);
    }
    throw new UpstreamError('unreachable', `cannot reach ${config.url}: ${e.cause?.code ?? e.message}`);
  }
  let text: string;
  try {
    text = await readCapped(res);
  } catch (err) {
    throw err instanceof UpstreamError ? err : new UpstreamError('unreachable', `reading the answer failed: ${err}`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    const reason = res.ok ? 'bad_response' : 'http';
    throw new UpstreamError(
      reason,
      `HTTP ${res.status} with a non-JSON body from ${config.url}: ${text.slice(0, 200)}`
    );
  }
  const status = body as { status?: unknown; errorType?: unknown; error?: unknown };
  if (!res.ok || status.status !== 'success') {
    const detail = typeof status.error === 'string' ? status.error.slice(0, 500) : `HTTP ${res.status}`;
    const reason = status.errorType === 'bad_data' ? 'bad_query' : 'http';
    throw new UpstreamError(reason, `upstream answered ${res.status} ${String(status.errorType ?? '')}: ${detail}`);
  }
  return parseMatrix(body, maxSeries);
}
