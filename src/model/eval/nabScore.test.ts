import { NAB_PROFILES, nabProbationRows, nabScaledSigmoid, normalizeNabScore, scoreNabFile } from './nabScore';

const [standard, lowFp, lowFn] = NAB_PROFILES;
const STEP_MS = 60_000;

/** 100 rows one minute apart; window A covers rows 40..49 (width 10), window B rows 70..79. */
const ROWS = Array.from({ length: 100 }, (_, i) => i * STEP_MS);
const WINDOW_A = { startMs: 40 * STEP_MS, endMs: 49 * STEP_MS };
const WINDOW_B = { startMs: 70 * STEP_MS, endMs: 79 * STEP_MS };

function flagsAt(...rows: number[]): boolean[] {
  return ROWS.map((_, i) => rows.includes(i));
}

// Hand-computed values are exact to ~1e-15; 1e-9 only absorbs Math.exp rounding.
const TOL_DIGITS = 9;

describe('nabProbationRows', () => {
  it('should be 15% of the rows, capped at 750', () => {
    expect(nabProbationRows(100)).toBe(15);
    expect(nabProbationRows(4032)).toBe(604); // ⌊604.8⌋
    expect(nabProbationRows(10320)).toBe(750);
  });
});

describe('nabScaledSigmoid', () => {
  it('should be 0 at a window edge, 2/(1+e^-5) − 1 at y = −1 and −1 beyond y = 3', () => {
    expect(nabScaledSigmoid(0)).toBe(0);
    // 2/(1 + 0.0067379) − 1 = 0.9866143
    expect(nabScaledSigmoid(-1)).toBeCloseTo(0.9866142981514305, TOL_DIGITS);
    expect(nabScaledSigmoid(3)).toBeCloseTo(2 / (1 + Math.exp(15)) - 1, TOL_DIGITS);
    expect(nabScaledSigmoid(3.01)).toBe(-1);
  });
});

