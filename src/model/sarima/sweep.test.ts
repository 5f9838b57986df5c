/**
 * Robustness sweep: many seeded random SARIMA series (sweepCases.ts) plus hostile inputs. Asserts that the
 * engine never fails silently: a fit either yields finite numbers and finite, ordered forecast intervals,
 * or throws a named ModelError subclass.
 */

import { ModelError } from '../errors';
import { SarimaSpec } from '../types';
import { fitSarima, SarimaModel } from './fit';
import { forecastSarima } from './forecast';
import { simulateSarima } from './simulate';
import { sweepCases } from './sweepCases';

const SWEEP_SIZE = 120;
/** Over-parameterised fits are ~5× slower; a subset keeps the file within ~30 s on a loaded 2-core machine. */
const OVER_PARAMETERISED_SIZE = 60;
const SWEEP_SEED = 20240615;
const HORIZON = 24;

type Outcome = { kind: 'fit'; model: SarimaModel } | { kind: 'error'; error: ModelError };

/** Fits and returns the model or the ModelError; any other exception fails the test. */
function attempt(y: ArrayLike<number>, spec: SarimaSpec): Outcome {
  try {
    return { kind: 'fit', model: fitSarima(y, spec) };
  } catch (error) {
    if (error instanceof ModelError) {
      expect(error.message.length).toBeGreaterThan(0);
      return { kind: 'error', error };
    }
    throw error;
  }
}

const isFiniteNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

/** Lists every non-finite or out-of-order number of a fit and its forecast; [] when sound. */
function problemsOf(model: SarimaModel): string[] {
  const problems: string[] = [];
  const c = model.coefficients;
  const s = model.standardErrors;
  const coefficients = [...c.ar, ...c.ma, ...c.sar, ...c.sma, c.intercept, ...c.xreg];
  const errors = [...s.ar, ...s.ma, ...s.sar, ...s.sma, s.intercept, ...s.xreg];
  if (!coefficients.every(isFiniteNumber)) {
    problems.push(`coefficients ${JSON.stringify(c)}`);
  }
  if (!errors.every((v) => isFiniteNumber(v) && v >= 0)) {
    problems.push(`standard errors ${JSON.stringify(s)}`);
  }
  for (const key of ['sigma2', 'loglik', 'aic', 'aicc', 'bic'] as const) {
    if (!isFiniteNumber(model[key])) {
      problems.push(`${key} = ${model[key]}`);
    }
  }
  if (!(model.sigma2 > 0)) {
    problems.push(`sigma2 = ${model.sigma2}`);
  }
  if (model.converged !== true) {
    problems.push(`converged = ${String(model.converged)}`);
  }
  const forecast = forecastSarima(model, model.state, HORIZON, [80, 95, 99]);
  const [i80, i95, i99] = forecast.intervals;
  for (let k = 0; k < HORIZON; k++) {
    const row = [i99.lower[k], i95.lower[k], i80.lower[k], forecast.mean[k], i80.upper[k], i95.upper[k], i99.upper[k]];
    if (!row.every(isFiniteNumber) || !(forecast.se[k] > 0)) {
      problems.push(`forecast step ${k}: ${row.join(', ')}, se ${forecast.se[k]}`);
      break;
    }
    // Strictly nested: se > 0 makes every gap positive.
    if (!row.every((v, j) => j === 0 || v > row[j - 1])) {
      problems.push(`intervals out of order at step ${k}: ${row.join(', ')}`);
      break;
    }
  }
  return problems;
}

describe('fitSarima sweep', () => {
  const cases = sweepCases(SWEEP_SIZE, SWEEP_SEED);

  it('should include at least 100 series, a third of them hourly with m = 24', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
    expect(cases.filter((c) => c.spec.seasonal.period === 24).length).toBeGreaterThanOrEqual(SWEEP_SIZE / 3);
  });

  it('should never fail silently and converge on at least 95 % of correctly specified models', () => {
    const failures: string[] = [];
    const errors: string[] = [];
    for (const c of cases) {
      const outcome = attempt(c.y, c.spec);
      if (outcome.kind === 'error') {
        errors.push(`${c.name}: ${outcome.error.name}: ${outcome.error.message}`);
        continue;
      }
      const problems = problemsOf(outcome.model);
      if (problems.length > 0) {
        failures.push(`${c.name}: ${problems.join('; ')}`);
      }
    }
    expect(failures).toEqual([]);
    // 95 %: every case is the true model with roots bounded away from the unit circle (partial
    // autocorrelations within ±0.8) and ≥ 10 seasons or 150 points, so the maximum is interior (none of
    // the 120 failed when written); near-cancelling AR/MA pairs may still make an optimiser give up,
    // which is allowed as a named error but must stay rare.
    expect(errors.length).toBeLessThanOrEqual(Math.floor(cases.length * 0.05));
  });

  it('should never fail silently and fit at least 90 % of over-parameterised models', () => {
    const failures: string[] = [];
    let errors = 0;
    const subset = cases.slice(0, OVER_PARAMETERISED_SIZE);
    for (const c of subset) {
      const outcome = attempt(c.y, overParameterised(c.spec));
      if (outcome.kind === 'error') {
        errors++;
        continue;
      }
      const problems = problemsOf(outcome.model);
      if (problems.length > 0) {
        failures.push(`${c.name}: ${problems.join('; ')}`);
      }
    }
    expect(failures).toEqual([]);
    // 90 %: one extra AR and MA term (and seasonal ones) makes near-cancelling roots likely, so the
    // likelihood is flat in some direction; the engine then throws ConvergenceError (singular Hessian)
    // where R returns NaN standard errors. About 3.5 % did so on a 200-series probe; 10 % flags a change.
    expect(errors).toBeLessThanOrEqual(Math.floor(subset.length * 0.1));
  });
});

