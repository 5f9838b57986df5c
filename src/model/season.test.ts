import reference from '../../tests/fixtures/model/unitRoot.json';
import { calendarPeriods, detectSeason, nsdiffs } from './season';
import { seededNormal } from './sarima/simulate';
import { simulateSeasonal } from './testing/random';
import { HOUR_MS } from './timeUnits';

describe('detectSeason', () => {
  it('should find a daily season on hourly data and label it as calendar', () => {
    const x = simulateSeasonal(336, { seed: 11, period: 24, amplitude: 3, phi: 0.5 });
    const result = detectSeason(x, { stepMs: HOUR_MS });
    expect(result.period).toBe(24);
    expect(result.periods).toEqual([24]);
    expect(result.candidates[0]).toEqual(expect.objectContaining({ period: 24, calendar: 'daily', supported: true }));
    // Amplitude 3 (variance 4.5) over AR(1) noise of variance 1.33: F ≈ 0.75; 0.6 is a safe floor.
    expect(result.strength).toBeGreaterThan(0.6);
  });

  it('should find a non-calendar period from ACF peaks when no step is given', () => {
    const x = simulateSeasonal(300, { seed: 12, period: 12, amplitude: 2 });
    expect(detectSeason(x).period).toBe(12);
  });

  it.each([
    ['white noise', { seed: 13 }],
    ['a strongly autocorrelated AR(1)', { seed: 14, phi: 0.95 }],
    ['a random walk', { seed: 15, phi: 1 }],
    ['a trend with noise', { seed: 16, slope: 0.05 }],
  ])('should return period 1 for %s', (_name, options) => {
    const result = detectSeason(simulateSeasonal(500, options), { stepMs: HOUR_MS });
    expect(result.period).toBe(1);
    expect(result.periods).toEqual([]);
    expect(result.strength).toBe(0);
  });

  it('should prefer the fundamental period over its multiples', () => {
    const x = simulateSeasonal(600, { seed: 17, period: 20, amplitude: 3 });
    const result = detectSeason(x);
    expect(result.period).toBe(20);
  });

  it('should find daily and weekly seasons together', () => {
    const normal = seededNormal(18);
    const x = Array.from({ length: 24 * 7 * 6 }, (_, t) => {
      const weekend = Math.floor(t / 24) % 7 >= 5 ? -4 : 0;
      return 3 * Math.sin((2 * Math.PI * t) / 24) + weekend + normal();
    });
    const result = detectSeason(x, { stepMs: HOUR_MS });
    expect(result.periods).toEqual([24, 168]);
  });

  it('should prefer the calendar period when the data support it about as well as another', () => {
    // A cycle of 24.15 steps: 24 and 121 (≈ 5 cycles) fit about equally; only the step makes 24 the answer.
    const normal = seededNormal(19);
    const x = Array.from({ length: 400 }, (_, t) => 3 * Math.sin((2 * Math.PI * t) / 24.15) + normal());
    // 400 points hold 3.3 cycles of 121: allow that many so the two candidates compete on strength alone.
    expect(detectSeason(x, { minFreeCycles: 3 }).period).toBe(121);
    expect(detectSeason(x, { minFreeCycles: 3, stepMs: HOUR_MS }).period).toBe(24);
  });

  it('should need five full cycles of a period that is not a calendar period of the step', () => {
    const long = simulateSeasonal(600, { seed: 3, period: 100, amplitude: 2, phi: 0.5 });
    expect(detectSeason(long, { stepMs: HOUR_MS }).period).toBe(100);
    // Four cycles: phase means of so few cycles also fit slow autocorrelated wander, so no season is claimed.
    const short = long.slice(0, 400);
    expect(detectSeason(short, { stepMs: HOUR_MS }).period).toBe(1);
    expect(detectSeason(short, { stepMs: HOUR_MS, minFreeCycles: 3 }).period).toBeGreaterThan(90);
  });

  it('should tolerate missing values and return no season for short or constant input', () => {
    const x = simulateSeasonal(336, { seed: 20, period: 24, amplitude: 3 });
    for (let t = 50; t < 60; t++) {
      x[t] = NaN;
    }
    expect(detectSeason(x, { stepMs: HOUR_MS }).period).toBe(24);
    expect(detectSeason([1, 2, 3, 4, 5]).period).toBe(1);
    expect(detectSeason(new Array(100).fill(1)).candidates).toEqual([]);
  });
});

describe('calendarPeriods', () => {
  it('should list whole-number hourly, daily and weekly periods for the step', () => {
    expect(calendarPeriods(5 * 60_000)).toEqual([
      { period: 12, calendar: 'hourly' },
      { period: 288, calendar: 'daily' },
      { period: 2016, calendar: 'weekly' },
    ]);
    expect(calendarPeriods(HOUR_MS)).toEqual([
      { period: 24, calendar: 'daily' },
      { period: 168, calendar: 'weekly' },
    ]);
    expect(calendarPeriods(11 * 60_000)).toEqual([]);
  });
});

describe('nsdiffs', () => {
  it.each(Object.entries(reference.nsdiffs))('should match forecast::nsdiffs on the %s series', (_name, c) => {
    expect(nsdiffs(c.x, c.period)).toBe(c.D);
  });

  it('should return 0 without a season, for short or constant series', () => {
    expect(nsdiffs([1, 2, 3], 1)).toBe(0);
    expect(nsdiffs([1, 2, 3], 24)).toBe(0);
    expect(nsdiffs(new Array(100).fill(1), 10)).toBe(0);
  });
});
