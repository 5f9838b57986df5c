import { join } from 'node:path';

import { runCli } from './run';
import { captureIo } from './testIo';

const fixture = (name: string) => join(__dirname, '../../tests/fixtures/cli', name);

async function auto(...args: string[]) {
  const io = captureIo();
  const code = await runCli(['auto', ...args], io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

describe('auto command', () => {
  it('should detect the daily season and print the chosen model with its candidates', async () => {
    const { code, out, err } = await auto('--input', fixture('hourly.csv'), '--horizon', '2');
    expect(err).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.seasonal.period).toBe(24);
    expect(result.selection).toEqual(
      expect.objectContaining({ strategy: 'sarima', periods: [24], season: expect.objectContaining({ period: 24 }) })
    );
    expect(result.candidates.length).toBeGreaterThan(3);
    expect(result.candidates[0]).toEqual(
      expect.objectContaining({ order: result.order, seasonal: result.seasonal, aicc: result.aicc })
    );
    expect(result.forecast.timestamps).toEqual(['2024-01-15T00:00:00Z', '2024-01-15T01:00:00Z']);
  });

  it('should use a given season and no season with --season 1', async () => {
    const result = JSON.parse((await auto('--input', fixture('minute.csv'), '--season', '1', '--horizon', '1')).out);
    expect(result.seasonal.period).toBe(1);
    expect(result.selection.season).toBeNull();
  });

  it.each([
    [
      ['--input', 'x.csv', '--season', 'weekly'],
      2,
      '--season must be auto or a whole number from 1 to 10080, got "weekly" (not a whole number)',
    ],
    [['--input', 'x.csv', '--season', '0'], 2, '--season must be auto or a whole number from 1 to 10080, got 0'],
    [['--season', 'auto'], 2, 'missing required option --input'],
    [['--input', fixture('constant.csv')], 1, 'ConstantSeriesError'],
  ])('should fail with %j', async (args, code, message) => {
    const result = await auto(...args);
    expect(result.code).toBe(code);
    expect(result.err).toContain(message);
  });
});
