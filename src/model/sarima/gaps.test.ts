import { gapLikelihood } from './gaps';
import { generalLikelihood } from './likelihood';
import { applyDifferencing, differencingCoefficients, expandSeasonal } from './polynomial';
import { armaSystem } from './stateSpace';
import { seededNormal } from './simulate';

function filledDifferences(u: number[], delta: number[]): { w: Float64Array; gaps: number[] } {
  const filled = u.map((v) => (Number.isNaN(v) ? 0 : v));
  const gaps = u.map((v, t) => (Number.isNaN(v) ? t - delta.length : -1)).filter((g) => g >= 0);
  return { w: applyDifferencing(filled, delta), gaps };
}

describe('gapLikelihood', () => {
  const normal = seededNormal(5);
  let level = 0;
  const base = Array.from({ length: 150 }, () => (level += normal()));

  it.each([
    ['d = 1, D = 1, m = 4 with scattered and adjacent gaps', 1, 1, [20, 21, 60, 149]],
    ['d = 0 (pure ARMA) with a gap', 0, 0, [10, 11, 12, 80]],
    ['d = 1 with a gap longer than the lag window', 1, 0, [40, 41, 42, 43, 44, 45, 46]],
  ])('should equal the general filter (R ARIMA_Like) for %s', (_, d, D, missing) => {
    const delta = differencingCoefficients(d as number, D as number, 4);
    const sys = armaSystem([0.5], expandSeasonal([0.3], D === 1 ? [-0.4] : [], 4, 1));
    const u = base.slice();
    (missing as number[]).forEach((i) => (u[i] = NaN));
    const { w, gaps } = filledDifferences(u, delta);
    const fast = gapLikelihood(sys, w, gaps, delta)!;
    const slow = generalLikelihood({ arma: sys, delta }, u);
    // Both are the exact likelihood of the observed values (the general filter's exact-diffuse start makes
    // them agree beyond O(1/κ)); rounding only, 1e-8 relative.
    expect(fast.nu).toBe(slow.nu);
    expect(Math.abs(fast.ssq - slow.ssq) / slow.ssq).toBeLessThan(1e-8);
    expect(Math.abs(fast.sumlog - slow.sumlog)).toBeLessThan(1e-8 * Math.abs(slow.sumlog) + 1e-8);
  });
});
