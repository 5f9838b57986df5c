/**
 * Drift terms against R `forecast::Arima(include.drift = TRUE)` (forecast 8.20, R 4) on the reference series
 * hourly_m24_trend (tests/fixtures/reference), values printed by:
 *   y <- ts(read.csv("hourly_m24_trend.csv")$value, frequency = 24)
 *   f <- Arima(y, order = c(1, 1, 1), include.drift = TRUE); coef(f); f$loglik; forecast(f, h = 3, level = 95)
 *   f2 <- Arima(y, order = c(1, 0, 0), seasonal = c(0, 1, 1), include.drift = TRUE); coef(f2); f2$loglik
 */
import rJson from '../../../tests/fixtures/reference/r_results.json';
import { fitSarima } from './fit';
import { forecastSarima } from './forecast';

const y = (
  rJson as unknown as { results: Record<string, { data: Array<number | null> }> }
).results.hourly_m24_trend_111_111_24.data.map((v) => (v === null ? NaN : v));

describe('drift (include.drift) as R forecast::Arima', () => {
  it('ARIMA(1,1,1) with drift: coefficients, log-likelihood and forecasts', () => {
    const model = fitSarima(y, {
      order: { p: 1, d: 1, q: 1 },
      seasonal: { P: 0, D: 0, Q: 0, period: 1 },
      includeDrift: true,
    });
    // Coefficient tolerance 1e-3 as the reference suite (different optimisers, well-conditioned likelihood).
    expect(model.coefficients.ar[0]).toBeCloseTo(0.273128, 3);
    expect(model.coefficients.ma[0]).toBeCloseTo(0.004336, 2);
    expect(model.coefficients.drift).toBeCloseTo(-0.231402, 3);
    expect(model.standardErrors.drift).toBeCloseTo(0.048257, 3);
    expect(model.loglik).toBeCloseTo(-435.4153, 3);
    expect(model.aicc).toBeCloseTo(878.93, 2);
    const fc = forecastSarima(model, model.state, 3, [95]);
    // Forecasts agree to 1e-3 of a level of ~105 when the coefficients agree to 1e-3.
    fc.mean.forEach((m, k) => expect(m).toBeCloseTo([105.1306292, 104.8799555, 104.6432896][k], 2));
    // The band edge also carries σ (1e-3 relative), so 0.05 on a half-width of ~1.4–3.
    fc.intervals[0].upper.forEach((u, k) => expect(u).toBeCloseTo([106.5181294, 107.1309216, 107.5745602][k], 1));
  });

  it('seasonal difference with drift, SARIMA(1,0,0)(0,1,1)[24]', () => {
    const model = fitSarima(y, {
      order: { p: 1, d: 0, q: 0 },
      seasonal: { P: 0, D: 1, Q: 1, period: 24 },
      includeDrift: true,
    });
    expect(model.coefficients.ar[0]).toBeCloseTo(0.99035, 2);
    expect(model.coefficients.sma[0]).toBeCloseTo(-0.65694, 2);
    expect(model.coefficients.drift).toBeCloseTo(-0.226114, 2);
    expect(model.loglik).toBeCloseTo(-278.8822, 1);
    const fc = forecastSarima(model, model.state, 2, [95]);
    fc.mean.forEach((m, k) => expect(m).toBeCloseTo([105.1870974, 105.3335507][k], 1));
  });

  it('drops the drift when d + D > 1, as R', () => {
    const model = fitSarima(y, {
      order: { p: 0, d: 1, q: 1 },
      seasonal: { P: 0, D: 1, Q: 1, period: 24 },
      includeDrift: true,
    });
    expect(model.spec.includeDrift).toBeUndefined();
    expect(model.coefficients.drift).toBeUndefined();
  });
});
