import { summarizeNab } from './nabSummary';

const STEP_MS = 60_000;
const ROWS = Array.from({ length: 100 }, (_, i) => i * STEP_MS);
const flagsAt = (...rows: number[]) => ROWS.map((_, i) => rows.includes(i));

describe('summarizeNab', () => {
  it('should sum raw scores and windows over files before normalising', () => {
    // File a: window rows 40..49 flagged at 40 → +1 (see nabScore.test.ts). File b: no window, FP at row 30 →
    // −0.11 standard, −0.22 low-FP. Standard total raw 0.89 over 1 window: 100·(0.89 + 1)/2 = 94.5.
    // Low-FP: 100·(0.78 + 1)/2 = 89. Low-FN (A_FN = 2): null −2, perfect 1 → 100·(0.89 + 2)/3 = 96.333.
    const summary = summarizeNab([
      { name: 'a', timesMs: ROWS, windows: [{ startMs: 40 * STEP_MS, endMs: 49 * STEP_MS }], flags: flagsAt(40) },
      { name: 'b', timesMs: ROWS, windows: [], flags: flagsAt(30) },
    ]);
    const [standard, lowFp, lowFn] = summary.totals;
    // Sums of a few doubles: 1e-9 absorbs rounding only.
    expect(standard.normalized).toBeCloseTo(94.5, 9);
    expect(lowFp.normalized).toBeCloseTo(89, 9);
    expect(lowFn.normalized).toBeCloseTo(96.33333333333333, 9);
    expect(standard.recall).toBe(1);
    expect(standard.falsePositives).toBe(1);
    expect(summary.files[1].flags).toBe(1);
  });
});
