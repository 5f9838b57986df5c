import { join } from 'node:path';

import { fitCommand } from './fit';
import { runCli } from './run';
import { captureIo } from './testIo';

const fixture = (name: string) => join(__dirname, '../../tests/fixtures/cli', name);

async function fit(...args: string[]) {
  const io = captureIo();
  const code = await runCli(['fit', ...args], io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

describe('fit command', () => {
  it('should print the model and a forecast in the documented shape', async () => {
    const { code, out, err } = await fit(
      '--input',
      fixture('hourly.csv'),
      '--order',
      '1,0,0',
      '--seasonal',
      '0,1,1,24',
      '--horizon',
      '3',
      '--level',
      '80,95'
    );
    expect(err).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result).toEqual(
      expect.objectContaining({
        order: { p: 1, d: 0, q: 0 },
        seasonal: { P: 0, D: 1, Q: 1, period: 24 },
        includeMean: false,
        fourier: [],
        converged: true,
      })
    );
    expect(result.coefficients).toEqual({
      ar: [expect.any(Number)],
      ma: [],
      sar: [],
      sma: [expect.any(Number)],
      intercept: 0,
      xreg: [],
    });
    for (const key of ['sigma2', 'loglik', 'aic', 'aicc', 'bic']) {
      expect(Number.isFinite(result[key])).toBe(true);
    }
    expect(result.forecast.timestamps).toEqual([
      '2024-01-15T00:00:00Z',
      '2024-01-15T01:00:00Z',
      '2024-01-15T02:00:00Z',
    ]);
    expect(result.forecast.mean).toHaveLength(3);
    expect(result.forecast.intervals.map((i: { level: number }) => i.level)).toEqual([80, 95]);
    const [i80, i95] = result.forecast.intervals;
    expect(i95.lower[0]).toBeLessThan(i80.lower[0]);
    expect(i80.upper[0]).toBeLessThan(i95.upper[0]);
    expect(result.input).toEqual({ points: 336, stepMs: 3_600_000, start: '2024-01-01T00:00:00Z', repairs: [] });
  });

  it('should default the horizon to two seasons and the levels to 80,95', async () => {
    const result = JSON.parse(
      (await fit('--input', fixture('hourly.csv'), '--order', '0,0,1', '--seasonal', '1,0,0,24')).out
    );
    expect(result.forecast.mean).toHaveLength(48);
    expect(result.forecast.intervals.map((i: { level: number }) => i.level)).toEqual([80, 95]);
    expect(result.includeMean).toBe(true);
    expect(result.coefficients.intercept).not.toBe(0);
  });

  it('should report repairs and answer in the NAB timestamp format', async () => {
    const result = JSON.parse((await fit('--input', fixture('messy.csv'), '--order', '1,0,0', '--horizon', '1')).out);
    expect(result.input.repairs.map((r: { kind: string }) => r.kind)).toEqual(['missingValues', 'duplicates', 'gaps']);
    expect(result.forecast.timestamps).toEqual(['2024-01-03 12:00:00']);
  });

  it('should read an infinite value as missing and report it as a repair', async () => {
    const result = await fit('--input', fixture('infinite.csv'), '--order', '1,0,0');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).input.repairs[0]).toEqual({
      kind: 'missingValues',
      count: 1,
      message: '1 non-finite value(s) treated as missing (1 +Inf; first at 2024-01-01T00:02:00.000Z)',
    });
  });

  it('should accept Fourier terms and --no-mean', async () => {
    const result = JSON.parse(
      (
        await fit(
          '--input',
          fixture('hourly.csv'),
          '--order',
          '1,0,0',
          '--fourier',
          '24:2',
          '--no-mean',
          '--horizon',
          '1'
        )
      ).out
    );
    expect(result.fourier).toEqual([{ period: 24, harmonics: 2 }]);
    expect(result.coefficients.xreg).toHaveLength(4);
    expect(result.coefficients.intercept).toBe(0);
  });

  it.each([
    [['--order', '1,0,0'], 2, 'error: missing required option --input (see --help)'],
    [['--input', 'x.csv'], 2, 'error: missing required option --order (p,d,q) (see --help)'],
    [
      ['--input', 'x.csv', '--order', '1,0'],
      2,
      'error: --order must be 3 non-negative integers p,d,q, got "1,0" (see --help)',
    ],
    [['--input', 'x.csv', '--order', '1,0,0', '--bogus'], 2, "Unknown option '--bogus'"],
    [['--input', 'x.csv', '--order', '1,0,0', '--fourier', '24'], 2, 'error: --fourier must be period:harmonics pairs'],
    [
      ['--input', 'x.csv', '--order', '1,0,0', '--method', 'OLS'],
      2,
      'error: --method must be one of CSS-ML, ML, CSS, got "OLS"',
    ],
    [
      ['--input', fixture('bad-value.csv'), '--order', '1,0,0'],
      1,
      'bad-value.csv: line 5 ("1704067380,x7"): cannot read the value "x7" as a number',
    ],
    [
      ['--input', fixture('bad-header.csv'), '--order', '1,0,0'],
      1,
      'line 1 ("when,val"): expected a header "timestamp,value" or Grafana\'s CSV export',
    ],
    [
      ['--input', fixture('constant.csv'), '--order', '1,0,0'],
      1,
      'error: ConstantSeriesError: all 30 non-missing values equal 3',
    ],
    [
      ['--input', fixture('minute.csv'), '--order', '1,0,0', '--seasonal', '1,1,0,60'],
      1,
      'error: InsufficientDataError: need ≥',
    ],
  ])('should fail with %j', async (args, code, message) => {
    const result = await fit(...args);
    expect(result.code).toBe(code);
    expect(result.out).toBe('');
    expect(result.err).toContain(message);
    expect(result.err.trim().split('\n')).toHaveLength(1);
  });

  it('should expose its usage', () => {
    expect(fitCommand.usage).toContain('--seasonal P,D,Q,m');
  });
});
