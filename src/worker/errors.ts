/** Errors of the worker pool itself (the worker's own errors arrive serialised and keep their names). */

/** A fit ran longer than the pool's timeout; its worker was terminated and replaced. */
export class FitTimeoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FitTimeoutError';
  }
}

/** A worker failed outside a fit (script error, out of memory); it was replaced. */
export class WorkerCrashedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerCrashedError';
  }
}

/** The caller cancelled (query superseded). Named `AbortError` like `fetch`, so callers can test one name. */
export class FitCancelledError extends Error {
  constructor(message = 'fit cancelled') {
    super(message);
    this.name = 'AbortError';
  }
}

/** True for a cancellation from the pool, `fetch`, rxjs or an `AbortSignal`. */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
