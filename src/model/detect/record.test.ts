import { createRecordWindow, pushRecord, recordMax } from './record';

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
