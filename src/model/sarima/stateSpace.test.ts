import { expandSeasonal } from './polynomial';
import { armaSystem, autocovariances, psiWeights, stationaryCovariance, stationaryFirstRow } from './stateSpace';

function lyapunovResidual(phi: number[], theta: number[]): number {
  const sys = armaSystem(phi, theta);
  const r = sys.r;
  const S = stationaryCovariance(sys);
  let worst = 0;
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < r; j++) {
      // (TΣTᵀ + RRᵀ)ᵢⱼ with T = [φ | shift]
      const at = (a: number, b: number): number => (a < r && b < r ? S[a * r + b] : 0);
      const v =
        sys.phi[i] * sys.phi[j] * at(0, 0) +
        sys.phi[i] * at(0, j + 1) +
        sys.phi[j] * at(i + 1, 0) +
        at(i + 1, j + 1) +
        sys.rVec[i] * sys.rVec[j];
      worst = Math.max(worst, Math.abs(v - S[i * r + j]));
    }
  }
  return worst;
}

describe('autocovariances', () => {
  it('should match the AR(1) closed form γ(k) = φᵏ/(1 − φ²)', () => {
    const sys = armaSystem([0.7], []);
    const g = autocovariances(sys, psiWeights(sys, 5), 4);
    // Closed form; a 2×2 solve, so rounding only: 1e-12.
    for (let k = 0; k <= 4; k++) {
      expect(g[k]).toBeCloseTo(0.7 ** k / (1 - 0.49), 12);
    }
  });

  it('should match the MA(1) closed form γ(0) = 1 + θ², γ(1) = θ, γ(2) = 0', () => {
    const sys = armaSystem([], [0.4]);
    const g = autocovariances(sys, psiWeights(sys, 3), 2);
    expect(g[0]).toBeCloseTo(1.16, 14);
    expect(g[1]).toBeCloseTo(0.4, 14);
    expect(g[2]).toBeCloseTo(0, 14);
  });
});

describe('stationaryCovariance', () => {
  it('should solve Σ = TΣTᵀ + RRᵀ for a seasonal ARMA', () => {
    const phi = expandSeasonal([0.5], [0.3], 12, -1);
    const theta = expandSeasonal([-0.4], [-0.6], 12, 1);
    // The O(r²) recursion accumulates rounding along diagonals; 1e-10 relative to γ(0) ≈ 2.
    expect(lyapunovResidual(phi, theta)).toBeLessThan(1e-10);
  });

  it('should solve it for an AR(2) close to the unit circle', () => {
    expect(lyapunovResidual([1.5, -0.56], [0.3])).toBeLessThan(1e-9);
  });

  it('should agree with its own first row', () => {
    const sys = armaSystem([0.2, 0.1], [0.5, 0.2, 0.1]);
    const s = stationaryFirstRow(sys);
    const S = stationaryCovariance(sys);
    s.forEach((v, l) => expect(S[l]).toBeCloseTo(v, 12));
  });
});
