/**
 * Messages between the fit worker pool (main thread) and a fit worker. The shared fit protocol of `src/contract/protocol.ts` with a message id; discriminated
 * on `type` (STYLE.md §4). Errors cross as `{name, message, stack}` and are rethrown as real `Error`s (STYLE.md §6).
 */
import type { FitCacheEntry, FitCancel, FitProgress, FitReply, FitTask } from '../contract/protocol';

export { deserializeError, serializeError } from '../contract/protocol';

/** The pipeline's cache entry, opaque here apart from the two times the pool reads. */
export type CacheEntry = FitCacheEntry;

/** Analyse one series (the shared `FitTask`), reusing `cached` when the pipeline finds it fresh. */
export type FitMessage = { type: 'fit'; id: number } & FitTask;

export type ToWorkerMessage = FitMessage | FitCancel;

/**
 * The shared `FitReply` with the id of the message it answers (-1 when that message carried no usable id), or the
 * shared progress notices (`started`, `cancelled`).
 */
export type FromWorkerMessage = (FitReply & { id: number }) | FitProgress;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Type guard for messages the worker accepts. */
export function isToWorkerMessage(value: unknown): value is ToWorkerMessage {
  if (!isRecord(value) || typeof value.id !== 'number') {
    return false;
  }
  return value.type === 'cancel' || (value.type === 'fit' && isRecord(value.input) && isRecord(value.settings));
}

/** Type guard for messages the pool accepts. */
export function isFromWorkerMessage(value: unknown): value is FromWorkerMessage {
  if (!isRecord(value) || typeof value.id !== 'number') {
    return false;
  }
  if (value.type === 'result') {
    return isRecord(value.analysis) && isRecord(value.cache);
  }
  if (value.type === 'started' || value.type === 'cancelled') {
    return true;
  }
  return value.type === 'error' && isRecord(value.error) && typeof value.error.message === 'string';
}
