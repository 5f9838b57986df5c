/**
 * The Prometheus HTTP API subset the service answers for its derived series (Prometheus docs, "HTTP API"):
 * instant and range queries over selectors, label names and values, series, metadata and build info. Pure
 * functions from parameters to `{ code, body }`; `server.ts` wires them to GET and form-encoded POST routes.
 * Responses use Prometheus's envelope: `{status:"success", data}` or `{status:"error", errorType, error}`.
 */
import { valueAt, METRIC_HELP, type DerivedSeries } from './derived';
import { BadQueryParameterError, gridTimesMs, parseRangeGrid, parseTimeParamMs } from './queryBounds';
import { matchesAll, parseExpr, parseSelector, PromQLParseError, type Matcher } from './selector';
import type { Store } from './store';
import { seriesKey } from '../../src/model/pipeline/seriesKey';

export type Params = Record<string, string | string[] | undefined>;
export interface ApiResult {
  code: number;
  body: unknown;
}

/** The Prometheus API level we implement, reported by buildinfo (Grafana reads it to gate features). */
const API_COMPAT_VERSION = '2.42.0';

class BadData extends BadQueryParameterError {}

function success(data: unknown): ApiResult {
  return { code: 200, body: { status: 'success', data } };
}

/** A Prometheus-format error body. */
export function apiError(code: number, errorType: string, message: string): ApiResult {
  return { code, body: { status: 'error', errorType, error: message } };
}

function one(params: Params, name: string): string | undefined {
  const value = params[name];
  return Array.isArray(value) ? value[value.length - 1] : value;
}

function all(params: Params, name: string): string[] {
  const value = params[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Formats a sample value as Prometheus does: a string, with NaN and ±Inf spelled out. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) {
    return 'NaN';
  }
  if (!Number.isFinite(value)) {
    return value > 0 ? '+Inf' : '-Inf';
  }
  return String(value);
}

function selected(store: Store, matcherSets: Matcher[][]): Array<{ series: DerivedSeries; lookbackMs: number }> {
  const out: Array<{ series: DerivedSeries; lookbackMs: number }> = [];
  for (const entry of store.allDerived()) {
    if (matcherSets.some((set) => matchesAll(entry.series.labels, set))) {
      out.push(entry);
    }
  }
  return out.sort((a, b) => seriesKey(a.series.labels).localeCompare(seriesKey(b.series.labels)));
}

function guarded(fn: () => ApiResult): ApiResult {
  try {
    return fn();
  } catch (err) {
    if (err instanceof BadQueryParameterError || err instanceof PromQLParseError) {
      return apiError(400, 'bad_data', err.message);
    }
    throw err;
  }
}

function parseQuery(params: Params) {
  return parseExpr(one(params, 'query') ?? '');
}

/** `GET|POST /api/v1/query`: instant query at `time` (default now). */
export function instantQuery(store: Store, params: Params, nowMs: number): ApiResult {
  return guarded(() => {
    const expr = parseQuery(params);
    const atMs = parseTimeParamMs('time', one(params, 'time'), nowMs);
    const ts = atMs / 1000;
    if (expr.type === 'scalar') {
      return success({ resultType: 'scalar', result: [ts, formatValue(expr.value)] });
    }
    const result = [];
    for (const { series, lookbackMs } of selected(store, [expr.matchers])) {
      const value = valueAt(series, atMs, lookbackMs);
      if (value !== null) {
        result.push({ metric: series.labels, value: [ts, formatValue(value)] });
      }
    }
    return success({ resultType: 'vector', result });
  });
}

/** `GET|POST /api/v1/query_range`: evaluates the selector at start, start+step, … ≤ end. */
export function rangeQuery(store: Store, params: Params): ApiResult {
  return guarded(() => {
    const expr = parseQuery(params);
    const grid = gridTimesMs(
      parseRangeGrid({ start: one(params, 'start'), end: one(params, 'end'), step: one(params, 'step') })
    );
    if (expr.type === 'scalar') {
      const values = grid.map((t) => [t / 1000, formatValue(expr.value)]);
      return success({ resultType: 'matrix', result: [{ metric: {}, values }] });
    }
    const result = [];
    for (const { series, lookbackMs } of selected(store, [expr.matchers])) {
      const values: Array<[number, string]> = [];
      for (const t of grid) {
        const value = valueAt(series, t, lookbackMs);
        if (value !== null) {
          values.push([t / 1000, formatValue(value)]);
        }
      }
      if (values.length > 0) {
        result.push({ metric: series.labels, values });
      }
    }
    return success({ resultType: 'matrix', result });
  });
}

function matcherSets(params: Params, required: boolean): Matcher[][] {
  const texts = all(params, 'match[]');
  if (texts.length === 0) {
    if (required) {
      throw new BadData('no match[] parameter provided');
    }
    return [[]];
  }
  return texts.map((text) => parseSelector(text));
}

/** `GET|POST /api/v1/labels`: label names of the selected (default: all) derived series. */
export function labelNames(store: Store, params: Params): ApiResult {
  return guarded(() => {
    const names = new Set<string>();
    for (const { series } of selected(store, matcherSets(params, false))) {
      Object.keys(series.labels).forEach((name) => names.add(name));
    }
    return success([...names].sort());
  });
}

/** `GET /api/v1/label/<name>/values`: values of one label over the selected (default: all) series. */
export function labelValues(store: Store, name: string, params: Params): ApiResult {
  return guarded(() => {
    if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name)) {
      throw new BadData(`invalid label name: "${name}"`);
    }
    const values = new Set<string>();
    for (const { series } of selected(store, matcherSets(params, false))) {
      const value = series.labels[name];
      if (value !== undefined && value !== '') {
        values.add(value);
      }
    }
    return success([...values].sort());
  });
}

/** `GET|POST /api/v1/series`: label sets of the series matching any `match[]`. */
export function seriesList(store: Store, params: Params): ApiResult {
  return guarded(() => success(selected(store, matcherSets(params, true)).map(({ series }) => series.labels)));
}

/** `GET /api/v1/metadata`: type and help of every derived metric (optionally one `metric`, `limit`). */
export function metadata(params: Params): ApiResult {
  const metric = one(params, 'metric');
  const limit = Number(one(params, 'limit') ?? '-1');
  const data: Record<string, Array<{ type: string; help: string; unit: string }>> = {};
  for (const [name, help] of Object.entries(METRIC_HELP)) {
    if ((metric === undefined || metric === name) && (limit < 0 || Object.keys(data).length < limit)) {
      data[name] = [{ type: 'gauge', help, unit: '' }];
    }
  }
  return success(data);
}

/** `GET /api/v1/status/buildinfo`: no `features`, so Grafana treats the service as plain Prometheus. */
export function buildInfo(serviceVersion: string): ApiResult {
  return success({
    version: API_COMPAT_VERSION,
    revision: `tidemark-${serviceVersion}`,
    branch: 'tidemark',
    buildUser: 'tidemark',
    buildDate: '',
    goVersion: 'none (Node.js)',
  });
}
