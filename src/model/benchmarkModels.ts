/**
 * The benchmark models automatic forecasting falls back to (Hyndman & Athanasopoulos, "Forecasting: Principles
 * and Practice", 3rd ed. (FPP3), §5.2): the seasonal naive forecast ARIMA(0,0,0)(0,1,0)[m] (each value the
 * last one of the same phase) and the mean forecast ARIMA(0,0,0) with a mean. Both are fitted as SARIMA models,
 * so forecasts, intervals, calibration and diagnostics treat them like the searched one. Their intervals are
 * FPP3 §5.5's: seasonal naive se_h = σ·√(k + 1), k = ⌊(h − 1)/m⌋ the completed seasons before step h, with σ²
 * the mean squared seasonal difference (the maximum-likelihood σ² of that model); mean se_h = σ, the standard
 * deviation about the mean (FPP3's factor √(1 + 1/T) for the estimated mean is left out, < 0.2 % at T ≥ 300).
 */
import { ModelError } from './errors';
import { fitSarima, type FitOptions, type SarimaModel } from './sarima/fit';
import type { SarimaSpec } from './types';

/** The benchmark models, by the names diagnostics show. */
export type BenchmarkKind = 'seasonal naive' | 'mean';

/** One fitted benchmark. */
export interface BenchmarkModel {
  kind: BenchmarkKind;
  model: SarimaModel;
}

/** The SARIMA spec of a benchmark (module comment); `period` matters for the seasonal naive only. */
export function benchmarkSpec(kind: BenchmarkKind, period: number): SarimaSpec {
  const seasonal = kind === 'seasonal naive';
  return {
    order: { p: 0, d: 0, q: 0 },
    seasonal: { P: 0, D: seasonal ? 1 : 0, Q: 0, period: seasonal ? period : 1 },
    includeMean: !seasonal,
    fourier: [],
  };
}

/**
 * Fits the benchmarks that suit `y`: the mean always, the seasonal naive when `period` > 1 and `y` holds more
 * than two seasons (as R `auto.arima` requires for any seasonal model). A benchmark whose fit fails (e.g. a
 * constant seasonal difference) is left out.
 *
 * @param y series on a regular grid, NaN = missing
 * @param period season length in steps (1 = none)
 */
export function fitBenchmarks(
  y: ArrayLike<number>,
  period: number,
  method: FitOptions['method'] = 'CSS-ML'
): BenchmarkModel[] {
  const kinds: BenchmarkKind[] = period > 1 && y.length > 2 * period ? ['seasonal naive', 'mean'] : ['mean'];
  const fitted: BenchmarkModel[] = [];
  for (const kind of kinds) {
    try {
      fitted.push({ kind, model: fitSarima(y, benchmarkSpec(kind, period), { method }) });
    } catch (e) {
      if (!(e instanceof ModelError)) {
        throw e;
      }
    }
  }
  return fitted;
}
