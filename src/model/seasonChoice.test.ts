import { ModelError } from './errors';
import { fitSarima } from './sarima/fit';
import { seededNormal } from './sarima/simulate';
import { autoSarima } from './auto';
import { chooseSeasonModel, comparableAicc, withSeasonChoice } from './seasonChoice';

const NONE = { P: 0, D: 0, Q: 0, period: 1 };

/** Four weeks hourly: daily shape, weekend level 8 lower, AR(1) noise φ = 0.6. */
function hourlyWithWeekends(seed: number): number[] {
  const normal = seededNormal(seed);
  let noise = 0;
  return Array.from({ length: 24 * 7 * 4 }, (_, t) => {
    noise = 0.6 * noise + normal();
    const weekend = Math.floor(t / 24) % 7 >= 5 ? -8 : 0;
    return 100 + 10 * Math.sin((2 * Math.PI * t) / 24) + 3 * Math.cos((4 * Math.PI * t) / 24) + weekend + noise;
  });
}

describe('comparableAicc', () => {
  const y = hourlyWithWeekends(11);

  it("should equal the model's own AICc when conditioning on its own d + m·D values", () => {
    // The exact diffuse likelihood is the density of the later values given the first d + m·D, so the
    // prediction-error sum from there must give the same number (1e-6: rounding of two summation orders).
    const seasonal = fitSarima(y, {
      order: { p: 1, d: 0, q: 0 },
      seasonal: { P: 0, D: 1, Q: 1, period: 24 },
    });
    expect(comparableAicc(seasonal, y, 24)).toBeCloseTo(seasonal.aicc, 6);
    const plain = fitSarima(y, {
      order: { p: 1, d: 0, q: 0 },
      seasonal: NONE,
      fourier: [{ period: 24, harmonics: 2 }],
    });
    expect(comparableAicc(plain, y, 0)).toBeCloseTo(plain.aicc, 6);
  });

  it('should score an undifferenced model on fewer values when conditioning on more', () => {
    const plain = fitSarima(y, {
      order: { p: 1, d: 0, q: 0 },
      seasonal: NONE,
      fourier: [{ period: 24, harmonics: 2 }],
    });
    expect(comparableAicc(plain, y, 24)).toBeLessThan(plain.aicc);
  });
});

describe('chooseSeasonModel', () => {
  it('should model the weekly pattern: not the daily season alone', () => {
    const choice = chooseSeasonModel(hourlyWithWeekends(12), [168, 24]);
    expect(choice.conditionedOn).toBeGreaterThanOrEqual(24);
    expect(choice.kind).not.toBe('one-season');
    expect(choice.candidates[0].kind).toBe(choice.kind);
    expect(choice.candidates.map((c) => c.kind).sort()).toEqual(['fourier-only', 'one-season', 'two-seasons']);
    const scores = choice.candidates.map((c) => c.comparableAicc ?? Infinity);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(choice.model.spec.fourier?.some((term) => term.period === 168)).toBe(true);
  }, 120_000);

  it('should refuse periods that are not a short season and a longer one', () => {
    const y = hourlyWithWeekends(13);
    expect(() => chooseSeasonModel(y, [24, 24])).toThrow(ModelError);
    expect(() => chooseSeasonModel(y, [168, 336])).toThrow(/short season 2\.\.48.*168 and 336/);
  });
});

describe('withSeasonChoice', () => {
  it('should compare the structures when the search found two seasons, reusing its Fourier-only fit', () => {
    const y = hourlyWithWeekends(12);
    const auto = autoSarima(y, { stepMs: 3_600_000 });
    expect(auto.periods).toEqual([24, 168]);
    expect(auto.strategy).toBe('fourier');
    const wired = withSeasonChoice(y, auto, { stepMs: 3_600_000 });
    const note = wired.notes.find((n) => n.startsWith('season structure: '))!;
    for (const structure of ['one-season', 'two-seasons', 'fourier-only']) {
      expect(note).toMatch(new RegExp(`${structure} -?\\d+\\.\\d`));
    }
    const kind = note.slice('season structure: '.length).split(' ')[0];
    expect(kind).not.toBe('one-season');
    expect(wired.model.spec.fourier?.some((term) => term.period === 168)).toBe(true);
    if (kind === 'fourier-only') {
      expect(wired.model).toBe(auto.model);
    } else {
      expect(wired.model.spec.seasonal.period).toBe(24);
    }
  }, 120_000);

  it('should leave a one-season selection alone', () => {
    const y = hourlyWithWeekends(13).slice(0, 24 * 10);
    const auto = autoSarima(y, { period: 24 });
    expect(withSeasonChoice(y, auto)).toBe(auto);
  });
});
