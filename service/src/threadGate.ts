/**
 * Hands the fit threads out between the two sources of work: scheduled detectors and ad-hoc `POST /api/v1/fit`
 * requests. A share of the threads is reserved for detectors, and a waiting detector fit always goes before a
 * waiting API fit, so heavy ad-hoc requests can delay a detector by at most one running fit, never starve it.
 * Only as many fits as there are threads are passed on to piscina; the waiting happens here, in two queues.
 */

export type FitSource = 'detector' | 'api';

/** Share of the threads API fits may not use (at least one thread when there are two or more). */
const DETECTOR_RESERVED_SHARE = 0.25;

/** Threads reserved for detector fits: none with one thread (priority only), else ≥ 1 and 25 % of them. */
export function reservedDetectorThreads(threads: number): number {
  return threads < 2 ? 0 : Math.max(1, Math.floor(threads * DETECTOR_RESERVED_SHARE));
}

/** Waiting for a thread took longer than the caller's deadline. */
export class ThreadWaitAbortedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ThreadWaitAbortedError';
  }
}

interface Waiter {
  grant: () => void;
}

export class ThreadGate {
  private readonly running: Record<FitSource, number> = { detector: 0, api: 0 };
  private readonly waiting: Record<FitSource, Waiter[]> = { detector: [], api: [] };
  /** Most threads API fits may hold at once. */
  readonly apiThreads: number;

  constructor(readonly threads: number) {
    this.apiThreads = threads - reservedDetectorThreads(threads);
  }

  /** Fits waiting for a thread. */
  get queued(): number {
    return this.waiting.detector.length + this.waiting.api.length;
  }

  /** Resolves when a thread is granted to `source`; rejects with ThreadWaitAbortedError when `signal` fires first. */
  acquire(source: FitSource, signal?: AbortSignal): Promise<void> {
    if (this.waiting[source].length === 0 && this.mayStart(source)) {
      this.running[source]++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        const queue = this.waiting[source];
        queue.splice(queue.indexOf(waiter), 1);
        reject(new ThreadWaitAbortedError(`no fit thread became free in time (${queue.length} still waiting)`));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting[source].push(waiter);
    });
  }

  /** Returns a thread held by `source` and grants it to the next waiter: detectors first. */
  release(source: FitSource): void {
    this.running[source]--;
    for (const next of ['detector', 'api'] as const) {
      while (this.waiting[next].length > 0 && this.mayStart(next)) {
        this.running[next]++;
        this.waiting[next].shift()!.grant();
      }
    }
  }

  private mayStart(source: FitSource): boolean {
    const busy = this.running.detector + this.running.api;
    if (busy >= this.threads) {
      return false;
    }
    // With detector fits waiting, a free thread is theirs even below the API cap.
    return source === 'detector' || (this.running.api < this.apiThreads && this.waiting.detector.length === 0);
  }
}
