/**
 * `backtest --input F [detector options]`: walks through a `timestamp,value` CSV causally and writes
 * `timestamp,value,forecast,lower,upper,anomaly,score` CSV to stdout, one row per input grid point (scored at the
 * input's step when the model runs on coarser bucket means, `detect/fine.ts`). lower/upper are the weak band; forecast,
 * lower and upper are floored at 0 when the series has no negative value, as the data source's frames and the
 * service's series are (display only: score and anomaly are the detector's, from the unclipped values).
 * Prediction fields are empty during warm-up. anomaly: 0 none, 1 weak, 2 strong (after alert hygiene).
 */
import type { Detection } from '../model/detect/types';
import { floorPastNonNegative } from '../model/seriesTransform';
import { runCheckedBacktest } from './checkedBacktest';
import { BATCH_HELP } from './batch';
import type { CliCommand } from './command';
import { formatTimestamp, type TimeFormat } from './csv';
import { DETECTOR_OPTIONS_HELP, parseDetectorArgs } from './detectorArgs';
import { UsageError } from './errors';
import { readSeries } from './input';

const USAGE = `usage: tidemark backtest --input FILE [detector options]
Writes timestamp,value,forecast,lower,upper,anomaly,score as CSV (a flag at t uses data up to t only).
${DETECTOR_OPTIONS_HELP}
${BATCH_HELP}`;

const cell = (x: number) => (Number.isFinite(x) ? String(Number(x.toPrecision(10))) : '');

/** CSV text of a detection (header included). */
export function formatDetectionCsv(d: Detection, timeFormat: TimeFormat): string {
  const shown = floorPastNonNegative({ forecast: d.forecast, bands: [d.bands[0]] }, d.values);
  const [weak] = shown.bands;
  const rows = ['timestamp,value,forecast,lower,upper,anomaly,score'];
  for (let i = 0; i < d.timesMs.length; i++) {
    rows.push(
      [
        formatTimestamp(d.timesMs[i], timeFormat),
        cell(d.values[i]),
        cell(shown.forecast[i]),
        cell(weak.lower[i]),
        cell(weak.upper[i]),
        d.anomaly[i],
        cell(d.score[i]),
      ].join(',')
    );
  }
  return rows.join('\n') + '\n';
}

/** The `backtest` command. */
export const backtestCommand: CliCommand = {
  summary: 'walk through a series causally and flag anomalies (CSV out)',
  usage: USAGE,
  batchOutput: 'csv',
  async run(args, io) {
    const { config, options, flags } = parseDetectorArgs(args, ['input']);
    if (flags.has('json')) {
      throw new UsageError('backtest writes CSV only; --json is an option of eval');
    }
    const path = options.get('input');
    if (path === undefined) {
      throw new UsageError('missing required option --input FILE');
    }
    const input = await readSeries(io, path);
    io.stdout(formatDetectionCsv(runCheckedBacktest(input.series, config), input.timeFormat));
    return 0;
  },
};
