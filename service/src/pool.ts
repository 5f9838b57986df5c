/**
 * The bounded fit pool: piscina worker threads plus admission control. API requests are admitted only while
 * the queue has room (else QueueFullError → 429); each task has a deadline after which its worker is
 * terminated. `run` never rejects: timeouts and crashed workers come back as error results.
 */
import path from 'node:path';
import { Piscina } from 'piscina';
import type { LimitsConfig } from './configTypes';
import { serializeError, type FitTask, type FitTaskResult } from './fitTask';

/** The queue cannot take the request; `retryAfterS` estimates when it can. */
export class QueueFullError extends Error {
  constructor(
    readonly retryAfterS: number,
    queued: number,
    maxQueue: number
  ) {
    super(`fit queue is full (${queued} queued, limit ${maxQueue}); retry in ${retryAfterS} s`);
    this.name = 'QueueFullError';
  }
}

/** Worker heap cap: a runaway fit fails alone instead of exhausting the process. */
const WORKER_HEAP_MB = 512;

export class FitPool {
  private readonly pool: Piscina<FitTask, FitTaskResult>;
  /** Exponential moving average of fit time, for Retry-After. */
  private avgFitMs = 200;
  /** Tasks submitted and not yet finished (running or queued). */
  private inFlight = 0;

  constructor(
    private readonly limits: LimitsConfig,
    /** The piscina worker script; tests pass `service/test/fakeFit.worker.ts`. */
    workerFile = path.resolve(__dirname, `fit.worker${path.extname(__filename)}`)
  ) {
    this.pool = new Piscina({
      // Under tsx the worker is TypeScript; piscina's threads inherit process.execArgv, which carries tsx's loader.
      filename: workerFile,
      minThreads: limits.threads,
      maxThreads: limits.threads,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
  }

  /** Tasks waiting for a worker. */
  get queueDepth(): number {
    return this.pool.queueSize;
  }

  /** Throws QueueFullError unless `count` more tasks fit: idle threads take some, the queue the rest. */
  admit(count: number): void {
    const queued = Math.max(0, this.inFlight - this.limits.threads);
    const queuedAfter = Math.max(0, this.inFlight + count - this.limits.threads);
    if (queuedAfter > this.limits.maxQueue) {
      const waitMs = (queuedAfter / this.limits.threads) * this.avgFitMs;
      throw new QueueFullError(Math.min(60, Math.max(1, Math.ceil(waitMs / 1000))), queued, this.limits.maxQueue);
    }
  }

  /** Runs one fit with the configured deadline (queue wait included). */
  async run(task: FitTask): Promise<FitTaskResult> {
    const started = performance.now();
    this.inFlight++;
    try {
      const result = await this.pool.run(task, { signal: AbortSignal.timeout(this.limits.fitTimeoutMs) });
      this.avgFitMs = 0.9 * this.avgFitMs + 0.1 * result.elapsedMs;
      return result;
    } catch (err) {
      const elapsedMs = performance.now() - started;
      if (err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError')) {
        const message = `fit of ${task.input.key} exceeded the ${this.limits.fitTimeoutMs} ms limit (limits.fitTimeout)`;
        return { type: 'error', error: { name: 'FitTimeoutError', message }, elapsedMs };
      }
      return { type: 'error', error: serializeError(err), elapsedMs };
    } finally {
      this.inFlight--;
    }
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
