/**
 * The one fit protocol between a caller and a fit worker, used by the browser's Web Worker pool (`src/worker`,
 * over `postMessage`) and the service's piscina pool (`service/src/pool.ts`): a task analyses one series; the
 * reply is a result or a serialised error, discriminated on `type` (STYLE.md §4, §6). A request the caller no longer
 * wants is cancelled by id ({@link FitCancel}); a fit already running is one synchronous computation, so only its
 * transport can stop it (the browser pool terminates the worker, piscina aborts the thread by signal).
 */
import { modelStepOf } from '../model/pipeline/mixedGrid';
import type { FitSettings } from './settings';
import { toModelSettings } from './settings/resolve';
import type { ModelSettings, SeriesAnalysis, SeriesInput } from '../model/pipeline/types';

/** Error crossing a worker or HTTP boundary (STYLE.md §6): structured clone loses custom error names. */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
}

/**
 * The pipeline's cache entry (`AnalysisCacheEntry` of `src/model/pipeline/analyze.ts`): fitted model and filter
 * state, opaque to callers apart from the two times the browser pool reads.
 */
export interface FitCacheEntry {
  refittedAtMs: number;
  lastTimeMs: number;
}

/** Request: analyse one series with `settings` (edge form: durations as text). */
export interface FitTask {
  input: SeriesInput;
  settings: FitSettings;
  /** Return points from this time on; earlier points are training data only. */
  outputFromMs?: number;
  /** The entry a previous task for the same series and settings returned. */
  cached?: FitCacheEntry;
  /** Wall-clock time of the request, unix ms (the service's refit schedule). */
  nowMs?: number;
}

/** Reply: the analysis and the cache entry to send back next time, or the error that stopped it. */
export type FitReply =
  { type: 'result'; analysis: SeriesAnalysis; cache: FitCacheEntry } | { type: 'error'; error: SerializedError };

/**
 * Cancel request `id`: the caller wants no reply. A worker that has not started it drops it and answers
 * `cancelled`; one that has (it announced `started`) cannot be interrupted, so the transport stops it.
 */
export interface FitCancel {
  type: 'cancel';
  id: number;
}

/** What a worker tells about request `id` besides its reply: it started the fit, or dropped it on a cancel. */
export type FitProgress = { type: 'started'; id: number } | { type: 'cancelled'; id: number };

/** What a worker runs: `analyzeSeries` of `src/model/pipeline/analyze.ts`, or the shared test fake. */
export type Analyzer = (
  input: SeriesInput,
  settings: ModelSettings,
  options: { outputFromMs?: number; cached?: FitCacheEntry; nowMs?: number }
) => { analysis: SeriesAnalysis; cache: FitCacheEntry };

/** Runs one task: settings resolved on the series' model step (`modelStepOf`), then the analyzer; anything thrown becomes an error reply. */
export function runFitTask(task: FitTask, analyze: Analyzer): FitReply {
  try {
    // Seasons and horizons count steps of the grid the model is fitted on (hourly for finer data, mixed grids).
    const settings = toModelSettings(task.settings, modelStepOf(task.input));
    const { outputFromMs, cached, nowMs } = task;
    const { analysis, cache } = analyze(task.input, settings, { outputFromMs, cached, nowMs });
    return { type: 'result', analysis, cache };
  } catch (error) {
    return { type: 'error', error: serializeError(error) };
  }
}

/** Any thrown value → `{name, message, stack}`. */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) {
    return { name: error.name, message: error.message, stack: error.stack };
  }
  return { name: 'Error', message: typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error)) };
}

/** `{name, message, stack}` → a real `Error` with the same name, message and (remote) stack. */
export function deserializeError(serialized: SerializedError): Error {
  const error = new Error(serialized.message);
  error.name = serialized.name;
  if (serialized.stack) {
    error.stack = serialized.stack;
  }
  return error;
}
