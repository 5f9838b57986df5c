/**
 * Benchmark runner: `npx tsx bench/run.ts [--quick] [--only NAME[,NAME…]] [--slow-peers] [--no-peers]`.
 *
 * For every case in bench/cases/*.ts it times our implementation and the peers on the same input in the
 * same run (ours and the `arima` package each in a child process; R and statsmodels timed inside their
 * own interpreters, start-up excluded), then prints medians, peer/ours ratios, peak RSS and PASS/MISS
 * against the case's target. A peer that is missing, fails or times out gets its reason in the table.
 * Exit code 1 when a target is missed or ours fails.
 */

import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { availableParallelism, loadavg, tmpdir } from 'os';
import { join } from 'path';

import { loadCases } from './loadCases';
import { ChildResult, median, parseChildResult } from './stats';
import type { BenchCase, Measurement, PeerPlan, ScriptRun } from './types';

interface Flags {
  quick: boolean;
  only: string[] | null;
  slowPeers: boolean;
  peers: boolean;
}

function parseFlags(argv: string[]): Flags {
  const flags: Flags = { quick: false, only: null, slowPeers: false, peers: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') {
      flags.quick = true;
    } else if (arg === '--slow-peers') {
      flags.slowPeers = true;
    } else if (arg === '--no-peers') {
      flags.peers = false;
    } else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? argv[++i] : arg.slice('--only='.length);
      flags.only = [...(flags.only ?? []), ...(value ?? '').split(',').filter(Boolean)];
    } else {
      throw new Error(`unknown argument ${arg}; use --quick, --only NAME, --slow-peers, --no-peers`);
    }
  }
  return flags;
}

/** Default hard limit for one implementation on one case. */
const DEFAULT_TIMEOUT_MS = 120_000;
const PEER_REPS = { full: 3, quick: 1 };

function toMeasurement(impl: string, result: ChildResult | null, failure: string): Measurement {
  if (!result || result.error || result.timesMs.length === 0) {
    return { impl, medianMs: null, runs: 0, maxRssMb: null, note: result?.error ?? failure };
  }
  return {
    impl,
    medianMs: median(result.timesMs),
    runs: result.timesMs.length,
    maxRssMb: result.maxRssKb === null ? null : result.maxRssKb / 1024,
    note: result.note,
  };
}

