/**
 * Web Worker entry, built as the plain script `datasource/fit.worker.js` (see the root webpack.config.ts) and started
 * by `blobWorker.ts`: serves fits on the worker's global scope with the real analysis pipeline.
 */
import { type AnalysisCacheEntry, analyzeSeries } from '../model/pipeline/analyze';
import { type EndpointPort, serveFits } from './endpoint';

serveFits(self as unknown as EndpointPort, (input, settings, options) =>
  analyzeSeries(input, settings, {
    outputFromMs: options.outputFromMs,
    // The entry was produced by analyzeSeries in a worker of this pool and only stored on the main thread.
    cached: options.cached as AnalysisCacheEntry | undefined,
  })
);
