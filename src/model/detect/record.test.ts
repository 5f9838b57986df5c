import { DEFAULT_DETECTOR_CONFIG } from './config';
import { createRecordWindow, pushRecord, recordMax, recordWeight, type RecordWindow } from './record';
import { newWalk } from './walk';
import { HOUR_MS } from '../timeUnits';

describe('record window', () => {
  it('should return the largest |score| of the last W points before the next one', () => {
    const r = createRecordWindow(3);
    expect(recordMax(r)).toBe(0);
    [5, 1, 2].forEach((s) => pushRecord(r, s));
    expect(recordMax(r)).toBe(5);
    pushRecord(r, 1); // 5 leaves the window of the last 3 (1, 2, 1)
    expect(recordMax(r)).toBe(2);
    pushRecord(r, NaN); // a missing point counts as 0
    expect(recordMax(r)).toBe(2);
  });

  it('should never hold back a point when the window is 0 (calibration off)', () => {
    const r = createRecordWindow(0);
    pushRecord(r, 9);
    expect(recordMax(r)).toBe(0);
  });
});

/** The faded maximum by brute force over every point of the window. */
function naiveMax(r: RecordWindow, scores: number[]): number {
  let best = 0;
  scores.forEach((s, k) => {
    best = Math.max(best, s * recordWeight(r, scores.length - k));
  });
  return best;
}

/** Deterministic pseudo-random heavy-tailed scores (no wall clock, no Math.random). */
function scores(n: number, seed: number): number[] {
  let x = seed;
  return Array.from({ length: n }, () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    const u = (x + 1) / 2147483649;
    return 1 / Math.sqrt(u) - 1;
  });
}

describe('fading record', () => {
  it('should fade the point record only: the sustained record and the routine-gap window keep the plain week', () => {
    // A faded sustained record was measured and rejected (nab30 70.14, minScore × 0.9 3.1 points down).
    const hourly = { startMs: 0, stepMs: HOUR_MS, values: [1, 2, 3], repairs: [] };
    const w = newWalk(hourly, DEFAULT_DETECTOR_CONFIG, [0, 1, 2]);
    expect([w.record.fullPoints, w.record.length]).toEqual([7 * 24, 21 * 24]);
    expect([w.sustainedRecord.fullPoints, w.sustainedRecord.length]).toEqual([7 * 24, 7 * 24]);
    expect(w.r.routineGapWindow).toBe(7 * 24);
  });

  it('should weigh an extreme in full up to the full age, then fade linearly to nothing after the fade', () => {
    const r = createRecordWindow(4, 6);
    [1, 1, 6 / 7, 1 / 7, 0].forEach((w, k) => expect(recordWeight(r, [1, 4, 5, 10, 11][k])).toBeCloseTo(w, 12));
  });

  it('should count an old extreme at its faded weight, not in full or not at all', () => {
    const r = createRecordWindow(4, 6);
    pushRecord(r, 14);
    [1, 1, 1, 1, 1].forEach((s) => pushRecord(r, s));
    // Age 6: 14 × (1 − 2/7) = 10, where a plain 4-point record would say 1 and a 10-point one 14.
    expect(recordMax(r)).toBeCloseTo(10, 12);
  });

  it('should equal the brute-force faded maximum at every point', () => {
    const r = createRecordWindow(15, 45);
    const seen: number[] = [];
    for (const s of scores(2000, 7)) {
      expect(recordMax(r)).toBeCloseTo(naiveMax(r, seen), 12);
      pushRecord(r, s);
      seen.push(s);
    }
  });

  it('should stay off when the full window is 0, whatever the fade', () => {
    const r = createRecordWindow(0, 10);
    pushRecord(r, 9);
    expect(recordMax(r)).toBe(0);
  });
});

/**
 * Wrap the candidate lists of `r` so that every element the record's code reads is counted (cost without timing).
 * Array methods run on the plain list: a shift or splice moves memory, not candidates the code looks at.
 */
function countReads(r: RecordWindow): { reads: number } {
  const counter = { reads: 0 };
  const counted = (list: number[]) =>
    new Proxy(list, {
      get(target, key, receiver) {
        const member: unknown = Reflect.get(target, key, receiver);
        if (typeof member === 'function') {
          return member.bind(target);
        }
        if (typeof key === 'string' && /^\d+$/.test(key)) {
          counter.reads++;
        }
        return member;
      },
    });
  r.index = counted(r.index);
  r.value = counted(r.value);
  return counter;
}

describe('fading record cost', () => {
  it('should not read every full-weight candidate at each point when the score falls slowly', () => {
    // A |score| falling for 1000 points keeps 1000 full-weight candidates; the maximum of them is the oldest.
    const r = createRecordWindow(1000, 2000);
    const counter = countReads(r);
    for (let t = 0; t < 3000; t++) {
      expect(recordMax(r)).toBe(t === 0 ? 0 : 10 - Math.max(0, t - 1000) * 1e-4);
      pushRecord(r, 10 - t * 1e-4);
    }
    // Reading every candidate at each point is about 2 × 1000 reads per point; the fading front alone, a few.
    expect(counter.reads / 3000).toBeLessThan(20);
  });
});
