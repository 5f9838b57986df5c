/**
 * `eval --nab DIR [--json] [detector options]`: runs the causal backtest over NAB-format data and prints the
 * NAB score per file and in total for the three NAB profiles, with window recall and false positives.
 * Run with `npm run eval -- --nab ../shared/nab` (script `tsx src/cli/eval.ts`).
 */
import { runBacktest } from '../model/detect/backtest';
import type { DetectorConfig } from '../model/detect/config';
import { flagRows } from '../model/eval/flagRows';
import { summarizeNab, type NabSummary } from '../model/eval/nabSummary';
import { prepareSeries } from '../model/series';
import { DETECTOR_OPTIONS_HELP, parseDetectorArgs } from './detectorArgs';
import { InputError, UsageError } from './errors';
import { nodeIo, type CliIo } from './io';
import { loadNab } from './nabData';
import { readPublishedScores, type PublishedScore } from './nabPublished';

const HELP = `usage: eval --nab DIR [--json] [--files SUBSTRING] [detector options]
Scores the default detector (or the given options) on DIR/data/<group>/<file>.csv with DIR/windows.json.
${DETECTOR_OPTIONS_HELP}`;

/** Evaluation result: the NAB summary, the time spent per file (ms) and the folder's published scores. */
export interface EvalResult extends NabSummary {
  elapsedMs: number[];
  /** Published NAB detectors on the same files (from the folder's README), for comparison. */
  published: PublishedScore[];
  /** Files whose detection threw (named error); each counts as a file without flags. */
  failures: Array<{ name: string; error: string }>;
}

/** Backtest every NAB file of `dir` whose name contains `filter` and score the flags (pure but for the file reads). */
export function evaluateNabDir(dir: string, config: DetectorConfig, filter = ''): EvalResult {
  const elapsedMs: number[] = [];
  const failures: EvalResult['failures'] = [];
  const flagged = loadNab(dir)
    .filter((f) => f.name.includes(filter))
    .map((f) => {
      const started = Date.now();
      let flags = f.timesMs.map(() => false);
      try {
        // Detection runs at the file's native step (the detector scores every input point).
        const series = prepareSeries(f.timesMs, f.values, { allowConstant: true });
        const detection = runBacktest(series, config);
        const times = detection.timesMs.filter((_, i) => detection.anomaly[i] > 0);
        flags = flagRows(f.timesMs, times, series.stepMs / 2);
      } catch (error) {
        // One bad file must not hide the others' scores; it is reported and scored as flagging nothing.
        failures.push({
          name: f.name,
          error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        });
      }
      elapsedMs.push(Date.now() - started);
      return { name: f.name, timesMs: f.timesMs, windows: f.windows, flags };
    });
  if (flagged.length === 0) {
    throw new InputError(`no NAB file under ${dir}/data matches windows.json${filter ? ` and "${filter}"` : ''}`);
  }
  return { ...summarizeNab(flagged), elapsedMs, published: readPublishedScores(dir), failures };
}

const fmt = (x: number, digits = 2) => x.toFixed(digits);

/** Plain-text table of an evaluation. */
export function formatEval(result: EvalResult): string {
  const header = ['file', 'rows', 'flags', 'windows', 'FP', 'FP events', 'standard', 'low_FP', 'low_FN', 'ms'];
  const lines = [header.join('\t')];
  result.files.forEach((f, k) => {
    const [std, lowFp, lowFn] = f.scores;
    lines.push(
      [
        f.name,
        f.rows,
        f.flags,
        `${std.detectedWindows}/${std.windows}`,
        std.falsePositives,
        std.falsePositiveEvents,
        fmt(std.raw, 3),
        fmt(lowFp.raw, 3),
        fmt(lowFn.raw, 3),
        result.elapsedMs[k],
      ].join('\t')
    );
  });
  lines.push('', ['profile', 'NAB score', 'raw', 'recall', 'FP', 'FP events', 'seconds'].join('\t'));
  for (const t of result.totals) {
    lines.push(
      [
        t.profile,
        fmt(t.normalized),
        fmt(t.raw, 3),
        `${t.detectedWindows}/${t.windows}`,
        t.falsePositives,
        t.falsePositiveEvents,
        fmt(result.elapsedMs.reduce((a, b) => a + b, 0) / 1000, 1),
      ].join('\t')
    );
  }
  if (result.published.length > 0) {
    lines.push('', ['published detector (same files)', 'standard', 'low_FP', 'low_FN'].join('\t'));
    for (const p of result.published) {
      lines.push([p.detector, ...p.scores.map((x) => (Number.isFinite(x) ? fmt(x, 1) : '-'))].join('\t'));
    }
  }
  for (const f of result.failures) {
    lines.push(`FAILED ${f.name}: ${f.error}`);
  }
  return lines.join('\n') + '\n';
}

/** The `eval` command: returns the exit code (0 ok, 1 bad input or model error, 2 usage). */
export function runEval(argv: string[], io: Pick<CliIo, 'stdout' | 'stderr'>): number {
  try {
    const { config, options, flags } = parseDetectorArgs(argv, ['nab', 'files']);
    if (flags.has('help')) {
      io.stdout(HELP + '\n');
      return 0;
    }
    const dir = options.get('nab');
    if (dir === undefined) {
      throw new UsageError('missing required option --nab DIR');
    }
    const result = evaluateNabDir(dir, config, options.get('files') ?? '');
    io.stdout(flags.has('json') ? JSON.stringify(result, null, 2) + '\n' : formatEval(result));
    return result.failures.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`eval: ${error.message}\n${HELP}\n`);
      return 2;
    }
    io.stderr(`eval: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
    return 1;
  }
}

if (require.main === module) {
  process.exitCode = runEval(process.argv.slice(2), nodeIo());
}
