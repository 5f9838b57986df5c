/**
 * Batch input of `fit`, `auto` and `backtest`: `--input` naming a long-format CSV (`unique_id,ds,y`, the layout of
 * Nixtla's libraries; `ds` an ISO time or epoch number) or a folder of single-series CSVs (searched recursively).
 * Each series becomes the text of a single-series CSV, read later by the usual reader (`csv.ts`, `timestamps.ts`),
 * so a batch accepts exactly what one file accepts.
 */
import { parse } from 'csv-parse/sync';
import { InputError } from './errors';
import type { CliIo } from './io';

/** One series of a batch: its id (`unique_id`, or the file's path in the folder without `.csv`) and its CSV text. */
export interface BatchSeries {
  id: string;
  csvText: string;
  /**
   * Where it came from, as errors name it: the file in the folder, or `FILE (unique_id ID)`, whose line numbers
   * count the series' own rows after a header line.
   */
  source: string;
}

const LONG_COLUMNS = ['unique_id', 'ds', 'y'];

/** The value of `--input` in `args` (`--input X` or `--input=X`), or undefined. */
export function inputOption(args: readonly string[]): string | undefined {
  const at = args.findIndex((a) => a === '--input' || a.startsWith('--input='));
  return at < 0 ? undefined : args[at] === '--input' ? args[at + 1] : args[at].slice('--input='.length);
}

/** `args` with the value of `--input` replaced by `path`. */
export function withInput(args: readonly string[], path: string): string[] {
  const at = args.findIndex((a) => a === '--input' || a.startsWith('--input='));
  const out = [...args];
  if (args[at] === '--input') {
    out[at + 1] = path;
  } else {
    out[at] = `--input=${path}`;
  }
  return out;
}

/** The series of a batch input at `path`, or null when it is a plain single-series CSV (or unreadable). */
export async function readBatchInput(io: CliIo, path: string): Promise<BatchSeries[] | null> {
  const files = await io.listCsvFiles(path);
  if (files !== null) {
    if (files.length === 0) {
      throw new InputError(`${path}: a folder without .csv files`);
    }
    const texts = await Promise.all(files.map((file) => io.readText(`${path}/${file}`)));
    return files.map((file, i) => ({ id: file.replace(/\.csv$/i, ''), csvText: texts[i], source: `${path}/${file}` }));
  }
  // An unreadable file is the command's to report, after its own checks of the command line.
  const text = await io.readText(path).catch(() => null);
  return text !== null && isLongFormat(text) ? splitLongFormat(text, path) : null;
}

function headerOf(text: string): string[] {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  return firstLine.split(',').map((cell) =>
    cell
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase()
  );
}

function isLongFormat(text: string): boolean {
  const header = headerOf(text);
  return LONG_COLUMNS.every((column) => header.includes(column));
}

const quote = (field: string) => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);

/** Groups the rows of a long-format CSV by `unique_id`, in order of first appearance. */
function splitLongFormat(text: string, path: string): BatchSeries[] {
  let records: Array<Record<string, string>>;
  try {
    records = parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
    });
  } catch (error) {
    throw new InputError(`${path}: ${(error as Error).message}`);
  }
  const rowsById = new Map<string, string[]>();
  records.forEach((record, i) => {
    const id = record.unique_id ?? '';
    if (id === '') {
      throw new InputError(`${path}: line ${i + 2}: empty unique_id`);
    }
    const rows = rowsById.get(id) ?? ['timestamp,value'];
    rows.push(`${quote(record.ds ?? '')},${quote(record.y ?? '')}`);
    rowsById.set(id, rows);
  });
  return [...rowsById].map(([id, rows]) => ({
    id,
    csvText: `${rows.join('\n')}\n`,
    source: `${path} (unique_id ${JSON.stringify(id)})`,
  }));
}
