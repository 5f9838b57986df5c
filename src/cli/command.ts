/** The shape every CLI command implements; register new commands in `commands.ts`. */
import { CliIo } from './io';

/** One subcommand: `run` parses its own options, writes its output and returns the exit code. */
export interface CliCommand {
  /** One line for the command list. */
  summary: string;
  /** Usage text shown by `<command> --help`. */
  usage: string;
  /** Output of one series, for batch mode (`batch.ts`): commands without it take one series only. */
  batchOutput?: 'json' | 'csv';
  /** Throws UsageError (exit 2), InputError or ModelError (exit 1); returns 0 on success. */
  run(args: string[], io: CliIo): Promise<number>;
}
