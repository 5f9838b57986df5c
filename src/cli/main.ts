/** Entry point of `npm run cli -- <command> [options]` (tsx src/cli/main.ts). */
import { nodeIo } from './io';
import { runCli } from './run';

void runCli(process.argv.slice(2), nodeIo()).then((code) => {
  process.exitCode = code;
});
