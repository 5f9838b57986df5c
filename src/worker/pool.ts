/**
 * A pool of fit workers. Jobs queue until a worker is idle; each job has a timeout after which its worker is
 * terminated and replaced; a cancelled job is dropped from the queue or, when posted, cancelled by a `cancel`
 * message (the worker drops a fit it has not started and stays) or, once its worker announced `started`, by
 * terminating the worker (a fit is one synchronous computation, so that is the only way to stop it); a crashed
 * worker is replaced.
 * Workers are created lazily through an injected factory, so tests run the pool over `MessageChannel`s.
 */
import type { SeriesAnalysis } from '../contract/fit';
import type { FitTask } from '../contract/protocol';
import { MAX_NESTING_DEPTH, nestingError, ValidationError } from '../contract/nesting';
import { FitCancelledError, FitTimeoutError, WorkerCrashedError } from './errors';
import {
  type CacheEntry,
  deserializeError,
  type FromWorkerMessage,
  isFromWorkerMessage,
  type ToWorkerMessage,
} from './protocol';

/** The part of `Worker` the pool uses. */
export interface WorkerLike {
  postMessage(message: ToWorkerMessage): void;
  addEventListener(type: string, listener: (event: { data?: unknown; message?: string }) => void): void;
  terminate(): void;
}

export type WorkerFactory = () => WorkerLike;

export interface PoolOptions {
  factory: WorkerFactory;
  /** Number of workers; see `defaultPoolSize`. */
  size: number;
  /** Per-fit timeout. */
  timeoutMs: number;
}

/** One fit: the shared protocol's task. */
export type FitJob = FitTask;

export interface FitOutcome {
  analysis: SeriesAnalysis;
  cache: CacheEntry;
}

/**
 * One worker per core left after the page's own thread, at most 4; on 1 or 2 cores one per core: the page's thread
 * only waits while the workers fit (the refresh bench: 20 series, upstream answers and frames ~0.1 s of ~10 s), so
 * a second core left to it would idle through a dashboard refresh. 1 when the core count is unknown.
 */
export function defaultPoolSize(hardwareConcurrency: number | undefined): number {
  const cores = Math.max(1, hardwareConcurrency ?? 1);
  return Math.min(4, cores <= 2 ? cores : cores - 1);
}

interface Task {
  id: number;
  job: FitJob;
  resolve: (outcome: FitOutcome) => void;
  reject: (error: Error) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
  timer?: ReturnType<typeof setTimeout>;
  /** The worker announced it started the fit (a cancel can no longer reach it). */
  started?: boolean;
  /** Cancelled before it started: the caller was answered; the slot waits for the worker's `cancelled`. */
  cancelled?: boolean;
}

interface Slot {
  worker: WorkerLike | null;
  task: Task | null;
}

export class FitWorkerPool {
  private readonly slots: Slot[];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private disposed = false;

  constructor(private readonly options: PoolOptions) {
    this.slots = Array.from({ length: Math.max(1, options.size) }, () => ({ worker: null, task: null }));
  }

  /** Workers currently alive (created lazily, replaced after a timeout, crash or cancellation). */
  get liveWorkers(): number {
    return this.slots.filter((s) => s.worker !== null).length;
  }

  /** Jobs waiting for a worker. */
  get queued(): number {
    return this.queue.length;
  }

  /** Runs one fit; rejects with the worker's error, `FitTimeoutError`, `WorkerCrashedError` or an `AbortError`. */
  run(job: FitJob, signal?: AbortSignal): Promise<FitOutcome> {
    return new Promise<FitOutcome>((resolve, reject) => {
      if (this.disposed) {
        reject(new Error('fit worker pool: disposed'));
        return;
      }
      if (signal?.aborted) {
        reject(new FitCancelledError());
        return;
      }
      // Checked here, where posting it would throw a RangeError from structured clone.
      const tooDeep = nestingError(job, MAX_NESTING_DEPTH, 'fit job');
      if (tooDeep) {
        reject(new ValidationError(tooDeep));
        return;
      }
      const task: Task = { id: this.nextId++, job, resolve, reject, signal };
      task.onAbort = () => this.cancel(task);
      signal?.addEventListener('abort', task.onAbort);
      this.queue.push(task);
      this.pump();
    });
  }

