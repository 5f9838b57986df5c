/** Fit worker of the service tests: the shared fit protocol over the test double of `analyzeSeries`. */
import { runFitTask, type FitTask } from '../../src/contract/protocol';
import type { FitTaskResult } from '../src/fitTask';
import { FAKE_MIN_POINTS, fakeAnalyze as analyzeSeries } from '../../src/contract/testing/fakeAnalyzer';

export default function fit(task: FitTask): FitTaskResult {
  const started = performance.now();
  return { ...runFitTask(task, analyzeSeries), elapsedMs: performance.now() - started };
}

/** Minimum training of the test double (its minimum points span that many steps less one), read by the service's start-up check. */
export function minTrainingMs(stepMs: number): number {
  return (FAKE_MIN_POINTS - 1) * stepMs;
}
