/**
 * The bounded fit pool: piscina worker threads behind a thread gate that reserves a share for scheduled detectors
 * (`threadGate.ts`), plus cost admission of API requests (`admission.ts`). Each task has a deadline, queue wait
 * included, after which its worker is terminated. `run` never rejects: timeouts and crashed workers come back
 * as error results.
 */
import path from 'node:path';
import { Piscina } from 'piscina';
import { CostAdmission } from './admission';
import type { LimitsConfig } from './configTypes';
import { serializeError, type FitTask, type FitTaskResult } from './fitTask';
import { ThreadGate, type FitSource } from './threadGate';

/** Worker heap cap: a runaway fit fails alone instead of exhausting the process. */
const WORKER_HEAP_MB = 512;

export class FitPool {
  private readonly pool: Piscina<FitTask, FitTaskResult>;
  private readonly gate: ThreadGate;
  /** Cost admission of API requests (`POST /api/v1/fit`). */
  readonly admission: CostAdmission;

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
    this.gate = new ThreadGate(limits.threads);
    this.admission = new CostAdmission(limits.maxFitCost, limits.maxQueue);
  }

  /** Fits waiting for a worker thread. */
  get queueDepth(): number {
    return this.gate.queued + this.pool.queueSize;
  }

  /**
   * Runs one fit for `source` with the configured deadline (wait for a thread included). Aborting `cancel` (the
   * HTTP client went away) drops the fit if it is still waiting and terminates its worker if it runs.
   */
  async run(task: FitTask, source: FitSource, cancel?: AbortSignal): Promise<FitTaskResult> {
    const started = performance.now();
    const deadline = AbortSignal.timeout(this.limits.fitTimeoutMs);
    const stop = cancel ? AbortSignal.any([deadline, cancel]) : deadline;
    try {
      await this.gate.acquire(source, stop);
    } catch {
      return this.stopped(task, started, cancel);
    }
    try {
      // A thread granted in the same turn as the abort: the fit must not start.
      if (cancel?.aborted) {
        return this.stopped(task, started, cancel);
      }
      return await this.pool.run(task, { signal: stop });
    } catch (err) {
      if (err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError')) {
        return this.stopped(task, started, cancel);
      }
      return { type: 'error', error: serializeError(err), elapsedMs: performance.now() - started };
    } finally {
      this.gate.release(source);
    }
  }

  private stopped(task: FitTask, started: number, cancel: AbortSignal | undefined): FitTaskResult {
    if (!cancel?.aborted) {
      return this.timedOut(task, started);
    }
    const message = `fit of ${task.input.key} cancelled: the client went away`;
    return { type: 'error', error: { name: 'FitCancelledError', message }, elapsedMs: performance.now() - started };
  }

  private timedOut(task: FitTask, started: number): FitTaskResult {
    const message = `fit of ${task.input.key} exceeded the ${this.limits.fitTimeoutMs} ms limit (limits.fitTimeout)`;
    return { type: 'error', error: { name: 'FitTimeoutError', message }, elapsedMs: performance.now() - started };
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
