import { FilterSystem } from './kalman';
import { armaLikelihood, generalLikelihood } from './likelihood';
import { applyDifferencing, differencingCoefficients, expandSeasonal } from './polynomial';
import { armaSystem } from './stateSpace';
import { seededNormal } from './simulate';

function series(n: number, seed: number): number[] {
  const normal = seededNormal(seed);
  let prev = 0;
  return Array.from({ length: n }, (_, t) => (prev = 0.6 * prev + normal() + 0.1 * t));
}

describe('armaLikelihood', () => {
  it('should equal the Riccati Kalman filter for a seasonal ARMA (Chandrasekhar recursions)', () => {
    const sys = armaSystem(expandSeasonal([0.5], [0.3], 12, -1), expandSeasonal([-0.4], [-0.6], 12, 1));
    const w = series(200, 3);
    const fast = armaLikelihood(sys, w);
    const slow = generalLikelihood({ arma: sys, delta: [] }, w);
    // Same quantities by two algebraically equal recursions; rounding only: 1e-9 relative.
    expect(fast.nu).toBe(slow.nu);
    expect(fast.ssq).toBeCloseTo(slow.ssq, 9 - Math.ceil(Math.log10(slow.ssq)));
    expect(fast.sumlog).toBeCloseTo(slow.sumlog, 9);
  });

  it('should equal the diffuse filter on the undifferenced series when d = D = 1 (R ARIMA_Like)', () => {
    const sys = armaSystem([0.4], expandSeasonal([0.3], [-0.5], 4, 1));
    const delta = differencingCoefficients(1, 1, 4);
    const y = series(120, 9);
    const fast = armaLikelihood(sys, applyDifferencing(y, delta));
    const general: FilterSystem = { arma: sys, delta };
    const slow = generalLikelihood(general, y);
    // The general filter's exact-diffuse start makes both the same ARMA likelihood; rounding only, 1e-9.
    expect(slow.nu).toBe(fast.nu);
    expect(Math.abs(slow.ssq - fast.ssq) / fast.ssq).toBeLessThan(1e-9);
    expect(Math.abs(slow.sumlog - fast.sumlog)).toBeLessThan(1e-9);
  });

  it("should stay within O(1/κ) of R's κ = 1e6 prior when a value among the first d + m·D is missing", () => {
    const sys = armaSystem([0.4], [0.3]);
    const delta = differencingCoefficients(1, 0, 1);
    const y = series(100, 4);
    const full = generalLikelihood({ arma: sys, delta }, y);
    const gap = y.slice();
    gap[0] = NaN;
    const withGap = generalLikelihood({ arma: sys, delta }, gap);
    // Without y₀ the ARMA part starts at w₂ = y₂ − y₁ with the stationary prior, so the exact-diffuse
    // answer is the ARMA likelihood of w₂…; R's κ-prior filter (used here) is within O(1/κ): 1e-4 relative.
    const exact = armaLikelihood(sys, applyDifferencing(y, delta).slice(1));
    expect(withGap.nu).toBe(full.nu - 1);
    expect(withGap.nu).toBe(exact.nu);
    expect(Math.abs(withGap.ssq - exact.ssq) / exact.ssq).toBeLessThan(1e-4);
    expect(Math.abs(withGap.sumlog - exact.sumlog)).toBeLessThan(1e-3);
  });

  it('should give nu = n and ssq = Σw² for white noise', () => {
    const sys = armaSystem([], []);
    const res = armaLikelihood(sys, [1, -2, 3]);
    expect(res).toEqual({ ssq: 14, sumlog: 0, nu: 3 });
  });
});
