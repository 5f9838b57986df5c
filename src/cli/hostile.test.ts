// Hostile-input matrix of the CLI (issue 16 items 6 and 7, issue 15 item 10): every input a hostile or careless
// user tried gets a correct result or a clear error naming the value. In-process through runCli for speed; a few
// cases spawn the real CLI to check exit codes end to end.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { parseCsv } from './csv';
import { InputError } from './errors';
import { MAX_MODEL_POINTS, trailingWindow } from './limits';
import { runCli } from './run';
import { captureIo } from './testIo';

const REPO = join(__dirname, '../..');
const hostile = (name: string) => join(REPO, 'tests/fixtures/cli/hostile', name);

jest.setTimeout(60_000);

async function run(argv: string[]) {
  const io = captureIo();
  const code = await runCli(argv, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

describe('CLI hostile inputs: clear errors', () => {
  it.each<[string, string[], number, string]>([
    [
      'a horizon of 1e7 steps',
      ['fit', '--order', '1,0,0', '--horizon', '10000000'],
      2,
      '--horizon must be a whole number from 1 to 10000, got 10000000',
    ],
    [
      'a horizon of 1e8 steps',
      ['auto', '--horizon', '1e8'],
      2,
      '--horizon must be a whole number from 1 to 10000, got "1e8" (not a whole number)',
    ],
    ['a fractional horizon', ['fit', '--order', '1,0,0', '--horizon', '2.5'], 2, 'got "2.5" (a fraction)'],
    [
      'a fractional season (auto)',
      ['auto', '--season', '0.4'],
      2,
      '--season must be auto or a whole number from 1 to 10080, got "0.4" (a fraction)',
    ],
    [
      'a season of a million steps',
      ['auto', '--season', '1000000'],
      2,
      '--season must be auto or a whole number from 1 to 10080, got 1000000',
    ],
    [
      'a seasonal period of a million',
      ['fit', '--order', '0,0,0', '--seasonal', '0,1,1,1000000'],
      2,
      '--seasonal period m must be at most 10080 steps, got 1000000',
    ],
    [
      'a fractional season (backtest)',
      ['backtest', '--season', '0.4'],
      2,
      '--season: must be auto or a duration longer than 0',
    ],
    [
      'a zero training window',
      ['backtest', '--train-window', '0'],
      2,
      '--train-window: must be a duration longer than 0',
    ],
    [
      'a fractional backtest horizon',
      ['backtest', '--horizon', '2.5'],
      2,
      '--horizon: must be an integer from 1 to 10000, got "2.5"',
    ],
  ])('%s', async (_name, argv, code, message) => {
    const result = await run([...argv, '--input', hostile('epoch-ms.csv')]);
    expect(result).toMatchObject({ code, out: '' });
    expect(result.err).toContain(message);
  });

  it.each<[string, string[], string]>([
    [
      'an unreadable value, naming line and text',
      ['fit', '--order', '1,0,0', '--input', hostile('unit-suffix.csv')],
      'unit-suffix.csv: line 8 ("1704088800,12.5 ms"): cannot read the value "12.5 ms" as a number',
    ],
    [
      'epoch seconds and milliseconds mixed',
      ['auto', '--input', hostile('mixed-units.csv')],
      'line 6 ("1704081600000,117.821"): the timestamp "1704081600000" is epoch milliseconds but line 2 was epoch seconds',
    ],
    [
      'values whose squares overflow',
      ['auto', '--input', hostile('huge-values.csv')],
      'InvalidSeriesError: value 1.215e+300 at index 6 (2024-01-01T06:00:00.000Z) is too large: |values| must be ≤ 1e+150',
    ],
    [
      'a constant with one spike (fixed order)',
      ['fit', '--order', '1,0,1', '--input', hostile('constant-spike.csv')],
      'the series is constant at 5 except 1 of 336 points (first at grid index 200), so this model has no well-defined fit',
    ],
    [
      'a backtest that makes no prediction',
      ['backtest', '--input', hostile('two-days.csv')],
      'NoPredictionError: no predictions: the first fit needs 72 non-missing points on the 3600 s model grid (--min-train), the series has 48 of 48',
    ],
    [
      'a first fit that needs more data than the series has',
      ['backtest', '--min-train', '10d', '--input', hostile('epoch-ms.csv')],
      'NoPredictionError: no predictions: the first fit needs 240 non-missing points on the 3600 s model grid',
    ],
  ])('%s', async (_name, argv, message) => {
    const result = await run(argv);
    expect(result).toMatchObject({ code: 1, out: '' });
    expect(result.err).toContain(message);
    expect(result.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('CLI hostile inputs: correct results', () => {
  const fitJson = async (file: string) => {
    const result = await run(['fit', '--order', '1,0,0', '--horizon', '2', '--input', hostile(file)]);
    expect(result).toMatchObject({ code: 0, err: '' });
    return JSON.parse(result.out);
  };

  it('should read epoch milliseconds as milliseconds and answer in them', async () => {
    const json = await fitJson('epoch-ms.csv');
    expect(json.input).toMatchObject({ points: 96, stepMs: 3_600_000, start: 1_704_067_200_000 });
    expect(json.forecast.timestamps).toEqual([1_704_067_200_000 + 96 * 3_600_000, 1_704_067_200_000 + 97 * 3_600_000]);
  });

  it("should read Grafana's CSV export (quoted header, CRLF, scientific notation) like the plain form", async () => {
    const json = await fitJson('grafana-export.csv');
    expect(json.input).toMatchObject({ points: 96, stepMs: 3_600_000, repairs: [] });
    expect(json.coefficients.intercept).toBeGreaterThan(0.9e9);
  });

  it.each(['iso.csv', 'datetime.csv'])('should read %s as UTC on the same hourly grid', async (file) => {
    const json = await fitJson(file);
    expect(json.input).toMatchObject({ points: 96, stepMs: 3_600_000 });
  });

  it('should read +Inf, -Inf and NaN as missing and report them as one repair with the counts', async () => {
    const json = await fitJson('non-finite.csv');
    expect(json.input.repairs).toEqual([
      {
        kind: 'missingValues',
        count: 3,
        message:
          '3 non-finite value(s) treated as missing (1 NaN or empty, 1 +Inf, 1 -Inf; first at 2024-01-01T10:00:00.000Z)',
      },
    ]);
  });

  it('should fit a constant with one spike with auto (a mean model)', async () => {
    const result = await run(['auto', '--horizon', '1', '--input', hostile('constant-spike.csv')]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).forecast.mean[0]).toBeCloseTo((335 * 5 + 100) / 336, 6);
  });

  it('should cut a long series to the trailing window for fit and auto, saying so on stderr', () => {
    const err: string[] = [];
    const io = {
      stdout: () => undefined,
      stderr: (t: string) => err.push(t),
      readText: async () => '',
      listCsvFiles: async () => null,
    };
    const values = Array.from({ length: MAX_MODEL_POINTS + 5 }, (_, i) => i);
    const cut = trailingWindow({ startMs: 0, stepMs: 1000, values, repairs: [] }, io);
    expect(cut.skippedPoints).toBe(5);
    expect(cut.series.startMs).toBe(5000);
    expect(cut.series.values).toEqual(values.slice(5));
    expect(err.join('')).toBe(
      `note: fitting the last ${MAX_MODEL_POINTS} of ${MAX_MODEL_POINTS + 5} points (the first 5 are left out to ` +
        `bound the run time; limit ${MAX_MODEL_POINTS})\n`
    );
  });

  it('should refuse more rows than the limit without reading past it', () => {
    const text = `timestamp,value\n${Array.from({ length: 12 }, (_, i) => `${i},${i}`).join('\n')}`;
    expect(parseCsv(text, 12).values).toHaveLength(12);
    expect(() => parseCsv(text, 10)).toThrow(
      new InputError(
        'more than 10 data rows (line 12 is past the limit); aggregate the series or cut it to a trailing window'
      )
    );
  });
});

describe('CLI hostile inputs: exit codes of the real process', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'src/cli/main.ts'), ...args], {
      cwd: REPO,
      encoding: 'utf8',
      timeout: 50_000,
    });

  it.each<[string[], number, string]>([
    [['backtest', '--input', hostile('two-days.csv')], 1, 'error: NoPredictionError: no predictions'],
    [
      ['fit', '--order', '1,0,0', '--horizon', '10000000', '--input', hostile('epoch-ms.csv')],
      2,
      'error: --horizon must be',
    ],
    [['fit', '--order', '1,0,0', '--input', hostile('unit-suffix.csv')], 1, 'error: InputError: '],
  ])('%j exits %d', (args, status, message) => {
    const child = cli(...args);
    expect(child.error).toBeUndefined();
    expect({ status: child.status, stdout: child.stdout }).toEqual({ status, stdout: '' });
    expect(child.stderr).toContain(message);
  });
});
