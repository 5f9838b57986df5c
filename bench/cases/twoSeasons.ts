/**
 * Two seasons by Fourier terms (issue 14 item 3): ARMA(1,1) + mean + 10 Fourier pairs (daily K = 6 at period
 * 288, weekly K = 4 at period 2016) on 4,032 five-minute points, the regression coefficients concentrated out
 * of the likelihood by GLS (`src/model/sarima/gls.ts`). Target ≤ 200 ms and ≥ 10× R `stats::arima(xreg = X)`
 * (what `forecast::Arima(y, order = c(1,0,1), xreg = X)` calls) with the same columns in the same run.
 */

import { fitSarima } from '../../src/model/sarima/fit';
import { simulateSeasonal } from '../../src/model/testing/random';
import type { SarimaSpec } from '../../src/model/types';
import type { BenchCase, PeerModel } from '../types';

const WEEK_STEPS = 2016;

/** Two weeks of five-minute points: level 100, daily sine 20, AR(1) noise φ = 0.8, weekly shape of amplitude 8. */
const twoSeasons = () => ({
  y: simulateSeasonal(4032, { seed: 4, period: 288, amplitude: 20, phi: 0.8, level: 100 }).map(
    (v, t) => v + 8 * Math.cos((2 * Math.PI * t) / WEEK_STEPS) + 3 * Math.sin((4 * Math.PI * t) / WEEK_STEPS)
  ),
});

const model: PeerModel = {
  order: [1, 0, 1],
  seasonal: [0, 0, 0],
  period: 1,
  includeMean: true,
  fourier: [
    { period: 288, harmonics: 6 },
    { period: WEEK_STEPS, harmonics: 4 },
  ],
};

const spec: SarimaSpec = {
  order: { p: 1, d: 0, q: 1 },
  seasonal: { P: 0, D: 0, Q: 0, period: 1 },
  includeMean: true,
  fourier: model.fourier ?? [],
};

export const cases: BenchCase[] = [
  {
    name: 'fourier-10-pairs-gls',
    description:
      'ARMA(1,1) + mean + 10 Fourier pairs (daily 6 + weekly 4) on 4032 five-minute points: same model everywhere',
    targetMs: 200,
    reps: { full: 5, quick: 2 },
    input: twoSeasons,
    ours: (input) => `loglik ${fitSarima(input.y, spec).loglik.toFixed(3)}`,
    peers: {
      arima: { unavailable: 'not wired: would need SARIMAX exog columns' },
      r: { run: { kind: 'fit', model }, reps: 3, timeoutMs: 180_000 },
      statsmodels: {
        run: { kind: 'fit', model },
        reps: 1,
        slow: 'SARIMAX searches the 21 regression coefficients jointly with the ARMA part',
        timeoutMs: 180_000,
      },
    },
  },
];
