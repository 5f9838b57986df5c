/**
 * Versioned request/result DTOs of `POST /api/v1/fit` and the browser's fit client. Plain JSON only (no classes,
 * no Date), so the same objects cross `postMessage` and HTTP unchanged (STYLE.md §2). Settings travel in their
 * edge form (`src/contract/settings`: durations as text, season as a duration); the payload types live with the
 * pipeline that produces them (`src/model/pipeline/types.ts`).
 */
import type { SeriesAnalysis, SeriesInput } from '../model/pipeline/types';
import type { SerializedError } from './protocol';
import type { FitSettings } from './settings';

export type * from '../model/pipeline/types';
export type { SerializedError } from './protocol';
export type { FitSettings } from './settings';

/**
 * Bumped on any incompatible change to the shapes below or in `src/model/pipeline/types.ts`.
 * 2: settings in edge form (`season: '1d'`, `trainingWindow: '28d'`, …; was `seasonalPeriod` steps and ms numbers).
 */
export const FIT_CONTRACT_VERSION = 2;

/** Request: analyse every series with the same settings. `outputFromMs` limits the returned points. */
export interface FitRequest {
  version: typeof FIT_CONTRACT_VERSION;
  series: SeriesInput[];
  settings: FitSettings;
  /** Return points from this time on (the visible range); earlier points are training data only. */
  outputFromMs?: number;
}

/** Result for one series: the analysis, or a named error. One failed series never hides the others. */
export type SeriesResult =
  SeriesAnalysis | { status: 'error'; key: string; labels: Record<string, string>; error: SerializedError };

/** Response to a `FitRequest`: one result per input series, in input order. */
export interface FitResponse {
  version: typeof FIT_CONTRACT_VERSION;
  results: SeriesResult[];
}

/**
 * Media type of the streamed fit response: a client that sends `Accept: application/x-ndjson` gets one
 * `FitStreamLine` per line, each series' result as soon as it is fitted (in finishing order), then a `done` line.
 * Without it the answer is the whole `FitResponse` as one JSON document, as before.
 */
export const FIT_STREAM_MEDIA_TYPE = 'application/x-ndjson';

/** One line of a streamed fit response. A stream that ends without `done` was cut off. */
export type FitStreamLine =
  | { type: 'result'; index: number; result: SeriesResult }
  | { type: 'done'; version: typeof FIT_CONTRACT_VERSION; count: number };
