/* eslint-disable max-lines -- the detectors-file reader: upstream, server, limits and detector sections share one Reader (split into modules per section is the next step) */
/**
 * Loads and validates the detectors file (YAML). Every problem is reported with its file, line, column and
 * field path, all at once, so one edit fixes them all; e.g.
 * `detectors.yaml:7:11: detectors[0] (pod_cpu).step: "1x" is not a duration (use e.g. 30s, 5m, 1h, 14d)`.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { MAX_POINTS_PER_QUERY } from '../../src/contract/constants';
import { durationMs } from '../../src/contract/settings/spec';
import type { DetectorDefinition, LimitsConfig, ServerConfig, ServiceConfig, UpstreamConfig } from './configTypes';
import {
  readYamlSettings,
  toFitSettings,
  YAML_ANOMALY_FIELDS,
  YAML_DEFAULTS,
  YAML_FIELDS,
  type YamlSettings,
} from './detectorSettings';
import { SETTINGS } from '../../src/contract/settings';
import { DEFAULT_MAX_FIT_COST } from './admission';
import { detectorModelStepMs, largestQueryPoints } from './detectorFetch';
import { formatDurationMs, parseDurationMs } from './duration';
import { toJsBounded } from './yamlBounds';

/** Most series one Tidemark query sends to `POST /api/v1/fit` (the editor's `seriesLimit` bound). */
const EDITOR_MAX_SERIES = SETTINGS.seriesLimit.input.max;

/** The config file is invalid; `problems` lists every problem found, each with its location. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid config:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

type Path = Array<string | number>;
type Obj = Record<string, unknown>;

class Reader {
  readonly problems: string[] = [];

  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
    private readonly file: string,
    readonly env: Record<string, string | undefined>
  ) {}

  fail(path: Path, message: string, label?: string): void {
    this.problems.push(`${this.where(path)}: ${label ?? pathText(path)}: ${message}`);
  }

  /** `file:line:column` of the node at `path`, or of its nearest existing parent. */
  private where(path: Path): string {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, depth), true);
      const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
      if (range) {
        const pos = this.lines.linePos(range[0]);
        return `${this.file}:${pos.line}:${pos.col}`;
      }
    }
    return this.file;
  }
}

function pathText(path: Path): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkKnown(r: Reader, obj: Obj, allowed: string[], path: Path, label?: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      r.fail([...path, key], `unknown field (allowed: ${allowed.join(', ')})`, label ? `${label}.${key}` : undefined);
    }
  }
}

function readSection(r: Reader, parent: Obj, key: string, path: Path): Obj {
  const value = parent[key];
  if (value === undefined || value === null) {
    return {};
  }
  if (!isObj(value)) {
    r.fail([...path, key], 'must be a mapping');
    return {};
  }
  return value;
}

function readDuration(
  r: Reader,
  obj: Obj,
  key: string,
  path: Path,
  fallback: number,
  label?: string,
  allowZero = false
): number {
  const value = obj[key];
  if (value === undefined) {
    return fallback;
  }
  const ms = typeof value === 'string' ? parseDurationMs(value) : null;
  if (ms === null || ms < 0 || (ms === 0 && !allowZero)) {
    const what = allowZero ? 'duration' : 'positive duration';
    r.fail([...path, key], `${JSON.stringify(value)} is not a ${what} (use e.g. 30s, 5m, 1h, 14d)`, label);
    return fallback;
  }
  return ms;
}

function readInt(r: Reader, obj: Obj, key: string, path: Path, fallback: number, min: number, max: number): number {
  const value = obj[key];
  if (value === undefined) {
    return fallback;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    r.fail([...path, key], `${JSON.stringify(value)} must be an integer from ${min} to ${max}`);
    return fallback;
  }
  return value;
}