/** Runs a command, parses its BENCH_RESULT line, and explains any failure in one line. */
function runProcess(impl: string, command: string, args: string[], timeoutMs: number): Measurement {
  const out = spawnSync(command, args, {
    encoding: 'utf8',
    // One BLAS thread in R and numpy: our engine is single-threaded, so every row is per core.
    env: { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' },
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (out.error && (out.error as NodeJS.ErrnoException).code === 'ENOENT') {
    return toMeasurement(impl, null, `${command} not installed`);
  }
  if (out.signal === 'SIGKILL' || (out.error && (out.error as NodeJS.ErrnoException).code === 'ETIMEDOUT')) {
    return toMeasurement(impl, null, `killed after the ${timeoutMs / 1000} s limit`);
  }
  const result = parseChildResult(out.stdout ?? '');
  const stderr = (out.stderr ?? '').trim().split('\n').filter(Boolean);
  // R ends with "Execution halted" after the real message, so prefer the last line naming an error.
  const reason = [...stderr].reverse().find((l) => /error/i.test(l)) ?? stderr.slice(-1)[0] ?? 'no output';
  const failure = `failed (exit ${out.status ?? out.signal}): ${reason.trim()}`;
  return toMeasurement(impl, result, failure.slice(0, 160));
}

function runChild(c: BenchCase, impl: 'ours' | 'arima', reps: number, timeoutMs: number): Measurement {
  const args = [...process.execArgv, join(__dirname, 'child.ts'), c.name, impl, String(reps)];
  return runProcess(impl === 'ours' ? 'ours' : 'arima (npm)', process.execPath, args, timeoutMs);
}

/**
 * Address-space cap for the R and statsmodels processes: R's SARIMA at m = 288 grew to 7 GB before failing,
 * which would starve a shared machine; with the cap it fails fast with an allocation error instead.
 */
const PEER_MEMORY_LIMIT_KB = 4 * 1024 * 1024;

function runScript(c: BenchCase, impl: 'R' | 'statsmodels', run: ScriptRun, reps: number, timeoutMs: number) {
  const dir = mkdtempSync(join(tmpdir(), 'tidemark-bench-'));
  try {
    const file = join(dir, 'input.json');
    writeFileSync(file, JSON.stringify({ y: c.input().y, reps, run }));
    const [command, script] =
      impl === 'R'
        ? ['Rscript', join(__dirname, 'peers', 'peer.R')]
        : ['/usr/bin/python3', join(__dirname, 'peers', 'peer.py')];
    const probe = spawnSync(command, ['--version'], { encoding: 'utf8' });
    if (probe.error) {
      return toMeasurement(impl, null, `${command} not installed`);
    }
    // sh applies the cap, then execs the interpreter with the script and input file as "$@".
    const capped = [`-c`, `ulimit -v ${PEER_MEMORY_LIMIT_KB} && exec "$0" "$@"`, command, script, file];
    return runProcess(impl, '/bin/sh', capped, timeoutMs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Runnable<T> = Extract<PeerPlan<T>, { run: T }>;

/** Runs a peer per its plan, or returns the row saying why it did not run. */
function peerRow<T>(impl: string, plan: PeerPlan<T> | undefined, flags: Flags, run: (p: Runnable<T>) => Measurement) {
  const row = (note: string): Measurement => ({ impl, medianMs: null, runs: 0, maxRssMb: null, note });
  if (!plan) {
    return row('not applicable');
  }
  if ('unavailable' in plan) {
    return row(plan.unavailable);
  }
  if (!flags.peers) {
    return row('skipped (--no-peers)');
  }
  if (plan.slow && !flags.slowPeers) {
    return row(`skipped: ${plan.slow} (run with --slow-peers)`);
  }
  return run(plan);
}

function measureCase(c: BenchCase, flags: Flags): Measurement[] {
  const reps = flags.quick ? c.reps.quick : c.reps.full;
  const peerReps = (plan: { reps?: number }) => (flags.quick ? PEER_REPS.quick : (plan.reps ?? PEER_REPS.full));
  const timeout = (plan: { timeoutMs?: number }) => plan.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return [
    runChild(c, 'ours', reps, DEFAULT_TIMEOUT_MS),
    peerRow('arima (npm)', c.peers?.arima, flags, (p) => runChild(c, 'arima', peerReps(p), timeout(p))),
    peerRow('R', c.peers?.r, flags, (p) => runScript(c, 'R', p.run, peerReps(p), timeout(p))),
    peerRow('statsmodels', c.peers?.statsmodels, flags, (p) =>
      runScript(c, 'statsmodels', p.run, peerReps(p), timeout(p))
    ),
  ];
}

const fmtMs = (ms: number | null) => (ms === null ? '—' : ms < 10 ? ms.toFixed(2) : ms.toFixed(0));

function printCase(c: BenchCase, rows: Measurement[]): boolean {
  const ours = rows[0];
  const pass = c.targetMs === null ? null : ours.medianMs !== null && ours.medianMs <= c.targetMs;
  const verdict = pass === null ? '' : pass ? 'PASS' : 'MISS';
  const target = c.targetMs === null ? 'no target' : `target ≤ ${c.targetMs} ms`;
  console.log(`\n${c.name} — ${c.description}\n  ${target}  ${verdict}`);
  const header = ['impl', 'median ms', 'runs', 'peer/ours', 'peak RSS MB', 'note'];
  const table = rows.map((r) => [
    r.impl,
    fmtMs(r.medianMs),
    String(r.runs),
    r === ours || r.medianMs === null || !ours.medianMs ? '' : `×${(r.medianMs / ours.medianMs).toFixed(1)}`,
    r.maxRssMb === null ? '—' : r.maxRssMb.toFixed(0),
    r.note,
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...table.slice(0, 5).map((row) => (i < 5 ? row[i].length : 0)))
  );
  const line = (cells: string[]) => '  ' + cells.map((cell, i) => (i < 5 ? cell.padEnd(widths[i]) : cell)).join('  ');
  console.log(line(header));
  table.forEach((row) => console.log(line(row)));
  return pass !== false && ours.medianMs !== null;
}

/** Times are wall-clock: on a busy machine they grow with the load, the same-run ratios much less. */
function loadNote(): string {
  return `load ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`;
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  let cases = await loadCases();
  if (flags.only) {
    const unknown = flags.only.filter((name) => !cases.some((c) => c.name === name));
    if (unknown.length > 0) {
      throw new Error(`unknown case ${unknown.join(', ')}; cases: ${cases.map((c) => c.name).join(', ')}`);
    }
    cases = cases.filter((c) => flags.only!.includes(c.name));
  }
  console.log(
    `Tidemark benchmark (${flags.quick ? 'quick' : 'full'}), Node ${process.version}, ${new Date().toISOString()}, ` +
      loadNote()
  );
  const summary: string[] = [];
  for (const c of cases) {
    const rows = measureCase(c, flags);
    const ok = printCase(c, rows);
    summary.push(
      `${ok ? 'ok  ' : 'FAIL'} ${c.name}: ours ${fmtMs(rows[0].medianMs)} ms${c.targetMs ? ` (≤ ${c.targetMs})` : ''}`
    );
  }
  console.log(`\nSummary (${loadNote()})\n  ${summary.join('\n  ')}`);
  if (summary.some((s) => s.startsWith('FAIL'))) {
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
