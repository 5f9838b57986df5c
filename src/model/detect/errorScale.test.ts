import { errorScales, logError, type ErrorLog } from './errorScale';
import { MAD_TO_SIGMA } from './robustScale';

describe('errorScales', () => {
  it('should keep the overall scale when a noisy phase is a minority of its neighbourhood', () => {
    // Period 4, 12 cycles: phase 2 is ±10, the other phases ±1 (signs alternate per cycle, median 0).
    // Overall: 36 of 48 deviations are 1 → MAD 1 → 1.4826. Phase 2 pools phases 1..3: 24 of 36 deviations
    // are 1 → MAD 1, so one noisy phase among three does not raise its scale (MAD's 50% breakdown).
    const log: ErrorLog = { index: [], value: [] };
    for (let i = 0; i < 48; i++) {
      logError(log, i, (i % 4 === 2 ? 10 : 1) * (i % 8 < 4 ? 1 : -1), 1000);
    }
    const s = errorScales(log, 1000, 4);
    expect(s.overall).toBeCloseTo(MAD_TO_SIGMA, 12);
    expect(s.byPhase).toEqual([s.overall, s.overall, s.overall, s.overall]);
  });

  it('should raise the scale of a phase whose neighbourhood is mostly noisy', () => {
    // Period 6: phases 2 and 3 are ±10, the others ±1. Overall: 4 of 6 deviations are 1 → MAD 1.
    // Phase 3 pools phases 2, 3, 4 → 2 of 3 deviations are 10 → MAD 10; phase 0 pools 5, 0, 1 → MAD 1.
    const log: ErrorLog = { index: [], value: [] };
    for (let i = 0; i < 60; i++) {
      const phase = i % 6;
      logError(log, i, (phase === 2 || phase === 3 ? 10 : 1) * (i % 12 < 6 ? 1 : -1), 1000);
    }
    const s = errorScales(log, 1000, 6);
    expect(s.overall).toBeCloseTo(MAD_TO_SIGMA, 12);
    expect(s.byPhase[3]).toBeCloseTo(10 * MAD_TO_SIGMA, 12);
    expect(s.byPhase[0]).toBeCloseTo(MAD_TO_SIGMA, 12);
  });

  it('should only use errors of the last windowPoints grid points', () => {
    // Indices 0..9 hold ±100, 10..19 hold ±1; a window of 10 points sees only the ±1 errors.
    const log: ErrorLog = { index: [], value: [] };
    for (let i = 0; i < 20; i++) {
      logError(log, i, (i < 10 ? 100 : 1) * (i % 2 ? 1 : -1), 1000);
    }
    expect(errorScales(log, 10, 1).overall).toBeCloseTo(MAD_TO_SIGMA, 12);
  });
});

describe('logError', () => {
  it('should keep at most twice `keep` entries, trimming to `keep`', () => {
    const log: ErrorLog = { index: [], value: [] };
    for (let i = 0; i < 7; i++) {
      logError(log, i, i, 3);
    }
    // After the 7th push (7 > 6) the log is trimmed to the last 3.
    expect(log.index).toEqual([4, 5, 6]);
  });
});
