/** Reads the `--input` CSV and puts it on a regular grid (rules in `src/model/series.ts`). */
import { prepareSeries, RegularSeries } from '../model/series';
import { parseCsv, TimeFormat } from './csv';
import { InputError } from './errors';
import { CliIo } from './io';
import { trailingWindow } from './limits';

/** A prepared input series and the timestamp format to answer in. */
export interface CliSeries {
  series: RegularSeries;
  timeFormat: TimeFormat;
  /** Leading grid points left out of estimation (`trailingWindow`); 0 when all are used. */
  skippedPoints?: number;
}

/** Reads, parses and regularises a CSV file; CSV errors are prefixed with the path. */
export async function readSeries(io: CliIo, path: string, stepMs?: number): Promise<CliSeries> {
  const text = await io.readText(path);
  let csv;
  try {
    csv = parseCsv(text);
  } catch (error) {
    throw error instanceof InputError ? new InputError(`${path}: ${error.message}`) : error;
  }
  return { series: prepareSeries(csv.timesMs, csv.values, { stepMs }), timeFormat: csv.timeFormat };
}

/** {@link readSeries} cut to the trailing points `fit` and `auto` estimate on (a note on stderr when cut). */
export async function readModelSeries(io: CliIo, path: string, stepMs?: number): Promise<CliSeries> {
  const input = await readSeries(io, path, stepMs);
  return { ...input, ...trailingWindow(input.series, io) };
}
