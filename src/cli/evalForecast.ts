/**
 * `eval:forecast`: rolling-origin forecast evaluation on the real NAB series, averaged hourly: Tidemark auto
 * vs seasonal naive vs R `forecast::auto.arima` (when Rscript and the forecast package are installed), same
 * tasks, same run. Run with `npm run eval:forecast` (script `tsx src/cli/evalForecast.ts`).
 */
import { parseArgs } from 'node:util';

import type { TransformSetting } from '../model/seriesTransform';
import { loadHourlySeries, rollingTasks } from './forecastEval/data';
import { formatReport } from './forecastEval/report';
import { evaluateTasks } from './forecastEval/run';

const HELP = `usage: eval:forecast [--data DIR[,DIR]] [--files SUBSTRING] [--horizon 48] [--origins 4]
       [--max-train 672] [--transform auto|none|log|λ] [--no-calibration] [--no-r] [--r-save FILE] [--r-from FILE] [--r-only] [--json]
Rolling-origin evaluation (horizon steps per origin, origins tiling the end of each series) of Tidemark auto,
seasonal naive (m = 24) and R auto.arima on the real series of the NAB folders, hourly. Prints sMAPE, MASE,
MSIS (95 %) and 95 % coverage per series and a summary line per method. --r-save keeps R's forecasts;
--r-from scores a saved file instead of running R (for re-runs of the same tasks during development); tasks
R has not finished count as R failures, and a summary on the tasks every method finished follows.`;

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string', default: '../shared/nab30,../shared/nab' },
      files: { type: 'string', default: '' },
      horizon: { type: 'string', default: '48' },
      origins: { type: 'string', default: '4' },
      'max-train': { type: 'string', default: '672' },
      'no-r': { type: 'boolean', default: false },
      transform: { type: 'string', default: 'none' },
      'no-calibration': { type: 'boolean', default: false },
      'r-save': { type: 'string' },
      'r-from': { type: 'string' },
      'r-only': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const horizon = positive(values.horizon, 'horizon');
  const origins = positive(values.origins, 'origins');
  const maxTrain = positive(values['max-train'], 'max-train');
  const period = 24;
  const series = loadHourlySeries(values.data.split(',')).filter((s) => s.name.includes(values.files));
  const tasks = series.flatMap((s) => rollingTasks(s, { horizon, origins, maxTrain, minTrain: 3 * period }));
  for (const s of series.filter((s) => !tasks.some((t) => t.name === s.name))) {
    process.stderr.write(`skipped ${s.name}: ${s.values.length} hours, too short for one origin\n`);
  }
  const started = Date.now();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const { results, rNote } = await evaluateTasks(
    tasks,
    {
      period,
      horizon,
      levelPct: 95,
      withR: !values['no-r'],
      transform: transformSetting(values.transform),
      calibrate: !values['no-calibration'],
      rSaveAs: values['r-save'],
      rFrom: values['r-from'],
      rOnly: values['r-only'],
    },
    log
  );
  if (rNote) {
    log(rNote);
  }
  process.stdout.write(values.json ? `${JSON.stringify(results)}\n` : `${formatReport(results)}\n`);
  log(`${series.length} series, ${tasks.length} tasks, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

function transformSetting(text: string): TransformSetting {
  if (text === 'auto' || text === 'none' || text === 'log') {
    return text;
  }
  const lambda = Number(text);
  if (text.trim() === '' || !Number.isFinite(lambda)) {
    throw new Error(`--transform must be auto, none, log or a number (Box-Cox λ), got "${text}"`);
  }
  return lambda;
}

function positive(text: string, name: string): number {
  const v = Number(text);
  if (!Number.isInteger(v) || v < 1) {
    throw new Error(`--${name} must be a positive whole number, got "${text}"`);
  }
  return v;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(2);
    }
  );
}
