/**
 * Versioned request/result DTOs for fitting and analysing series. Plain JSON only (no classes, no Date), so the
 * same objects cross `postMessage` (browser worker pool) and HTTP (companion service `POST /api/v1/fit`)
 * unchanged (STYLE.md §2). The payload types live with the pipeline that produces them
 * (`src/model/pipeline/types.ts`); this file adds the envelope, the version and the error shape.
 */
import type { ModelSettings, SeriesAnalysis, SeriesInput } from '../model/pipeline/types';

export type * from '../model/pipeline/types';

/** Bumped on any incompatible change to the shapes below or in `src/model/pipeline/types.ts`. */
export const FIT_CONTRACT_VERSION = 1;

/** Request: analyse every series with the same settings. `outputFromMs` limits the returned points. */
export interface FitRequest {
  version: typeof FIT_CONTRACT_VERSION;
  series: SeriesInput[];
  settings: ModelSettings;
  /** Return points from this time on (the visible range); earlier points are training data only. */
  outputFromMs?: number;
}

/** Error crossing the worker/HTTP boundary (STYLE.md §6). */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
}

/** Result for one series: the analysis, or a named error. One failed series never hides the others. */
export type SeriesResult =
  SeriesAnalysis | { status: 'error'; key: string; labels: Record<string, string>; error: SerializedError };

/** Response to a `FitRequest`: one result per input series, in input order. */
export interface FitResponse {
  version: typeof FIT_CONTRACT_VERSION;
  results: SeriesResult[];
}
