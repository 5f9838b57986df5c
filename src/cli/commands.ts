/** Command table of the CLI: adding a command is one import and one line here. */
import { autoCommand } from './auto';
import { backtestCommand } from './backtest';
import { CliCommand } from './command';
import { fitCommand } from './fit';

/** Commands by name. */
export const commands: Record<string, CliCommand> = {
  fit: fitCommand,
  auto: autoCommand,
  backtest: backtestCommand,
};