describe('scoreNabFile', () => {
  it('should earn exactly A_TP when the flag is at the first row of the window and miss window B', () => {
    // y = −(49 − 40 + 1)/10 = −1 → σ(−1)/σ(−1) = 1; window B undetected → −1.
    const s = scoreNabFile(ROWS, flagsAt(40), [WINDOW_A, WINDOW_B], standard);
    expect(s.raw).toBeCloseTo(0, TOL_DIGITS);
    expect(s.detectedWindows).toBe(1);
    expect(s.firstDetection).toEqual([40, -1]);
    expect(s.probationRows).toBe(15);
  });

  it('should earn little when the flag is at the right edge of the window', () => {
    // y = −1/10 → σ = 2/(1 + e^−0.5) − 1 = 0.2449187; / 0.9866143 = 0.2482415.
    const s = scoreNabFile(ROWS, flagsAt(49), [WINDOW_A], standard);
    expect(s.raw).toBeCloseTo(0.24824154977542992, TOL_DIGITS);
  });

  it('should count only the earliest flag inside a window', () => {
    // Row 45: y = −(49 − 45 + 1)/10 = −0.5 → σ = 2/(1 + e^−2.5) − 1 = 0.8482836; / 0.9866143 = 0.8597926.
    // Row 47 is a second flag in the same window and adds nothing.
    const s = scoreNabFile(ROWS, flagsAt(45, 47), [WINDOW_A], standard);
    expect(s.raw).toBeCloseTo(0.8597925669097837, TOL_DIGITS);
    expect(s.falsePositives).toBe(0);
  });

  it('should charge −A_FP for a flag before any window and ignore flags in probation', () => {
    // Row 10 < 15 (probation) is ignored; row 20 is before window A: −0.11; window A missed: −1.
    const s = scoreNabFile(ROWS, flagsAt(10, 20), [WINDOW_A], standard);
    expect(s.raw).toBeCloseTo(-1.11, TOL_DIGITS);
    expect(s.falsePositives).toBe(1);
  });

  it('should discount a false positive close after a window', () => {
    // TP at row 40: +1. FP at row 58: y = (58 − 49)/(10 − 1) = 1 → σ(1) = −0.9866143; × 0.11 = −0.1085276.
    const s = scoreNabFile(ROWS, flagsAt(40, 58), [WINDOW_A], standard);
    expect(s.raw).toBeCloseTo(1 - 0.10852757279665734, TOL_DIGITS);
  });

  it('should charge the full −A_FP when a false positive is more than 3 widths past the window', () => {
    // TP at row 40: +1. FP at row 90: y = 41/9 = 4.56 > 3 → −0.11.
    const s = scoreNabFile(ROWS, flagsAt(40, 90), [WINDOW_A], standard);
    expect(s.raw).toBeCloseTo(0.89, TOL_DIGITS);
  });

  it('should count each flagged row as a false positive but consecutive rows as one event', () => {
    // Rows 54, 55: y = 5/9 and 6/9 → 0.11·(σ(0.5556) + σ(0.6667)) = 0.11·(−0.8829262 − 0.9310274); row 90: −0.11.
    const s = scoreNabFile(ROWS, flagsAt(40, 54, 55, 90), [WINDOW_A], standard);
    const expected = 1 + 0.11 * (nabScaledSigmoid(5 / 9) + nabScaledSigmoid(6 / 9)) - 0.11;
    expect(nabScaledSigmoid(5 / 9)).toBeCloseTo(-0.8829261942512642, TOL_DIGITS);
    expect(s.raw).toBeCloseTo(expected, TOL_DIGITS);
    expect(s.falsePositives).toBe(3);
    expect(s.falsePositiveEvents).toBe(2);
  });

  it('should weigh false positives and misses by the profile', () => {
    // FP at row 20 before window A, window A missed: low-FP profile −0.22 − 1; low-FN profile −0.11 − 2.
    expect(scoreNabFile(ROWS, flagsAt(20), [WINDOW_A], lowFp).raw).toBeCloseTo(-1.22, TOL_DIGITS);
    expect(scoreNabFile(ROWS, flagsAt(20), [WINDOW_A], lowFn).raw).toBeCloseTo(-2.11, TOL_DIGITS);
  });

  it('should score a file without windows by its false positives only', () => {
    // Two flags after probation, no window: 2 × −0.11.
    const s = scoreNabFile(ROWS, flagsAt(30, 80), [], standard);
    expect(s.raw).toBeCloseTo(-0.22, TOL_DIGITS);
    expect(s.windows).toBe(0);
  });

  it('should index rows, not time, when timestamps repeat', () => {
    // Rows: t0..t19 then t19 repeated (row 20), window [t15, t16] = rows 15..16 (width 2); probation ⌊0.15·21⌋ = 3.
    // Flag at row 16: y = −(16 − 16 + 1)/2 = −0.5 → 0.8597926. Flag at row 20: y = (20 − 16)/1 = 4 > 3 → −0.11.
    const ts = [...Array.from({ length: 20 }, (_, i) => i * STEP_MS), 19 * STEP_MS];
    const flags = ts.map((_, i) => i === 16 || i === 20);
    const s = scoreNabFile(ts, flags, [{ startMs: 15 * STEP_MS, endMs: 16 * STEP_MS }], standard);
    expect(s.raw).toBeCloseTo(0.8597925669097837 - 0.11, TOL_DIGITS);
  });
});

describe('normalizeNabScore', () => {
  it('should map the null detector to 0 and the perfect detector to 100', () => {
    // Two windows, standard: null = −2, perfect = 2; raw 0 → 100·2/4 = 50.
    expect(normalizeNabScore(-2, 2, standard)).toBe(0);
    expect(normalizeNabScore(2, 2, standard)).toBe(100);
    expect(normalizeNabScore(0, 2, standard)).toBe(50);
    // Low-FN: null = −4, perfect = 2; raw 0 → 100·4/6 = 66.67.
    expect(normalizeNabScore(0, 2, lowFn)).toBeCloseTo(66.66666666666667, TOL_DIGITS);
  });

  it('should return 0 when there are no windows', () => {
    expect(normalizeNabScore(-0.22, 0, standard)).toBe(0);
  });
});
