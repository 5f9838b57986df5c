import { flagRows } from './flagRows';

describe('flagRows', () => {
  const rows = [0, 300, 600, 600, 1200];

  it('should mark the first row at or after each flagged time', () => {
    // 600 → row 2 (first of the duplicate pair); 900 → row 4 (row at 900 missing, next is 1200).
    expect(flagRows(rows, [600, 900], 0)).toEqual([false, false, true, false, true]);
  });

  it('should accept rows up to the tolerance before the flag (grid snapping)', () => {
    // Flag at 310 with tolerance 150: row 1 (300) is within the snap distance.
    expect(flagRows(rows, [310], 150)).toEqual([false, true, false, false, false]);
  });

  it('should drop a flag after the last row', () => {
    expect(flagRows(rows, [5000], 0)).toEqual([false, false, false, false, false]);
  });
});
