import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { CliCommand } from './command';
import { commands } from './commands';
import { runCli } from './run';
import { captureIo } from './testIo';

const FIXTURES = join(__dirname, '../../tests/fixtures/cli');
const fixture = (name: string) => join(FIXTURES, name);

async function run(...argv: string[]) {
  const io = captureIo();
  const code = await runCli(argv, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

describe('runCli', () => {
  it('should list the commands on --help and exit 0', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out).toContain('fit');
    expect(out).toContain('auto');
  });

  it('should exit 2 with usage on stderr when no command is given', async () => {
    const { code, err } = await run();
    expect(code).toBe(2);
    expect(err).toContain('usage: tidemark <command>');
  });

  it('should exit 2 naming an unknown command', async () => {
    const { code, err } = await run('frobnicate');
    expect(code).toBe(2);
    expect(err).toBe(`error: unknown command "frobnicate"; expected one of: ${Object.keys(commands).join(', ')}\n`);
    expect(Object.keys(commands)).toEqual(expect.arrayContaining(['fit', 'auto']));
  });

  it('should print a command usage on <command> --help', async () => {
    const { code, out } = await run('fit', '--help');
    expect(code).toBe(0);
    expect(out).toContain('--order');
  });

  it('should dispatch to an injected command table, so adding a command is one entry', async () => {
    const echo: CliCommand = {
      summary: 'echo',
      usage: 'echo',
      run: async (args, io) => {
        io.stdout(args.join(' '));
        return 3;
      },
    };
    const io = captureIo();
    expect(await runCli(['echo', 'a', 'b'], io, { echo })).toBe(3);
    expect(io.out).toEqual(['a b']);
  });

  it('should report an unexpected error on one line with exit 1', async () => {
    const broken: CliCommand = {
      summary: '',
      usage: '',
      run: async () => {
        throw new TypeError('bad\nthing');
      },
    };
    const io = captureIo();
    expect(await runCli(['broken'], io, { broken })).toBe(1);
    expect(io.err).toEqual(['error: unexpected TypeError: bad thing\n']);
  });
});

describe('tidemark CLI end to end', () => {
  const exec = promisify(execFile);
  const tsx = join(__dirname, '../../node_modules/.bin/tsx');
  const main = join(__dirname, 'main.ts');

  it('should print JSON and exit 0, or print one error line and exit non-zero', async () => {
    const ok = await exec(tsx, [main, 'fit', '--input', fixture('minute.csv'), '--order', '1,0,0', '--horizon', '2']);
    const parsed = JSON.parse(ok.stdout);
    expect(parsed.order).toEqual({ p: 1, d: 0, q: 0 });
    expect(parsed.forecast.timestamps).toEqual([1704067200 + 80 * 60, 1704067200 + 81 * 60]);
    expect(ok.stderr).toBe('');

    const failed = await exec(tsx, [main, 'fit', '--input', fixture('missing.csv'), '--order', '1,0,0']).catch(
      (error: { code: number; stdout: string; stderr: string }) => error
    );
    expect('code' in failed && failed.code).toBe(1);
    expect(failed.stdout).toBe('');
    expect(failed.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^error: InputError: cannot read .*missing\.csv: no such file$/),
    ]);
  }, 60_000);
});
