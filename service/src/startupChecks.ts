/**
 * Start-up checks of a loaded detectors file for configurations that cannot work, reported like config errors
 * (`file:line:column: detectors[i] (name).field: message`, exit status 2), instead of failing every cycle:
 * - a training window shorter than the minimum training the analyzer needs before its first fit;
 * - a query the upstream Prometheus refuses as `bad_data` (a PromQL syntax error), asked per detector with an
 *   instant query at time 0, where no data exists, so the check costs the upstream next to nothing
 *   (Prometheus 2.42 has no parse-only endpoint). An unreachable or failing upstream only logs a warning: an
 *   outage at start-up must not keep the service down.
 * The 11,000-points bound of the training window at the detector's step is checked by the config reader.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { DEFAULT_DETECTOR_CONFIG } from '../../src/model/detect/config';
import type { DetectorDefinition, UpstreamConfig } from './configTypes';
import { formatDurationMs } from './duration';

/** Longest wait for one upstream check; a slower upstream is reported as a warning, not a problem. */
const CHECK_TIMEOUT_MS = 10_000;
/** Upstream checks in flight at once. */
const CHECK_CONCURRENCY = 4;

interface Log {
  warn(obj: object, msg: string): void;
}

/** Finds `file:line:column` of detector fields in the detectors file text. */
export class DetectorLocator {
  private readonly doc: Document;
  private readonly lines = new LineCounter();

  constructor(
    private readonly file: string,
    text: string
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lines });
  }

  /** Location of `detectors[i].<field>` for the detector named `name`, else of `defaults.<field>`, else the file. */
  where(name: string, field: string): { at: string; label: string } {
    const list = this.doc.getIn(['detectors'], true) as { items?: unknown[] } | undefined;
    const index = (list?.items ?? []).findIndex((item) => (item as Document).get?.('name') === name);
    const label = `detectors[${index}] (${name}).${field}`;
    for (const path of [
      ['detectors', index, field],
      ['defaults', field],
      ['detectors', index],
    ]) {
      const node = this.doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
      if (node?.range) {
        const pos = this.lines.linePos(node.range[0]);
        return { at: `${this.file}:${pos.line}:${pos.col}`, label };
      }
    }
    return { at: this.file, label };
  }

  problem(name: string, field: string, message: string): string {
    const { at, label } = this.where(name, field);
    return `${at}: ${label}: ${message}`;
  }
}

/**
 * Minimum training span (ms) at a step: the pipeline's `minTrain` (`src/model/detect/config.ts`), or what a
 * test double fit worker module declares with an exported `minTrainingMs(stepMs)`.
 */
export function minTrainingMsFor(fitWorkerModule?: string): (stepMs: number) => number {
  if (fitWorkerModule !== undefined) {
    const mod = createRequire(__filename)(fitWorkerModule) as { minTrainingMs?: (stepMs: number) => number };
    return mod.minTrainingMs ?? (() => 0);
  }
  const span = DEFAULT_DETECTOR_CONFIG.minTrain;
  return (stepMs) => ('ms' in span ? span.ms : span.points * stepMs);
}

/** Detectors whose training window is shorter than the minimum training. */
export function trainingWindowProblems(
  detectors: DetectorDefinition[],
  locator: DetectorLocator,
  minTrainingMs: (stepMs: number) => number
): string[] {
  return detectors.flatMap((d) => {
    const minMs = minTrainingMs(d.stepMs);
    if (d.trainingWindowMs >= minMs) {
      return [];
    }
    const message =
      `${formatDurationMs(d.trainingWindowMs)} is shorter than the minimum training of ${formatDurationMs(minMs)} ` +
      `the model needs before its first fit (use at least ${formatDurationMs(minMs)})`;
    return [locator.problem(d.name, 'trainingWindow', message)];
  });
}

type QueryVerdict = { ok: true } | { ok: false; rejected: string } | { ok: false; unknown: string };

async function checkQuery(upstream: UpstreamConfig, query: string): Promise<QueryVerdict> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (upstream.authorization) {
    headers.authorization = upstream.authorization;
  }
  try {
    const res = await fetch(`${upstream.url}/api/v1/query`, {
      method: 'POST',
      headers,
      body: new URLSearchParams({ query, time: '0' }),
      redirect: 'error',
      signal: AbortSignal.timeout(Math.min(CHECK_TIMEOUT_MS, upstream.timeoutMs)),
    });
    const body = (await res.json().catch(() => ({}))) as { status?: unknown; errorType?: unknown; error?: unknown };
    if (res.status === 400 && body.errorType === 'bad_data') {
      return { ok: false, rejected: String(body.error ?? 'bad_data') };
    }
    return res.ok ? { ok: true } : { ok: false, unknown: `HTTP ${res.status} ${String(body.error ?? '')}` };
  } catch (err) {
    return { ok: false, unknown: (err as Error).message };
  }
}

/** Asks the upstream to parse every detector's query; returns the problems, logs what could not be checked. */
export async function upstreamQueryProblems(
  upstream: UpstreamConfig,
  detectors: DetectorDefinition[],
  locator: DetectorLocator,
  log: Log
): Promise<string[]> {
  const verdicts: QueryVerdict[] = new Array(detectors.length);
  let next = 0;
  const worker = async () => {
    while (next < detectors.length) {
      const i = next++;
      verdicts[i] = await checkQuery(upstream, detectors[i].query);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CHECK_CONCURRENCY, detectors.length) }, worker));
  const problems: string[] = [];
  detectors.forEach((d, i) => {
    const verdict = verdicts[i];
    if ('rejected' in verdict) {
      problems.push(locator.problem(d.name, 'query', `the upstream Prometheus rejects it: ${verdict.rejected}`));
    } else if ('unknown' in verdict) {
      log.warn({ detector: d.name, err: verdict.unknown }, 'could not check the query with the upstream at start-up');
    }
  });
  return problems;
}

/**
 * Every start-up problem of the file: training windows of all detectors (the file is shared by the shards), and
 * the queries of this shard's detectors checked with the upstream.
 */
export async function startupProblems(
  file: string,
  all: DetectorDefinition[],
  own: DetectorDefinition[],
  upstream: UpstreamConfig | undefined,
  options: { fitWorkerModule?: string; log: Log }
): Promise<string[]> {
  const locator = new DetectorLocator(file, readFileSync(file, 'utf8'));
  const problems = trainingWindowProblems(all, locator, minTrainingMsFor(options.fitWorkerModule));
  if (upstream && own.length > 0) {
    problems.push(...(await upstreamQueryProblems(upstream, own, locator, options.log)));
  }
  return problems;
}
