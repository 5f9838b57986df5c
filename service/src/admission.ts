/**
 * Admission of `POST /api/v1/fit` requests by estimated cost, not by series count. The cost of a series is its
 * points times the candidate models its settings make the pipeline fit (one for fixed orders, the stepwise
 * search's model budget when an order is `auto`). A request costing more than `limits.maxFitCost` can never be
 * admitted and is refused at once (413, FitTooCostlyError); one that fits waits its turn (FIFO) while other
 * requests hold the budget; only when `limits.maxQueue` requests already wait is it refused with 429, whose
 * Retry-After can succeed because the request alone fits.
 */
import type { FitSettings } from '../../src/contract/fit';
import { AUTO_MAX_FITS } from '../../src/model/auto';

/** Default of `limits.maxFitCost`: e.g. 200 series × 2,000 points with automatic orders (37.6 M) fit. */
export const DEFAULT_MAX_FIT_COST = 50_000_000;

/** Candidate models the pipeline fits per series for these settings. */
export function candidateModels(settings: Pick<FitSettings, 'order' | 'seasonalOrder'>): number {
  // An automatic order fits at most the stepwise search's budget: an upper bound, most searches stop earlier.
  return settings.order === 'auto' || settings.seasonalOrder === 'auto' ? AUTO_MAX_FITS : 1;
}

/** Estimated cost of fitting `series` (point·models). */
export function fitCost(series: Array<{ timesMs: unknown[] }>, settings: FitSettings): number {
  const points = series.reduce((sum, s) => sum + s.timesMs.length, 0);
  return points * candidateModels(settings);
}

/** The request costs more than the service ever admits at once (answered 413). */
export class FitTooCostlyError extends Error {
  constructor(cost: number, maxCost: number, detail: string) {
    super(
      `fit request costs ${cost.toLocaleString('en-US')} point·models (${detail}); the service admits at most ` +
        `${maxCost.toLocaleString('en-US')} (limits.maxFitCost): send fewer series or points, or fixed orders`
    );
    this.name = 'FitTooCostlyError';
  }
}

/** Too many requests already wait for admission (answered 429 with Retry-After). */
export class QueueFullError extends Error {
  constructor(
    readonly retryAfterS: number,
    waiting: number,
    maxWaiting: number
  ) {
    super(
      `${waiting} fit requests are waiting for admission (limit ${maxWaiting}, limits.maxQueue); retry in ${retryAfterS} s`
    );
    this.name = 'QueueFullError';
  }
}

/** Waiting for admission outlasted the request's deadline (answered 503 with Retry-After). */
export class AdmissionTimeoutError extends Error {
  constructor(
    readonly retryAfterS: number,
    waitedMs: number
  ) {
    super(`the fit request waited ${Math.round(waitedMs)} ms for admission without getting in (limits.fitTimeout)`);
    this.name = 'AdmissionTimeoutError';
  }
}

interface Waiter {
  cost: number;
  admit: () => void;
}

/** Cost budget of API fits in flight (running or waiting for a thread). */
export class CostAdmission {
  private pendingCost = 0;
  private readonly waiting: Waiter[] = [];
  /** Moving average of fit time per cost unit, for Retry-After. */
  private msPerCost = 0.01;

  constructor(
    readonly maxCost: number,
    private readonly maxWaiting: number
  ) {}

  /** Cost currently admitted and not yet released. */
  get admittedCost(): number {
    return this.pendingCost;
  }

  /** Records how long a fit of `cost` took, to estimate Retry-After. */
  observe(cost: number, elapsedMs: number): void {
    if (cost > 0) {
      this.msPerCost = 0.9 * this.msPerCost + 0.1 * (elapsedMs / cost);
    }
  }

  /**
   * Resolves with a release function once `cost` fits in the budget. Throws FitTooCostlyError when it never
   * can, QueueFullError when `maxWaiting` requests already wait, AdmissionTimeoutError when `signal` fires first.
   */
  async admit(cost: number, detail: string, signal?: AbortSignal): Promise<() => void> {
    if (cost > this.maxCost) {
      throw new FitTooCostlyError(cost, this.maxCost, detail);
    }
    const release = () => this.release(cost);
    if (this.waiting.length === 0 && this.pendingCost + cost <= this.maxCost) {
      this.pendingCost += cost;
      return release;
    }
    if (this.waiting.length >= this.maxWaiting) {
      throw new QueueFullError(this.retryAfterS(cost), this.waiting.length, this.maxWaiting);
    }
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { cost, admit: () => (signal?.removeEventListener('abort', onAbort), resolve()) };
      const onAbort = () => {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        reject(new AdmissionTimeoutError(this.retryAfterS(cost), performance.now() - started));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(waiter);
    });
    return release;
  }

  private release(cost: number): void {
    this.pendingCost -= cost;
    while (this.waiting.length > 0 && this.pendingCost + this.waiting[0].cost <= this.maxCost) {
      const next = this.waiting.shift()!;
      this.pendingCost += next.cost;
      next.admit();
    }
  }

  /** Seconds until the admitted and waiting work ahead has drained enough for `cost`, from measured fit times. */
  private retryAfterS(cost: number): number {
    const ahead = this.pendingCost + this.waiting.reduce((sum, w) => sum + w.cost, 0) + cost - this.maxCost;
    return Math.min(300, Math.max(1, Math.ceil((Math.max(0, ahead) * this.msPerCost) / 1000)));
  }
}
