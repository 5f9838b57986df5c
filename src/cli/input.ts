/** Reads the `--input` CSV and puts it on a regular grid (rules in `src/model/series.ts`). */
import { prepareSeries, RegularSeries } from '../model/series';
import { parseCsv, TimeFormat } from './csv';
import { InputError } from './errors';
import { CliIo } from './io';

/** A prepared input series and the timestamp format to answer in. */
export interface CliSeries {
  series: RegularSeries;
  timeFormat: TimeFormat;
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
