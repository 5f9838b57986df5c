/**
 * Messages between the service and its fit workers: one task analyses one series. Plain JSON both ways; errors
 * come back as values (`SerializedError`) because structured clone loses custom error names (STYLE.md §6).
 */
import type { ModelSettings, SeriesAnalysis, SeriesInput, SerializedError } from '../../src/contract/fit';

/** Mirrors `AnalyzeOptions` of `src/model/pipeline/analyze.ts`; `cached` is its opaque AnalysisCacheEntry. */
export interface FitTaskOptions {
  outputFromMs?: number;
  cached?: unknown;
  nowMs?: number;
}

export interface FitTask {
  input: SeriesInput;
  settings: ModelSettings;
  options: FitTaskOptions;
}

export type FitTaskResult =
  | { ok: true; analysis: SeriesAnalysis; cache: unknown; elapsedMs: number }
  | { ok: false; error: SerializedError; elapsedMs: number };

/** The function a worker calls: `analyzeSeries` of `src/model/pipeline/analyze.ts`, or a test double. */
export type Analyzer = (
  input: SeriesInput,
  settings: ModelSettings,
  options?: FitTaskOptions
) => { analysis: SeriesAnalysis; cache: unknown };

/** Turns anything thrown into the boundary error shape. */
export function serializeError(err: unknown): SerializedError {
  if (err instanceof Error) {
    return { name: err.name, message: err.message, stack: err.stack };
  }
  return { name: 'Error', message: String(err) };
}
