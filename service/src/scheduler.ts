/**
 * Keeps each detector's models current: every step (with jitter) it queries the training window upstream (at the
 * model step, the last day at the detector's step: `detectorFetch.ts`) and
 * hands each series to the fit pool with the previous cache entry, so `analyzeSeries` filters the new points
 * and refits only when the refit interval has elapsed. Failures never throw out of a cycle: the detector is
 * marked stale, the failure counted and logged, and the last good models stay in the store.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { UpstreamConfig } from './configTypes';
import type { ServiceMetrics } from './metrics';
import type { FitPool } from './pool';
import type { DetectorState, Store } from './store';
import { noteUpstreamFreshness } from './staleness';
import type { SeriesInput } from '../../src/contract/fit';
import { detectorFetch, joinParts } from './detectorFetch';
import { rangeExpr } from '../../src/model/pipeline/fetchPlan';
import { seriesKey } from '../../src/model/pipeline/seriesKey';
import { queryRange, UpstreamError } from './upstream';

export interface SchedulerOptions {
  /** First cycles start at a random delay in [0, startupJitterMs) so restarts don't stampede upstream. */
  startupJitterMs: number;
  /** Fits the scheduler keeps in flight at once (leaves queue room for the fit API). */
  concurrency: number;
  maxSeriesPerDetector: number;
  now?: () => number;
  /** Called after every refresh that reached the upstream (e.g. to persist the detector's state). */
  onRefreshed?: (detector: DetectorState) => void;
}

/** Shortest interval between two cycles of one detector, whatever its step. */
const MIN_INTERVAL_MS = 10_000;
/** Each later cycle is delayed by up to this share of the interval (capped at MAX_JITTER_MS). */
const JITTER_SHARE = 0.1;
const MAX_JITTER_MS = 30_000;
/** After a failed upstream query, retry after this delay, doubling per consecutive failure up to the interval. */
const RETRY_BASE_MS = 5_000;

/**
 * Delay before a detector's next cycle: its step (at least MIN_INTERVAL_MS), or after `failures` consecutive
 * upstream failures a retry delay doubling from RETRY_BASE_MS up to the step; plus jitter of up to 10 % (at most
 * 30 s) so that detectors with the same step drift apart instead of querying upstream in bursts.
 * `random` is uniform in [0, 1).
 */
export function cycleDelayMs(stepMs: number, failures: number, random: number): number {
  const intervalMs = Math.max(MIN_INTERVAL_MS, stepMs);
  const baseMs = failures > 0 ? Math.min(intervalMs, RETRY_BASE_MS * 2 ** Math.min(failures - 1, 20)) : intervalMs;
  return baseMs + random * Math.min(MAX_JITTER_MS, baseMs * JITTER_SHARE);
}

export class Scheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly failures = new Map<string, number>();
  private readonly running = new Set<Promise<void>>();
  private stopped = false;
  private inFlight = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly now: () => number;

  constructor(
    private readonly store: Store,
    private readonly upstream: UpstreamConfig | undefined,
    private readonly pool: FitPool,
    private readonly metrics: ServiceMetrics,
    private readonly log: FastifyBaseLogger,
    private readonly options: SchedulerOptions
  ) {
    this.now = options.now ?? Date.now;
  }

  start(): void {
    for (const detector of this.store.detectors.values()) {
      this.schedule(detector, Math.random() * this.options.startupJitterMs);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }

  private schedule(detector: DetectorState, delayMs: number): void {
    if (this.stopped) {
      return;
    }
    const timer = setTimeout(() => {
      const cycle = this.runCycle(detector).finally(() => {
        this.running.delete(cycle);
        this.schedule(detector, this.nextDelayMs(detector));
      });
      this.running.add(cycle);
    }, delayMs);
    timer.unref();
    this.timers.set(detector.config.name, timer);
  }

  private nextDelayMs(detector: DetectorState): number {
    return cycleDelayMs(detector.config.stepMs, this.failures.get(detector.config.name) ?? 0, Math.random());
  }

  /** One refresh of one detector; never throws. */
  async runCycle(detector: DetectorState): Promise<void> {
    const name = detector.config.name;
    let series: SeriesInput[];
    try {
      series = await this.fetch(detector);
    } catch (err) {
      const reason = err instanceof UpstreamError ? err.reason : 'internal';
      detector.stale = true;
      detector.lastError = (err as Error).message;
      this.metrics.upstreamFailures.inc({ detector: name, reason });
      this.failures.set(name, (this.failures.get(name) ?? 0) + 1);
      this.log.warn(
        { detector: name, reason, err: (err as Error).message },
        'upstream query failed; serving last models'
      );
      return;
    }
    detector.lastUpstreamSuccessMs = this.now();
    this.failures.delete(name);
    noteUpstreamFreshness(detector, series, this.now(), this.log);
    const seen = new Set<string>();
    const outcomes = await Promise.all(
      series.map((input) => {
        seen.add(input.key);
        return this.fitOne(detector, input);
      })
    );
    // Series gone from the upstream answer no longer exist there; stop publishing them.
    for (const key of [...detector.series.keys()]) {
      if (!seen.has(key)) {
        detector.series.delete(key);
      }
    }
    const failed = outcomes.filter((ok) => !ok).length;
    detector.stale = failed > 0;
    detector.lastError = failed > 0 ? `${failed} of ${series.length} series failed to fit` : null;
    this.log.info({ detector: name, series: series.length, failed }, 'detector refreshed');
    this.options.onRefreshed?.(detector);
  }

  /** The training window at the model step and the recent part at the detector's step (`detectorFetch.ts`). */
  private async fetch(detector: DetectorState): Promise<SeriesInput[]> {
    const upstream = this.upstream;
    if (!upstream) {
      throw new UpstreamError('unreachable', 'no upstream configured');
    }
    const plan = detectorFetch(detector.config, this.now());
    const parts = await Promise.all(
      plan.ranges.map((r) =>
        queryRange(
          upstream,
          rangeExpr(detector.config.query, r),
          { startMs: r.fromMs, endMs: r.toMs, stepMs: r.stepMs },
          this.options.maxSeriesPerDetector
        )
      )
    );
    return joinParts(parts, plan, detector.config.stepMs, seriesKey);
  }

  private async fitOne(detector: DetectorState, input: SeriesInput): Promise<boolean> {
    const name = detector.config.name;
    const key = input.key;
    await this.acquire();
    try {
      const previous = detector.series.get(key);
      const result = await this.pool.run(
        { input, settings: detector.config.settings, cached: previous?.cache, nowMs: this.now() },
        'detector'
      );
      this.metrics.fitDuration.observe({ source: 'detector' }, result.elapsedMs / 1000);
      if (result.type === 'error') {
        this.metrics.fitFailures.inc({ source: 'detector', detector: name, reason: result.error.name });
        this.log.warn({ detector: name, series: key, err: result.error.message }, 'fit failed; keeping last model');
        return false;
      }
      this.store.put(detector, result.analysis, result.cache, this.now());
      return true;
    } finally {
      this.release();
    }
  }

  private async acquire(): Promise<void> {
    if (this.inFlight < this.options.concurrency) {
      this.inFlight++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) {
      next();
    } else {
      this.inFlight--;
    }
  }
}
