/**
 * Fit client over the worker pool: one pool job per series, in parallel, with an LRU cache of fitted models keyed by
 * series identity + step + coarse (model) step + model settings (which include the training window). A cached entry
 * goes back to the pipeline, which filters only the new points while the model is fresh, so a dashboard refresh
 * does not refit.
 */
import {
  FIT_CONTRACT_VERSION,
  type FitRequest,
  type FitResponse,
  type SeriesInput,
  type SeriesResult,
} from '../contract/fit';
import { LruCache } from './cache';
import { isAbortError } from './errors';
import type { FitWorkerPool } from './pool';
import { type CacheEntry, serializeError } from './protocol';

/** Models kept per page: enough for a few dashboards of 20-series queries. */
export const DEFAULT_CACHE_ENTRIES = 500;

export interface WorkerFitOptions {
  signal?: AbortSignal;
  /** Separates series of different queries that share labels (e.g. upstream uid + expression). */
  cacheScope?: string;
  /** Called as each series finishes, with its index in the request. */
  onResult?: (index: number, result: SeriesResult) => void;
}

/** JSON with sorted keys, so equal settings give equal cache keys whatever their key order. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(stableStringify).join(',')}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function lastTimeMs(input: SeriesInput): number {
  return input.timesMs.length > 0 ? input.timesMs[input.timesMs.length - 1] : -Infinity;
}

export class WorkerFitClient {
  constructor(
    private readonly pool: Pick<FitWorkerPool, 'run'>,
    private readonly cache = new LruCache<CacheEntry>(DEFAULT_CACHE_ENTRIES)
  ) {}

  /** Analyses every series; per-series failures become error results, cancellation rejects with `AbortError`. */
  async fit(request: FitRequest, options: WorkerFitOptions = {}): Promise<FitResponse> {
    const settingsKey = stableStringify(request.settings);
    const results = await Promise.all(
      request.series.map(async (input, index) => {
        const result = await this.fitOne(input, request, settingsKey, options);
        options.onResult?.(index, result);
        return result;
      })
    );
    return { version: FIT_CONTRACT_VERSION, results };
  }

  private async fitOne(
    input: SeriesInput,
    request: FitRequest,
    settingsKey: string,
    options: WorkerFitOptions
  ): Promise<SeriesResult> {
    // The coarse step fixes the model grid (a mixed grid's history step), so it is part of the model's identity;
    // `coarse.untilMs` is not: it moves with every refresh.
    const modelStep = input.coarse?.stepMs ?? '';
    const key = [options.cacheScope ?? '', input.key, input.stepMs, modelStep, settingsKey].join('\u0000');
    const cached = this.cache.get(key);
    // A range that ends before the cached state (zoomed into the past) cannot be filtered forward: refit.
    const usable = cached && lastTimeMs(input) >= cached.lastTimeMs ? cached : undefined;
    try {
      const outcome = await this.pool.run(
        { input, settings: request.settings, outputFromMs: request.outputFromMs, cached: usable },
        options.signal
      );
      this.cache.set(key, outcome.cache);
      return outcome.analysis;
    } catch (error) {
      if (isAbortError(error)) {
        throw error;
      }
      this.cache.delete(key);
      return { status: 'error', key: input.key, labels: input.labels, error: serializeError(error) };
    }
  }
}