  /** Terminates every worker and rejects every pending job. */
  dispose(): void {
    this.disposed = true;
    for (const task of this.queue.splice(0)) {
      this.settle(task, new Error('fit worker pool: disposed'));
    }
    for (const slot of this.slots) {
      if (slot.task) {
        this.settle(slot.task, new Error('fit worker pool: disposed'));
      }
      this.replace(slot);
    }
  }

  private pump(): void {
    for (const slot of this.slots) {
      while (slot.task === null && this.queue.length > 0) {
        const task = this.queue.shift()!;
        if (task.signal?.aborted) {
          // Its abort listener has not run yet (listeners fire in order); starting it would waste a worker.
          this.settle(task, new FitCancelledError());
          continue;
        }
        this.start(slot, task);
      }
    }
  }

  private start(slot: Slot, task: Task): void {
    let worker: WorkerLike;
    try {
      worker = slot.worker ?? this.spawn(slot);
    } catch (error) {
      this.settle(task, error instanceof Error ? error : new Error(String(error)));
      return;
    }
    slot.task = task;
    task.timer = setTimeout(() => {
      const seconds = this.options.timeoutMs / 1000;
      this.fail(
        slot,
        new FitTimeoutError(`fit of ${task.job.input.key} took longer than ${seconds} s; worker restarted`)
      );
    }, this.options.timeoutMs);
    worker.postMessage({ type: 'fit', id: task.id, ...task.job });
  }

  private spawn(slot: Slot): WorkerLike {
    const worker = this.options.factory();
    slot.worker = worker;
    worker.addEventListener('message', (event) => {
      if (slot.worker === worker) {
        this.receive(slot, event.data);
      }
    });
    const onCrash = (event: { message?: string }) => {
      if (slot.worker === worker) {
        this.fail(slot, new WorkerCrashedError(`fit worker crashed: ${event.message ?? 'unknown error'}`));
      }
    };
    worker.addEventListener('error', onCrash);
    worker.addEventListener('messageerror', onCrash);
    return worker;
  }

  private receive(slot: Slot, data: unknown): void {
    const task = slot.task;
    if (!isFromWorkerMessage(data) || task === null || data.id !== task.id) {
      // A late answer for a job that timed out or was cancelled after it started cannot arrive (its worker is
      // gone), so anything else is a protocol fault: fail the running job rather than leave it waiting.
      if (task !== null) {
        this.fail(slot, new WorkerCrashedError(`fit worker sent an unexpected message: ${JSON.stringify(data)}`));
      }
      return;
    }
    if (data.type === 'started') {
      task.started = true;
      if (task.cancelled) {
        // The cancel crossed the start: stop the fit nobody wants.
        this.fail(slot, new FitCancelledError());
      }
      return;
    }
    slot.task = null;
    if (task.cancelled || data.type === 'cancelled') {
      clearTimeout(task.timer);
    } else {
      this.settle(task, data.type === 'result' ? undefined : deserializeError(data.error), data);
    }
    this.pump();
  }

  /** Fails the running job of `slot`, replaces its worker and moves on to the queue. */
  private fail(slot: Slot, error: Error): void {
    const task = slot.task;
    slot.task = null;
    this.replace(slot);
    if (task) {
      this.settle(task, error);
    }
    this.pump();
  }

  private cancel(task: Task): void {
    const queuedAt = this.queue.indexOf(task);
    if (queuedAt >= 0) {
      this.queue.splice(queuedAt, 1);
      this.settle(task, new FitCancelledError());
      return;
    }
    const slot = this.slots.find((s) => s.task === task);
    if (!slot) {
      return;
    }
    if (task.started || !slot.worker) {
      this.fail(slot, new FitCancelledError());
      return;
    }
    // Not started yet: the worker drops it and stays; the caller is answered now, the slot freed on `cancelled`.
    task.cancelled = true;
    this.settle(task, new FitCancelledError());
    slot.worker.postMessage({ type: 'cancel', id: task.id });
    task.timer = setTimeout(() => this.fail(slot, new FitCancelledError()), this.options.timeoutMs);
  }

  private replace(slot: Slot): void {
    slot.worker?.terminate();
    slot.worker = null;
  }

  private settle(task: Task, error: Error | undefined, message?: FromWorkerMessage): void {
    clearTimeout(task.timer);
    if (task.onAbort) {
      task.signal?.removeEventListener('abort', task.onAbort);
    }
    if (error) {
      task.reject(error);
    } else if (message?.type === 'result') {
      task.resolve({ analysis: message.analysis, cache: message.cache });
    }
  }
}
