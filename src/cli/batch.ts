/**
 * Batch mode: one command over every series of a batch input (`batchInput.ts`) in one process. Each series runs
 * the command as if it were the only one; the results become one long-format output with a leading `unique_id`:
 * JSON Lines for the JSON commands (`fit`, `auto`), one CSV with a `unique_id` column for the CSV ones
 * (`backtest`). A series that fails gets its own error (a JSON line, or a line on stderr naming the series) and
 * the others go on; the exit code is 1 when any series failed. A bad command line stops the batch (exit 2).
 */
import type { CliCommand } from './command';
import { UsageError } from './errors';
import type { CliIo } from './io';
import { type BatchSeries, withInput } from './batchInput';

/** Help lines of the batch input, shared by the commands that support it. */
export const BATCH_HELP = `  --input FILE|DIR     a long-format CSV (unique_id,ds,y; ds an ISO time or epoch) or a folder of CSVs (one
                       series per file) runs every series in one process: one result line per series with
                       its unique_id (JSON Lines, or CSV with a unique_id column); a failed series gets its
                       own error and the others go on (exit code 1 at the end)`;

const quote = (field: string) => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);

/** `{name, message}` of a thrown value. */
function errorOf(error: unknown): { name: string; message: string } {
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: 'Error', message: String(error) };
}

/** Runs `command` on each series; returns the exit code (0 all fine, 1 when a series failed). */
export async function runBatch(
  command: CliCommand & { batchOutput: 'json' | 'csv' },
  args: string[],
  io: CliIo,
  batch: BatchSeries[]
): Promise<number> {
  let failed = 0;
  let headerWritten = false;
  for (const { id, csvText, source } of batch) {
    const out: string[] = [];
    // The command reads the series under its source's name (never from disk), so its errors name the source.
    const seriesIo: CliIo = {
      stdout: (text) => out.push(text),
      stderr: (text) => io.stderr(`series ${JSON.stringify(id)}: ${text}`),
      readText: async (path) => (path === source ? csvText : io.readText(path)),
      listCsvFiles: async () => null,
    };
    try {
      await command.run(withInput(args, source), seriesIo);
    } catch (error) {
      if (error instanceof UsageError) {
        throw error;
      }
      failed++;
      const { name, message } = errorOf(error);
      if (command.batchOutput === 'json') {
        io.stdout(`${JSON.stringify({ unique_id: id, error: { name, message } })}\n`);
      } else {
        io.stderr(`error: series ${JSON.stringify(id)}: ${name}: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
      }
      continue;
    }
    if (command.batchOutput === 'json') {
      io.stdout(`${JSON.stringify({ unique_id: id, ...JSON.parse(out.join('')) })}\n`);
    } else {
      const [header, ...rows] = out.join('').replace(/\n$/, '').split('\n');
      if (!headerWritten) {
        io.stdout(`unique_id,${header}\n`);
        headerWritten = true;
      }
      io.stdout(rows.map((row) => `${quote(id)},${row}\n`).join(''));
    }
  }
  if (failed > 0) {
    io.stderr(`error: ${failed} of ${batch.length} series failed (see their errors above)\n`);
  }
  return failed > 0 ? 1 : 0;
}