/** The spec with one more AR and MA order (at most 3) and, when seasonal, P ≥ 1 and Q = 1. */
function overParameterised(spec: SarimaSpec): SarimaSpec {
  const { order, seasonal } = spec;
  return {
    ...spec,
    order: { ...order, p: Math.min(order.p + 1, 3), q: Math.min(order.q + 1, 3) },
    seasonal: seasonal.period > 1 ? { ...seasonal, P: Math.max(seasonal.P, 1), Q: 1 } : seasonal,
  };
}

describe('fitSarima on hostile inputs', () => {
  const airline: SarimaSpec = { order: { p: 0, d: 1, q: 1 }, seasonal: { P: 0, D: 1, Q: 1, period: 24 } };
  const hourly = simulateSarima(airline, { ar: [], ma: [-0.4], sar: [], sma: [-0.6], intercept: 0, xreg: [] }, 336, {
    seed: 11,
  }).map((v) => v + 500);

  // [label, series, spec, the error it must throw (null: a sound fit or any ModelError)]
  const hostile: Array<[string, number[], SarimaSpec, string | null]> = [
    ['a constant series', new Array(336).fill(42), airline, 'ConstantSeriesError'],
    [
      'a series constant after seasonal differencing',
      hourly.slice(0, 24).concat(...new Array(13).fill(hourly.slice(0, 24))),
      airline,
      'ConstantSeriesError',
    ],
    ['a linear ramp', Array.from({ length: 336 }, (_, t) => 3 * t), airline, 'ConstantSeriesError'],
    ['a series of only NaN', new Array(336).fill(NaN), airline, 'InvalidSeriesError'],
    ['Infinity inside', hourly.map((v, t) => (t === 100 ? Infinity : v)), airline, 'InvalidSeriesError'],
    ['too short a series (issue-3 hostile input)', hourly.slice(0, 30), airline, 'InsufficientDataError'],
    [
      'a series with 90 % missing (issue-3 hostile input)',
      hourly.map((v, t) => (t % 10 === 0 ? v : NaN)),
      airline,
      'InsufficientDataError',
    ],
    [
      'a long series with 90 % missing and no complete difference (issue-3 hostile input)',
      hourly.concat(hourly, hourly).map((v, t) => (t % 10 === 0 ? v : NaN)),
      airline,
      'InsufficientDataError',
    ],
    ['a large level with tiny noise', hourly.map((v) => 1e9 + v * 1e-3), airline, null],
    ['a tiny scale', hourly.map((v) => v * 1e-9), airline, null],
    ['one huge spike', hourly.map((v, t) => (t === 200 ? v + 1e6 : v)), airline, null],
    ['a step change', hourly.map((v, t) => (t >= 168 ? v + 1000 : v)), airline, null],
    ['an integer-valued counter', hourly.map((v) => Math.round(v / 50)), airline, null],
    [
      'an over-parameterised model',
      hourly,
      { order: { p: 2, d: 1, q: 2 }, seasonal: { P: 2, D: 1, Q: 1, period: 24 } },
      null,
    ],
    [
      'pseudo-random noise with a high order',
      hourly.map((_, t) => (Math.sin(t * 12.9898) * 43758.5453) % 1),
      { order: { p: 3, d: 0, q: 3 }, seasonal: { P: 0, D: 0, Q: 0, period: 1 } },
      null,
    ],
  ];

  it.each(hostile)('should fit soundly or throw a ModelError on %s', (_name, y, spec, expectedError) => {
    const outcome = attempt(y, spec);
    if (expectedError !== null) {
      expect(outcome.kind === 'error' ? outcome.error.name : 'a fit').toBe(expectedError);
    } else if (outcome.kind === 'fit') {
      expect(problemsOf(outcome.model)).toEqual([]);
    }
  });
});
