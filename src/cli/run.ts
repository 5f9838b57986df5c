/**
 * CLI dispatcher: `<command> [options]`. Exit codes: 0 success, 1 unreadable input or a model error,
 * 2 bad command line. Errors are one line on stderr: `error: <name>: <message>`.
 */
import { ModelError } from '../model/errors';
import { runBatch } from './batch';
import { inputOption, readBatchInput } from './batchInput';
import { CliCommand } from './command';
import { commands as defaultCommands } from './commands';
import { InputError, UsageError } from './errors';
import { CliIo } from './io';

/** Runs one CLI invocation and returns its exit code; never throws. */
export async function runCli(
  argv: string[],
  io: CliIo,
  commands: Record<string, CliCommand> = defaultCommands
): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io[name === undefined ? 'stderr' : 'stdout'](overview(commands));
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`error: unknown command "${name}"; expected one of: ${Object.keys(commands).join(', ')}\n`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  try {
    const path = command.batchOutput ? inputOption(args) : undefined;
    const batch = path === undefined ? null : await readBatchInput(io, path);
    return batch
      ? await runBatch({ ...command, batchOutput: command.batchOutput! }, args, io, batch)
      : await command.run(args, io);
  } catch (error) {
    io.stderr(`${describe(error)}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}

function overview(commands: Record<string, CliCommand>): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `usage: tidemark <command> [options]   (<command> --help for its options)\n${lines.join('\n')}\n`;
}

function describe(error: unknown): string {
  const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ');
  if (error instanceof UsageError) {
    return `error: ${oneLine(error.message)} (see --help)`;
  }
  if (error instanceof InputError || error instanceof ModelError) {
    return `error: ${error.name}: ${oneLine(error.message)}`;
  }
  return `error: unexpected ${error instanceof Error ? `${error.name}: ${oneLine(error.message)}` : String(error)}`;
}
