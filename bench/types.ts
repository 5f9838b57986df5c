/**
 * Benchmark case shape. A case file in bench/cases/ exports `cases: BenchCase[]`; bench/run.ts discovers
 * every file there, so adding a case means adding a file (no central list to edit).
 */

import type { FourierTerm } from '../src/model/types';

/** A model for the peer scripts (R `stats::arima` argument order). */
export interface PeerModel {
  order: [number, number, number];
  seasonal: [number, number, number];
  period: number;
  includeMean: boolean;
  /** Fourier regressors, t = 0 at the first point, columns sin1, cos1, sin2, … (as SarimaSpec.fourier). */
  fourier?: FourierTerm[];
}

/**
 * How to run one peer on a case. `slow`: known to take minutes or to fail (the text says why); skipped
 * unless `--slow-peers` is given, and then run under `timeoutMs`. `unavailable`: never run; printed as is.
 */
export type PeerPlan<T> = { run: T; reps?: number; slow?: string; timeoutMs?: number } | { unavailable: string };

/** Options passed to the `arima` package: `new ARIMA(options).train(y)` then `predict(horizon)`. */
export interface ArimaPackageRun {
  options: Record<string, number | boolean>;
  horizon: number;
}

/** Model or automatic search for R / statsmodels. */
export type ScriptRun = { kind: 'fit'; model: PeerModel } | { kind: 'auto'; period: number };

/** Input of a case: built deterministically (seeded) so every implementation sees the same data. */
export interface BenchInput {
  y: number[];
}

export interface BenchCase {
  /** Unique, used by `--only`. */
  name: string;
  description: string;
  /** Target for our median in ms; null when there is none. */
  targetMs: number | null;
  /** Timed repetitions of ours after one warm-up run. */
  reps: { full: number; quick: number };
  input(): BenchInput;
  /** Our implementation; may return a short note (e.g. the chosen model) for the table. */
  ours(input: BenchInput): Promise<string | void> | string | void;
  /** When ours cannot run (a module not written yet), the reason; checked before timing. */
  oursUnavailable?(): Promise<string | null>;
  peers?: {
    arima?: PeerPlan<ArimaPackageRun>;
    r?: PeerPlan<ScriptRun>;
    statsmodels?: PeerPlan<ScriptRun>;
  };
}

/** One measured row of the table. */
export interface Measurement {
  impl: string;
  /** Median wall time in ms; null when not measured. */
  medianMs: number | null;
  runs: number;
  /** Peak resident set size of the process that ran it, MB. */
  maxRssMb: number | null;
  note: string;
}