/** A secret given inline (`<key>`) or by environment variable name (`<key>Env`); the value is never echoed. */
function readSecret(r: Reader, obj: Obj, key: string, path: Path): string | undefined {
  const inline = obj[key];
  const envName = obj[`${key}Env`];
  if (inline !== undefined && envName !== undefined) {
    r.fail([...path, key], `set ${key} or ${key}Env, not both`);
    return undefined;
  }
  if (inline !== undefined) {
    if (typeof inline !== 'string' || inline === '') {
      r.fail([...path, key], 'must be a non-empty string');
      return undefined;
    }
    return inline;
  }
  if (envName === undefined) {
    return undefined;
  }
  if (typeof envName !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(envName)) {
    r.fail([...path, `${key}Env`], 'must name an environment variable');
    return undefined;
  }
  const value = r.env[envName];
  if (value === undefined || value === '') {
    r.fail([...path, `${key}Env`], `environment variable ${envName} is not set`);
    return undefined;
  }
  return value;
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

function readUpstream(r: Reader, root: Obj): UpstreamConfig | undefined {
  if (root.upstream === undefined) {
    return undefined;
  }
  const up = readSection(r, root, 'upstream', []);
  checkKnown(r, up, ['url', 'timeout', 'auth'], ['upstream']);
  let url = '';
  if (typeof up.url !== 'string') {
    r.fail(['upstream', 'url'], 'required: the base URL of the upstream Prometheus, e.g. http://prometheus:9090');
  } else {
    const parsed = parseUrl(up.url);
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol)) {
      r.fail(['upstream', 'url'], `${JSON.stringify(up.url)} is not an http(s) URL`);
    } else if (parsed.username || parsed.password) {
      // Credentials in the URL would end up in logs and error messages; they belong under upstream.auth.
      r.fail(['upstream', 'url'], 'must not contain credentials; use upstream.auth.basic');
    } else {
      url = up.url.replace(/\/+$/, '');
    }
  }
  const timeoutMs = readDuration(r, up, 'timeout', ['upstream'], 30_000);
  const auth = readSection(r, up, 'auth', ['upstream']);
  checkKnown(r, auth, ['bearerToken', 'bearerTokenEnv', 'basic'], ['upstream', 'auth']);
  let authorization: string | undefined;
  const token = readSecret(r, auth, 'bearerToken', ['upstream', 'auth']);
  if (token) {
    authorization = `Bearer ${token}`;
  }
  if (auth.basic !== undefined) {
    const basic = readSection(r, auth, 'basic', ['upstream', 'auth']);
    checkKnown(r, basic, ['username', 'password', 'passwordEnv'], ['upstream', 'auth', 'basic']);
    const password = readSecret(r, basic, 'password', ['upstream', 'auth', 'basic']);
    if (typeof basic.username !== 'string' || basic.username === '' || basic.username.includes(':')) {
      r.fail(['upstream', 'auth', 'basic', 'username'], 'required: a non-empty string without ":"');
    } else if (password === undefined) {
      r.fail(['upstream', 'auth', 'basic', 'password'], 'required: password or passwordEnv');
    } else if (authorization) {
      r.fail(['upstream', 'auth', 'basic'], 'set bearerToken or basic, not both');
    } else {
      authorization = `Basic ${Buffer.from(`${basic.username}:${password}`).toString('base64')}`;
    }
  }
  return { url, timeoutMs, authorization };
}

function readServer(r: Reader, root: Obj): ServerConfig {
  const server = readSection(r, root, 'server', []);
  checkKnown(r, server, ['auth', 'metricsAuth', 'cors'], ['server']);
  const auth = readSection(r, server, 'auth', ['server']);
  checkKnown(r, auth, ['bearerToken', 'bearerTokenEnv'], ['server', 'auth']);
  const metricsAuth = readSection(r, server, 'metricsAuth', ['server']);
  checkKnown(r, metricsAuth, ['bearerToken', 'bearerTokenEnv'], ['server', 'metricsAuth']);
  const cors = readSection(r, server, 'cors', ['server']);
  checkKnown(r, cors, ['origins'], ['server', 'cors']);
  const origins = cors.origins ?? [];
  const corsOrigins: string[] = [];
  if (!Array.isArray(origins) || origins.some((o) => typeof o !== 'string' || o === '')) {
    r.fail(['server', 'cors', 'origins'], 'must be a list of origins, e.g. [https://grafana.example.com]');
  } else {
    corsOrigins.push(...(origins as string[]));
  }
  return {
    authToken: readSecret(r, auth, 'bearerToken', ['server', 'auth']),
    metricsToken: readSecret(r, metricsAuth, 'bearerToken', ['server', 'metricsAuth']),
    corsOrigins,
  };
}

