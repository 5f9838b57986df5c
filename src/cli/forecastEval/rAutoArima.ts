/**
 * R `forecast::auto.arima` as a peer of the forecast evaluation: every task in one Rscript process
 * (`autoArima.R`), started asynchronously so it runs while Tidemark forecasts. Resolves to a message instead
 * of forecasts when Rscript or the forecast package is missing.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { ForecastTask } from './data';
import type { IntervalForecast } from './metrics';

/** R's forecast of one task, with its fit time and orders "p d q [P D Q m]". */
export interface RForecast extends IntervalForecast {
  seconds: number;
  model: string;
}

/** Outcome of the R run: forecasts by task key, or why R was skipped. */
export type ROutcome = { forecasts: Map<string, RForecast> } | { skipped: string };

/** Key of a task in the R results. */
export const taskKey = (task: ForecastTask) => `${task.name}@${task.origin}`;

const SCRIPT = join(__dirname, 'autoArima.R');

/**
 * Runs auto.arima on every task (season `period`, `horizon` steps, 95 % intervals); `keepAs` is where R writes
 * its output CSV (kept, for re-scoring with {@link parseROutput} without re-running R).
 */
export function runRAutoArima(
  tasks: ForecastTask[],
  period: number,
  horizon: number,
  keepAs?: string
): Promise<ROutcome> {
  const dir = mkdtempSync(join(tmpdir(), 'tidemark-r-'));
  const input = join(dir, 'tasks.csv');
  // With keepAs, R writes there directly (task by task), so an interrupted run keeps its finished tasks.
  const output = keepAs ?? join(dir, 'out.csv');
  const rows = ['task,y'];
  // Round-robin over the series (every series' first origin, then the second…), so an interrupted run has
  // finished tasks of every series.
  const rank = new Map<string, number>();
  const order = tasks
    .map((task) => {
      const r = rank.get(task.name) ?? 0;
      rank.set(task.name, r + 1);
      return { task, r };
    })
    .sort((a, b) => a.r - b.r)
    .map((x) => x.task);
  for (const task of order) {
    const key = JSON.stringify(taskKey(task));
    for (const v of task.train) {
      rows.push(`${key},${Number.isFinite(v) ? v : 'NA'}`);
    }
  }
  writeFileSync(input, `${rows.join('\n')}\n`);
  return new Promise((resolve) => {
    const child = spawn('Rscript', [SCRIPT, input, output, String(period), String(horizon)], {
      env: { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const finish = (outcome: ROutcome) => {
      rmSync(dir, { recursive: true, force: true });
      resolve(outcome);
    };
    child.on('error', (e) => finish({ skipped: `R skipped: cannot start Rscript (${e.message})` }));
    child.on('close', (code) => {
      if (code !== 0) {
        const reason = stderr.trim().split('\n').slice(-2).join(' ');
        finish({ skipped: `R skipped: Rscript exited with ${code} (${reason || 'no message'})` });
        return;
      }
      finish({ forecasts: parseROutput(readFileSync(output, 'utf8')) });
    });
  });
}

/** Parses autoArima.R's output CSV (quoted task and model fields, numbers elsewhere; NA = NaN). */
export function parseROutput(text: string): Map<string, RForecast> {
  const out = new Map<string, RForecast>();
  for (const line of text.split('\n').slice(1)) {
    const m = /^"(.*)",(\d+),([^,]+),([^,]+),([^,]+),([^,]+),"(.*)"$/.exec(line.trim());
    if (!m) {
      continue;
    }
    const num = (s: string) => (s === 'NA' ? NaN : Number(s));
    let f = out.get(m[1]);
    if (!f) {
      f = { mean: [], lower: [], upper: [], seconds: num(m[6]), model: m[7] };
      out.set(m[1], f);
    }
    const step = Number(m[2]) - 1;
    f.mean[step] = num(m[3]);
    f.lower[step] = num(m[4]);
    f.upper[step] = num(m[5]);
  }
  return out;
}
