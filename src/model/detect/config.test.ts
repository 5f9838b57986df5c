import {
  DEFAULT_DETECTOR_CONFIG,
  SENSITIVITY_MIN_SCORE,
  directionAllows,
  parseSpan,
  spanPoints,
  withSensitivity,
} from './config';

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

describe('withSensitivity', () => {
  it('should map the named sensitivities to their documented point thresholds and scale the sustained test and shortest pause', () => {
    expect(withSensitivity(DEFAULT_DETECTOR_CONFIG, 'medium')).toEqual(DEFAULT_DETECTOR_CONFIG);
    const low = withSensitivity(DEFAULT_DETECTOR_CONFIG, 'low');
    expect(low.minScore).toBe(SENSITIVITY_MIN_SCORE.low);
    expect(low.sustainScore).toBeCloseTo((DEFAULT_DETECTOR_CONFIG.sustainScore * 5) / 4, 12);
    expect(low.silence.minPauseMs).toBeCloseTo((DEFAULT_DETECTOR_CONFIG.silence.minPauseMs * 5) / 4, 6);
    expect(withSensitivity(DEFAULT_DETECTOR_CONFIG, 'high').silence.minPauseMs).toBeCloseTo(9 * 3_600_000, 6);
    expect(low.silence.margin).toBe(DEFAULT_DETECTOR_CONFIG.silence.margin);
    expect(withSensitivity(DEFAULT_DETECTOR_CONFIG, 3.5).minScore).toBe(3.5);
  });

  it('should reject a threshold that is not a positive number, naming it', () => {
    expect(() => withSensitivity(DEFAULT_DETECTOR_CONFIG, -1)).toThrow('got -1');
  });
});

describe('directionAllows', () => {
  it('should let only scores of the chosen sign through', () => {
    expect(directionAllows('both', -3)).toBe(true);
    expect(directionAllows('above', 3)).toBe(true);
    expect(directionAllows('above', -3)).toBe(false);
    expect(directionAllows('below', -3)).toBe(true);
  });
});
