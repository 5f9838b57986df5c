import { join } from 'node:path';

import { runCli } from './run';
import { captureIo } from './testIo';

const fixture = (name: string) => join(__dirname, '../../tests/fixtures/cli/batch', name);

async function cli(...args: string[]) {
  const io = captureIo();
  const code = await runCli(args, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

describe('batch mode', () => {
  it('should fit every series of a long-format CSV in one run, one JSON line each, a bad one as its error', async () => {
    const { code, out, err } = await cli('fit', '--input', fixture('long.csv'), '--order', '1,0,0', '--horizon', '2');
    const lines = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => l.unique_id)).toEqual(['api', 'db, primary', 'broken']);
    // ISO times and epoch seconds each go through the single-series reader.
    expect(lines[0].forecast.mean).toHaveLength(2);
    expect(lines[1].forecast.mean).toHaveLength(2);
    expect(lines[2].error.name).toBe('InputError');
    expect(lines[2].error.message).toMatch(/long\.csv \(unique_id "broken"\): line 3 .*cannot read the value "x"/);
    expect(err).toBe('error: 1 of 3 series failed (see their errors above)\n');
    expect(code).toBe(1);
  });

  it('should give the same result for a series in a batch as for its own file', async () => {
    const batch = await cli('fit', '--input', fixture('long.csv'), '--order', '1,0,0', '--horizon', '2');
    const single = await cli('fit', '--input', fixture('folder/api.csv'), '--order', '1,0,0', '--horizon', '2');
    const { unique_id: id, ...fromBatch } = JSON.parse(batch.out.split('\n')[0]);
    expect(id).toBe('api');
    expect(fromBatch).toEqual(JSON.parse(single.out));
  });

  it('should backtest a folder of CSVs (recursively) into one CSV with a unique_id column', async () => {
    const { code, out, err } = await cli('backtest', '--input', fixture('folder'), '--min-train', '30');
    const [header, ...rows] = out.trim().split('\n');
    expect(header).toBe('unique_id,timestamp,value,forecast,lower,upper,anomaly,score');
    const ids = new Set(rows.map((row) => row.split(',')[0]));
    expect([...ids]).toEqual(['api', 'sub/db']);
    expect(rows).toHaveLength(2 * 72);
    expect(err).toMatch(/^error: series "broken": InputError: .*folder\/broken\.csv: line 3 /);
    expect(err).toContain('1 of 3 series failed');
    expect(code).toBe(1);
  });

  it('should stop the whole batch on a bad command line (exit 2)', async () => {
    const { code, out, err } = await cli('fit', '--input', fixture('long.csv'), '--horizon', '2');
    expect(out).toBe('');
    expect(err).toContain('--order');
    expect(code).toBe(2);
  });

  it('should say so when a folder holds no CSV', async () => {
    const { code, err } = await cli('auto', '--input', join(__dirname, '../../tests/fixtures/settings'));
    expect(err).toMatch(/a folder without \.csv files/);
    expect(code).toBe(1);
  });
});
