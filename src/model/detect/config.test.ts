import { parseSpan, spanPoints } from './config';

describe('parseSpan', () => {
  it('should read a bare integer as points and a unit suffix as a duration', () => {
    expect(parseSpan('288')).toEqual({ points: 288 });
    expect(parseSpan('6h')).toEqual({ ms: 6 * 3_600_000 });
    expect(parseSpan('14d')).toEqual({ ms: 14 * 86_400_000 });
    expect(parseSpan('1h30m')).toEqual({ ms: 5_400_000 });
  });

  it('should reject anything else, naming the text', () => {
    expect(() => parseSpan('2 days')).toThrow(
      'expected a number of points or a duration like 6h, 14d, 1h30m, got "2 days"'
    );
    expect(() => parseSpan('0h')).toThrow('got "0h"');
  });
});

describe('spanPoints', () => {
  it('should convert durations at the model step and keep at least one point', () => {
    expect(spanPoints({ ms: 86_400_000 }, 3_600_000)).toBe(24);
    expect(spanPoints({ points: 7 }, 3_600_000)).toBe(7);
    expect(spanPoints({ ms: 60_000 }, 3_600_000)).toBe(1);
    expect(spanPoints({ points: 0 }, 3_600_000, 0)).toBe(0);
  });
});
