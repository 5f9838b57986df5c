/**
 * Messages between the fit worker pool (main thread) and a fit worker. Plain JSON (structured-clone safe), discriminated
 * on `type` (STYLE.md §4). Errors cross as `{name, message, stack}` and are rethrown as real `Error`s (STYLE.md §6).
 */
import type { ModelSettings, SerializedError, SeriesAnalysis, SeriesInput } from '../contract/fit';

/**
 * The pipeline's cache entry (`AnalysisCacheEntry` of `src/model/pipeline/analyze.ts`): fitted model and filter
 * state, opaque here apart from the two times the pool reads.
 */
export interface CacheEntry {
  refittedAtMs: number;
  lastTimeMs: number;
}

/** Analyse one series, reusing `cached` when the pipeline finds it fresh. */
export interface FitMessage {
  type: 'fit';
  id: number;
  input: SeriesInput;
  settings: ModelSettings;
  outputFromMs?: number;
  cached?: CacheEntry;
}

export type ToWorkerMessage = FitMessage;

export interface ResultMessage {
  type: 'result';
  id: number;
  analysis: SeriesAnalysis;
  cache: CacheEntry;
}

export interface ErrorMessage {
  type: 'error';
  /** -1 when the failing message carried no usable id. */
  id: number;
  error: SerializedError;
}

export type FromWorkerMessage = ResultMessage | ErrorMessage;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Type guard for messages the worker accepts. */
export function isToWorkerMessage(value: unknown): value is ToWorkerMessage {
  return (
    isRecord(value) &&
    value.type === 'fit' &&
    typeof value.id === 'number' &&
    isRecord(value.input) &&
    isRecord(value.settings)
  );
}

/** Type guard for messages the pool accepts. */
export function isFromWorkerMessage(value: unknown): value is FromWorkerMessage {
  if (!isRecord(value) || typeof value.id !== 'number') {
    return false;
  }
  if (value.type === 'result') {
    return isRecord(value.analysis) && isRecord(value.cache);
  }
  return value.type === 'error' && isRecord(value.error) && typeof value.error.message === 'string';
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
