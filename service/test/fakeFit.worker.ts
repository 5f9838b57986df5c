/**
 * Fit worker of the service tests: the shared fit protocol over the test double of `analyzeSeries`. Two more
 * labels let a test see and steer fits from outside the service: `tidemark_test_started_dir` writes a file named
 * after the series key into that directory when its fit starts, and `tidemark_test_wait_for` holds the fit until
 * that file exists (at most 20 s), so a test can order events without timing them.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runFitTask, type FitTask } from '../../src/contract/protocol';
import type { FitTaskResult } from '../src/fitTask';
import { FAKE_MIN_POINTS, fakeAnalyze as analyzeSeries } from '../../src/contract/testing/fakeAnalyzer';

const MAX_WAIT_MS = 20_000;

function steer(labels: Record<string, string>, key: string): void {
  if (labels.tidemark_test_started_dir) {
    writeFileSync(path.join(labels.tidemark_test_started_dir, key), '');
  }
  const waitFor = labels.tidemark_test_wait_for;
  const until = Date.now() + MAX_WAIT_MS;
  while (waitFor && !existsSync(waitFor) && Date.now() < until) {
    // Spin, as a long fit holds its thread.
  }
}

export default function fit(task: FitTask): FitTaskResult {
  const started = performance.now();
  steer(task.input.labels, task.input.key);
  return { ...runFitTask(task, analyzeSeries), elapsedMs: performance.now() - started };
}

/** Minimum training of the test double (its minimum points span that many steps less one), read by the service's start-up check. */
export function minTrainingMs(stepMs: number): number {
  return (FAKE_MIN_POINTS - 1) * stepMs;
}