function readLimits(r: Reader, root: Obj, defaultThreads: number): LimitsConfig {
  const limits = readSection(r, root, 'limits', []);
  const path = ['limits'];
  checkKnown(r, limits, LIMIT_FIELDS, path);
  return {
    threads: readInt(r, limits, 'threads', path, defaultThreads, 1, 256),
    maxQueue: readInt(r, limits, 'maxQueue', path, 64, 1, 100_000),
    maxFitCost: readInt(r, limits, 'maxFitCost', path, DEFAULT_MAX_FIT_COST, 1, Number.MAX_SAFE_INTEGER),
    fitTimeoutMs: readDuration(r, limits, 'fitTimeout', path, 60_000),
    maxBodyBytes: readInt(r, limits, 'maxBodyBytes', path, 8 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    maxPointsPerSeries: readInt(r, limits, 'maxPointsPerSeries', path, 20_000, 10, 10_000_000),
    // As many series as the query editor lets one query fit (admission bounds the work by cost, not by count).
    maxSeriesPerRequest: readInt(r, limits, 'maxSeriesPerRequest', path, EDITOR_MAX_SERIES, 1, 100_000),
    maxSeriesPerDetector: readInt(r, limits, 'maxSeriesPerDetector', path, 500, 1, 100_000),
  };
}
const LIMIT_FIELDS = [
  'threads',
  'maxQueue',
  'maxFitCost',
  'fitTimeout',
  'maxBodyBytes',
  'maxPointsPerSeries',
  'maxSeriesPerRequest',
  'maxSeriesPerDetector',
];

const DETECTOR_FIELDS = YAML_FIELDS;

/** Reads the model settings shared by `defaults:` and each detector; `base` fills what is unset. */
function readModelFields(r: Reader, obj: Obj, path: Path, base: YamlSettings, label: string): YamlSettings {
  const anomaly = readSection(r, obj, 'anomaly', path);
  checkKnown(r, anomaly, YAML_ANOMALY_FIELDS, [...path, 'anomaly'], `${label}.anomaly`);
  return readYamlSettings(obj, base, (at, message) => r.fail([...path, ...at], message, `${label}.${at.join('.')}`));
}

function toDetector(name: string, query: string, settings: YamlSettings): DetectorDefinition {
  const stepMs = durationMs(settings.step) ?? NaN;
  return {
    name,
    query,
    stepMs,
    trainingWindowMs: durationMs(settings.trainingWindow) ?? NaN,
    settings: toFitSettings(settings, stepMs),
  };
}

function readDetector(r: Reader, raw: unknown, index: number, defaults: YamlSettings, seen: Set<string>) {
  const path: Path = ['detectors', index];
  if (!isObj(raw)) {
    r.fail(path, 'must be a mapping with name, query, step, …');
    return undefined;
  }
  const name = typeof raw.name === 'string' ? raw.name : '';
  const label = name ? `detectors[${index}] (${name})` : `detectors[${index}]`;
  checkKnown(r, raw, ['name', 'query', ...DETECTOR_FIELDS], path, label);
  if (!/^[A-Za-z_][A-Za-z0-9_.:-]{0,127}$/.test(name)) {
    r.fail([...path, 'name'], `${JSON.stringify(raw.name)} must be a name of letters, digits, _ . : - (≤128)`);
  } else if (seen.has(name)) {
    r.fail([...path, 'name'], `duplicate detector name ${JSON.stringify(name)}`);
  }
  seen.add(name);
  if (typeof raw.query !== 'string' || raw.query.trim() === '') {
    r.fail([...path, 'query'], 'required: a PromQL query', `${label}.query`);
  }
  const detector = toDetector(
    name,
    typeof raw.query === 'string' ? raw.query : '',
    readModelFields(r, raw, path, defaults, label)
  );
  // A step finer than the model grid fetches the window at the model step (detectorFetch.ts).
  const points = largestQueryPoints(detector);
  if (points > MAX_POINTS_PER_QUERY) {
    r.fail(
      [...path, 'trainingWindow'],
      `${formatDurationMs(detector.trainingWindowMs)} at step ${formatDurationMs(detectorModelStepMs(detector))} ` +
        `is ${points} points; Prometheus returns at most ${MAX_POINTS_PER_QUERY} per series ` +
        `(use a longer step or a shorter window)`,
      `${label}.trainingWindow`
    );
  }
  return detector;
}

/**
 * Parses and validates the detectors file text. `env` resolves `*Env` secrets; `defaultThreads` is the worker
 * count when `limits.threads` is unset. Throws ConfigError listing every problem with its location.
 */
export function parseConfig(
  text: string,
  file: string,
  env: Record<string, string | undefined>,
  defaultThreads: number
): ServiceConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    // prettyErrors appends "at line L, column C" and a code frame; keep our own `file:line:col:` form instead.
    const first = (message: string) => message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new ConfigError(
      doc.errors.map((e) => `${file}:${e.linePos?.[0].line ?? '?'}:${e.linePos?.[0].col ?? '?'}: ${first(e.message)}`)
    );
  }
  const r = new Reader(doc, lines, file, env);
  const converted = toJsBounded(doc, lines, file);
  if (!converted.ok) {
    throw new ConfigError([converted.problem]);
  }
  const root = converted.value;
  if (!isObj(root)) {
    throw new ConfigError([`${file}: must be a mapping with upstream, detectors, …`]);
  }
  checkKnown(r, root, ['upstream', 'server', 'limits', 'defaults', 'detectors'], []);
  const upstream = readUpstream(r, root);
  const server = readServer(r, root);
  const limits = readLimits(r, root, defaultThreads);
  const defaultsRaw = readSection(r, root, 'defaults', []);
  checkKnown(r, defaultsRaw, DETECTOR_FIELDS, ['defaults']);
  const defaults = readModelFields(r, defaultsRaw, ['defaults'], YAML_DEFAULTS, 'defaults');
  const detectors: DetectorDefinition[] = [];
  const rawDetectors = root.detectors ?? [];
  if (!Array.isArray(rawDetectors)) {
    r.fail(['detectors'], 'must be a list');
  } else {
    const seen = new Set<string>();
    rawDetectors.forEach((raw, i) => {
      const detector = readDetector(r, raw, i, defaults, seen);
      if (detector) {
        detectors.push(detector);
      }
    });
    if (rawDetectors.length > 0 && root.upstream === undefined) {
      r.fail(['upstream'], 'required when detectors are configured: upstream.url of the Prometheus to query');
    }
  }
  if (r.problems.length > 0) {
    throw new ConfigError(r.problems);
  }
  return { upstream, server, limits, detectors };
}

/** Reads and validates the detectors file at `file` (see `parseConfig`). */
export function loadConfig(file: string, env: Record<string, string | undefined>, defaultThreads: number) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError([`${file}: cannot read: ${(err as Error).message}`]);
  }
  return parseConfig(text, file, env, defaultThreads);
}
