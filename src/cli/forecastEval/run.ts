/**
 * Runs the forecast evaluation: every task by Tidemark `autoForecast`, the seasonal naive benchmark and (in
 * parallel, when installed) R `forecast::auto.arima`, scored by `metrics.ts`. A method that fails on a task
 * is scored with the seasonal naive forecast for that task and the failure is counted.
 */
import { readFileSync } from 'node:fs';

import { autoForecast } from '../../model/autoForecast';
import type { TransformSetting } from '../../model/seriesTransform';
import type { ForecastTask } from './data';
import { IntervalForecast, scoreForecast, seasonalScale, type ForecastScores } from './metrics';
import { seasonalNaive } from './naive';
import { parseROutput, runRAutoArima, taskKey, type ROutcome } from './rAutoArima';
import { HOUR_MS } from '../../contract/constants';

/** Scores of one method on one task. */
export interface TaskResult {
  task: string;
  method: string;
  scores: ForecastScores;
  failed?: string;
  ms: number;
  model: string;
}

/** Settings of one evaluation run. */
export interface RunSettings {
  period: number;
  horizon: number;
  levelPct: number;
  withR: boolean;
  /** Skip Tidemark and the benchmark (to run R alone, e.g. with rSaveAs). */
  rOnly?: boolean;
  /** Transform setting of Tidemark auto. */
  transform: TransformSetting;
  /** Calibrate Tidemark's bands. */
  calibrate: boolean;
  /** Save R's output CSV here. */
  rSaveAs?: string;
  /** Score R's forecasts from this saved output CSV instead of running R (same tasks assumed). */
  rFrom?: string;
}

/** Tidemark's automatic forecast of a task, with its chosen model described. */
export function tidemarkForecast(task: ForecastTask, settings: RunSettings): { fc: IntervalForecast; model: string } {
  const { auto, chosen, forecast, transform, calibration } = autoForecast(task.train, {
    stepMs: HOUR_MS,
    horizon: settings.horizon,
    levelsPct: [settings.levelPct],
    transform: settings.transform,
    calibrate: settings.calibrate,
  });
  const { order, seasonal, fourier } = auto.model.spec;
  const model = [
    chosen === 'sarima' ? '' : `${chosen}: `,
    `${order.p} ${order.d} ${order.q}`,
    seasonal.period > 1 ? ` ${seasonal.P} ${seasonal.D} ${seasonal.Q} ${seasonal.period}` : '',
    fourier?.length ? ` +F${fourier.map((f) => `${f.period}:${f.harmonics}`).join(',')}` : '',
    auto.model.spec.includeDrift ? ' +drift' : '',
    transform.lambda === null ? '' : ` λ${transform.lambda.toFixed(2)}`,
    calibration[0] === 1 ? '' : ` c${calibration[0].toFixed(2)}`,
  ].join('');
  const band = forecast.intervals[0];
  return { fc: { mean: forecast.mean, lower: band.lower, upper: band.upper }, model };
}

/** Evaluates all tasks; resolves when R (if any) has finished too. */
export async function evaluateTasks(
  tasks: ForecastTask[],
  settings: RunSettings,
  log: (line: string) => void
): Promise<{ results: TaskResult[]; rNote?: string }> {
  const rRun: Promise<ROutcome> = settings.rFrom
    ? Promise.resolve({ forecasts: parseROutput(readFileSync(settings.rFrom, 'utf8')) })
    : settings.withR
      ? runRAutoArima(tasks, settings.period, settings.horizon, settings.rSaveAs)
      : Promise.resolve({ skipped: 'R skipped (--no-r)' });
  const results: TaskResult[] = [];
  const score = (task: ForecastTask, fc: IntervalForecast) =>
    scoreForecast(fc, task.actual, seasonalScale(task.train, settings.period), settings.levelPct);
  const naiveOf = (task: ForecastTask) =>
    seasonalNaive(task.train, settings.period, settings.horizon, settings.levelPct);
  for (const task of settings.rOnly ? [] : tasks) {
    const key = taskKey(task);
    results.push({ task: key, method: 'snaive', scores: score(task, naiveOf(task)), ms: 0, model: '' });
    const started = performance.now();
    try {
      const { fc, model } = tidemarkForecast(task, settings);
      results.push({ task: key, method: 'tidemark', scores: score(task, fc), ms: performance.now() - started, model });
    } catch (e) {
      const failed = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      log(`tidemark failed on ${key}: ${failed}`);
      results.push({ task: key, method: 'tidemark', scores: score(task, naiveOf(task)), failed, ms: 0, model: '' });
    }
  }
  const r = await rRun;
  if ('skipped' in r) {
    return { results, rNote: r.skipped };
  }
  for (const task of tasks) {
    const key = taskKey(task);
    const fc = r.forecasts.get(key);
    results.push(
      fc
        ? { task: key, method: 'R auto.arima', scores: score(task, fc), ms: fc.seconds * 1000, model: fc.model }
        : { task: key, method: 'R auto.arima', scores: score(task, naiveOf(task)), failed: 'R error', ms: 0, model: '' }
    );
  }
  return { results };
}
