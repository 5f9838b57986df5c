import { DIFFUSE_KAPPA, FilterSystem, initialLiveState, stepLive } from './kalman';
import { differencingCoefficients, expandSeasonal } from './polynomial';
import { armaSystem, stationaryCovariance } from './stateSpace';
import { seededNormal } from './simulate';

/**
 * Textbook dense Kalman filter on R's full ARIMA state [ARMA state; all d + m·D lags] with P₀ = Σ ⊕ κI
 * (R `makeARIMA` + `ARIMA_Like`), O(dim³) per step: the independent reference for the sparse filter.
 */
function denseFilter(sys: FilterSystem, u: number[]): Array<{ mean: number; F: number }> {
  const r = sys.arma.r;
  const nd = sys.delta.length;
  const dim = r + nd;
  const T = Array.from({ length: dim }, () => new Array<number>(dim).fill(0));
  for (let i = 0; i < r; i++) {
    T[i][0] = sys.arma.phi[i];
    if (i + 1 < r) {
      T[i][i + 1] = 1;
    }
  }
  T[r][0] = 1;
  sys.delta.forEach((d, j) => (T[r][r + j] = d));
  for (let j = 1; j < nd; j++) {
    T[r + j][r + j - 1] = 1;
  }
  const Z = new Array<number>(dim).fill(0);
  Z[0] = 1;
  sys.delta.forEach((d, j) => (Z[r + j] = d));
  const sigma = stationaryCovariance(sys.arma);
  let P = Array.from({ length: dim }, (_, i) =>
    Array.from({ length: dim }, (_, j) => (i < r && j < r ? sigma[i * r + j] : i === j ? DIFFUSE_KAPPA : 0))
  );
  let a = new Array<number>(dim).fill(0);
  const out: Array<{ mean: number; F: number }> = [];
  for (const ut of u) {
    const pz = P.map((row) => row.reduce((s, v, k) => s + v * Z[k], 0));
    const F = Z.reduce((s, z, k) => s + z * pz[k], 0);
    const mean = Z.reduce((s, z, k) => s + z * a[k], 0);
    out.push({ mean, F });
    if (!Number.isNaN(ut)) {
      a = a.map((v, k) => v + (pz[k] * (ut - mean)) / F);
      P = P.map((row, i) => row.map((v, j) => v - (pz[i] * pz[j]) / F));
    }
    a = T.map((row) => row.reduce((s, v, k) => s + v * a[k], 0));
    const TP = T.map((row) => P[0].map((_, j) => row.reduce((s, v, k) => s + v * P[k][j], 0)));
    P = TP.map((row) => T.map((trow) => row.reduce((s, v, k) => s + v * trow[k], 0)));
    for (let i = 0; i < r; i++) {
      for (let j = 0; j < r; j++) {
        P[i][j] += sys.arma.rVec[i] * sys.arma.rVec[j];
      }
    }
  }
  return out;
}

describe('stepLive', () => {
  const sys: FilterSystem = {
    arma: armaSystem([0.5], expandSeasonal([0.3], [-0.4], 4, 1)),
    delta: differencingCoefficients(1, 1, 4),
  };
  const normal = seededNormal(12);
  let level = 0;
  const base = Array.from({ length: 80 }, () => (level += normal()));

  it.each([
    ['scattered gaps', [20, 33, 34, 50]],
    ['a gap longer than the lag window', [30, 31, 32, 33, 34, 35, 36, 37]],
    ['gaps inside the first d + m·D values', [1, 3, 40]],
  ])('should match the dense full-state filter of R with %s', (_, gaps) => {
    const u = base.slice();
    (gaps as number[]).forEach((i) => (u[i] = NaN));
    const dense = denseFilter(sys, u);
    const live = initialLiveState(sys);
    u.forEach((ut, t) => {
      const pred = stepLive(sys, live, ut);
      if (dense[t].F < 1e4) {
        // Exact-diffuse start versus R's κ = 1e6: O(1/κ) relative differences, so 1e-4.
        expect(Math.abs(pred.F - dense[t].F) / dense[t].F).toBeLessThan(1e-4);
        expect(Math.abs(pred.mean - dense[t].mean)).toBeLessThan(1e-4 * Math.sqrt(dense[t].F));
      } else {
        expect(pred.F).toBeGreaterThanOrEqual(1e4);
      }
    });
    expect(live.mode).toBe('exact');
  });
});
