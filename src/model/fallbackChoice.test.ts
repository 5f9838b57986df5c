import { chooseForecastModel, FALLBACK_MARGIN } from './fallbackChoice';
import { fitSarima } from './sarima/fit';
import { seededNormal } from './sarima/simulate';

const NONE = { P: 0, D: 0, Q: 0, period: 1 };

/** Ten days hourly: a strong daily shape plus white noise. */
function daily(seed: number): number[] {
  const normal = seededNormal(seed);
  return Array.from({ length: 240 }, (_, t) => 50 + 20 * Math.sin((2 * Math.PI * t) / 24) + normal());
}

/** AR(1) around 50 with φ = 0.8, no season. */
function ar1(seed: number): number[] {
  const normal = seededNormal(seed);
  let x = 0;
  return Array.from({ length: 240 }, () => {
    x = 0.8 * x + normal();
    return 50 + x;
  });
}

describe('chooseForecastModel', () => {
  it('should fall back to the seasonal naive when the searched model misses the season', () => {
    const y = daily(1);
    const blind = fitSarima(y, { order: { p: 1, d: 0, q: 0 }, seasonal: NONE, includeMean: true });
    const choice = chooseForecastModel(blind, y, 24, 24);
    expect(choice.kind).toBe('seasonal naive');
    expect(choice.scores.map((s) => s.kind)).toEqual(['sarima', 'seasonal naive', 'mean']);
    expect(choice.scores[1].meanAbsError).toBeLessThan((1 - FALLBACK_MARGIN) * choice.scores[0].meanAbsError);
    expect(choice.errors.standardized.length).toBeGreaterThan(100);
  });

  it('should keep a searched model that forecasts as well as the benchmarks', () => {
    const y = ar1(2);
    const model = fitSarima(y, { order: { p: 1, d: 0, q: 0 }, seasonal: NONE, includeMean: true });
    const choice = chooseForecastModel(model, y, 24, 24);
    expect(choice.kind).toBe('sarima');
    expect(choice.model).toBe(model);
  });

  it('should take the best benchmark when no model was found', () => {
    const choice = chooseForecastModel(undefined, daily(3), 24, 24);
    expect(choice.kind).toBe('seasonal naive');
    expect(choice.scores.map((s) => s.kind)).toEqual(['seasonal naive', 'mean']);
  });
});
