/** Fit worker of the service tests: the shared fit protocol over the test double of `analyzeSeries`. */
import { runFitTask, type FitTask } from '../../src/contract/protocol';
import type { FitTaskResult } from '../src/fitTask';
import { fakeAnalyze as analyzeSeries } from '../../src/contract/testing/fakeAnalyzer';

export default function fit(task: FitTask): FitTaskResult {
  const started = performance.now();
  return { ...runFitTask(task, analyzeSeries), elapsedMs: performance.now() - started };
}
