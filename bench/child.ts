/**
 * Runs one implementation of one case in its own process, so its peak RSS is its own and a crash (the
 * `arima` package traps on long seasons) cannot take the runner down. Started by bench/run.ts:
 *   tsx bench/child.ts <case> <ours|arima> <reps>
 * Prints one `BENCH_RESULT {json}` line (ChildResult).
 */

import { loadCases } from './loadCases';
import { ChildResult, RESULT_PREFIX } from './stats';
import type { ArimaPackageRun, BenchCase, BenchInput } from './types';

function report(result: ChildResult): void {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

const maxRssKb = () => process.resourceUsage().maxRSS;

async function timeRuns(reps: number, warmUp: boolean, run: () => Promise<string | void> | string | void) {
  let note = '';
  if (warmUp) {
    note = (await run()) || '';
  }
  const timesMs: number[] = [];
  for (let i = 0; i < reps; i++) {
    const start = performance.now();
    note = (await run()) || note;
    timesMs.push(performance.now() - start);
  }
  return { timesMs, note };
}

async function runOurs(c: BenchCase, input: BenchInput, reps: number): Promise<ChildResult> {
  const unavailable = c.oursUnavailable ? await c.oursUnavailable() : null;
  if (unavailable) {
    return { timesMs: [], maxRssKb: null, note: '', error: unavailable };
  }
  const { timesMs, note } = await timeRuns(reps, true, () => c.ours(input));
  return { timesMs, maxRssKb: maxRssKb(), note };
}

/** y differenced d times at lag 1 and D times at lag s. */
function difference(y: number[], d: number, D: number, s: number): number[] {
  let x = y;
  const lags = [...new Array<number>(d).fill(1), ...new Array<number>(D).fill(s)];
  for (const lag of lags) {
    x = x.slice(lag).map((v, i) => v - x[i]);
  }
  return x;
}

function variance(x: number[]): number {
  const mean = x.reduce((a, v) => a + v, 0) / x.length;
  return x.reduce((a, v) => a + (v - mean) ** 2, 0) / (x.length - 1);
}

/**
 * Times the `arima` package and checks its answer, so a fast wrong answer is not reported as a speed: a
 * silent failure is non-finite output or a one-step variance above twice the variance of the differenced
 * series (the rule of src/model/sarima/differential.test.ts; failed runs exceed it 50–10⁵ times).
 */
function runArima(plan: ArimaPackageRun, input: BenchInput, reps: number): ChildResult {
  const ARIMA = require('arima') as typeof import('arima');
  const o = plan.options;
  const num = (key: string) => (typeof o[key] === 'number' ? (o[key] as number) : 0);
  const limit = 2 * variance(difference(input.y, num('d'), num('D'), num('s')));
  let verdict = '';
  const fitOnce = () => {
    const model = new ARIMA({ ...o, verbose: false });
    try {
      model.train(input.y);
      const [mean, variances] = model.predict(plan.horizon);
      const sane =
        mean.every(Number.isFinite) && variances.every((v) => Number.isFinite(v) && v > 0) && variances[0] <= limit;
      verdict = sane
        ? 'forecast sane'
        : `SILENT FAILURE: mean[0] ${mean[0].toPrecision(4)}, var[0] ${variances[0].toPrecision(3)} > ${limit.toPrecision(3)}`;
    } finally {
      model.destroy();
    }
  };
  fitOnce();
  const timesMs: number[] = [];
  for (let i = 0; i < reps; i++) {
    const start = performance.now();
    fitOnce();
    timesMs.push(performance.now() - start);
  }
  return { timesMs, maxRssKb: maxRssKb(), note: verdict };
}

async function main(): Promise<void> {
  const [name, impl, repsText] = process.argv.slice(2);
  const reps = Number(repsText);
  const c = (await loadCases()).find((k) => k.name === name);
  if (!c || !(reps >= 1)) {
    throw new Error(`usage: child.ts <case> <ours|arima> <reps>; got ${process.argv.slice(2).join(' ')}`);
  }
  const input = c.input();
  if (impl === 'ours') {
    report(await runOurs(c, input, reps));
    return;
  }
  const plan = c.peers?.arima;
  if (impl !== 'arima' || !plan || !('run' in plan)) {
    throw new Error(`case ${name} has no runnable implementation ${impl}`);
  }
  report(runArima(plan.run, input, reps));
}

main().catch((error: unknown) => {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  report({ timesMs: [], maxRssKb: null, note: '', error: `failed: ${reason}` });
  process.exitCode = 1;
});
