/**
 * The detector walk's numbers are pinned to a stored fixture (tests/fixtures/model/walkIdentity.json, written by
 * the code before the filter kept its live state across steps): the filter's speed work must not change a number.
 * Regenerate only for an intended change of the numbers: TIDEMARK_WRITE_WALK_FIXTURE=1 npx jest walkIdentity.
 */
import fs from 'fs';
import path from 'path';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../contract/constants';
import { analyzeSeries } from '../pipeline/analyze';
import { DEFAULT_MODEL_SETTINGS } from '../pipeline/settings';
import type { SeriesInput } from '../pipeline/types';
import { seededNormal } from './simulate';

const FIXTURE = path.join(__dirname, '../../../tests/fixtures/model/walkIdentity.json');
const END_MS = 20_000 * DAY_MS;

/** Daily sine, unit noise, a 10-point spike of +8 sd and a 5-point gap (the filter's missing-value path). */
function values(n: number, stepMs: number, seed: number): number[] {
  const normal = seededNormal(seed);
  const y = Array.from({ length: n }, (_, i) => {
    const t = END_MS - (n - 1 - i) * stepMs;
    return 100 + 20 * Math.sin((2 * Math.PI * (t % DAY_MS)) / DAY_MS) + normal();
  });
  for (let i = n - 40; i < n - 30; i++) {
    y[i] += 8;
  }
  for (let i = n - 200; i < n - 195; i++) {
    y[i] = NaN;
  }
  return y;
}

function series(stepMs: number, days: number, seed: number, mixed: boolean): SeriesInput {
  const n = (days * DAY_MS) / stepMs;
  const y = values(n, stepMs, seed);
  const timesMs = y.map((_, i) => END_MS - (n - 1 - i) * stepMs);
  if (!mixed) {
    return { key: 'native', labels: {}, timesMs, values: y, stepMs };
  }
  const untilMs = END_MS - DAY_MS;
  const keep = timesMs.map((t) => t >= untilMs || (END_MS - t) % HOUR_MS === 0);
  return {
    key: 'mixed',
    labels: {},
    timesMs: timesMs.filter((_, i) => keep[i]),
    values: y.filter((_, i) => keep[i]),
    stepMs,
    coarse: { stepMs: HOUR_MS, untilMs },
  };
}

const CASES: Record<string, SeriesInput> = {
  'native-6d-15min': series(15 * MINUTE_MS, 6, 11, false),
  'mixed-8d-1min': series(MINUTE_MS, 8, 12, true),
};

/** The walk's outputs as plain numbers (null for NaN/missing, as JSON keeps them). */
function outputs(input: SeriesInput): Record<string, Array<number | null>> {
  const { analysis } = analyzeSeries(input, DEFAULT_MODEL_SETTINGS);
  const p = analysis.points;
  return {
    forecast: p.forecast,
    score: p.score,
    anomaly: p.anomaly,
    weakLower: p.bands[0].lower,
    weakUpper: p.bands[0].upper,
    strongLower: p.bands[1].lower,
    strongUpper: p.bands[1].upper,
  };
}

/** Relative tolerance 1e-12: room for a reordered sum, far below any change of the method. */
const REL_TOL = 1e-12;

function mismatches(actual: Array<number | null>, expected: Array<number | null>): string[] {
  const bad: string[] = [];
  if (actual.length !== expected.length) {
    return [`length ${actual.length} != ${expected.length}`];
  }
  expected.forEach((e, i) => {
    const a = actual[i];
    const same = a === e || (a !== null && e !== null && Math.abs(a - e) <= REL_TOL * Math.max(Math.abs(e), 1e-300));
    if (!same) {
      bad.push(`[${i}] ${a} != ${e}`);
    }
  });
  return bad.slice(0, 5);
}

describe('detector walk outputs (filter identity)', () => {
  const write = process.env.TIDEMARK_WRITE_WALK_FIXTURE === '1';
  const actual = Object.fromEntries(Object.entries(CASES).map(([name, input]) => [name, outputs(input)]));
  if (write) {
    fs.writeFileSync(FIXTURE, JSON.stringify(actual) + '\n');
  }
  const expected = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as typeof actual;

  it.each(Object.keys(CASES))('%s matches the stored outputs to 1e-12 relative', (name) => {
    for (const [field, values] of Object.entries(expected[name])) {
      expect({ field, bad: mismatches(actual[name][field], values) }).toEqual({ field, bad: [] });
    }
    expect(actual[name].anomaly.some((a) => a !== 0)).toBe(true);
  });
});
