/**
 * Fit worker (run by piscina in a worker thread): analyses one series per task with the real pipeline, through
 * the shared fit protocol. Tests start `service/test/fakeFit.worker.ts` instead (`FitPool`'s `workerFile`).
 */
import { runFitTask, type Analyzer, type FitTask } from '../../src/contract/protocol';
import { analyzeSeries, type AnalysisCacheEntry } from '../../src/model/pipeline/analyze';
import type { FitTaskResult } from './fitTask';

const analyze: Analyzer = (input, settings, options) =>
  // The entry was produced by analyzeSeries in a worker of this pool and only stored by the service.
  analyzeSeries(input, settings, { ...options, cached: options.cached as AnalysisCacheEntry | undefined });

export default function fit(task: FitTask): FitTaskResult {
  const started = performance.now();
  return { ...runFitTask(task, analyze), elapsedMs: performance.now() - started };
}
