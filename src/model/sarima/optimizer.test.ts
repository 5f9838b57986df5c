import { bfgs, nelderMead, numericalGradient } from './optimizer';

const rosenbrock = (x: Float64Array): number => 100 * (x[1] - x[0] * x[0]) ** 2 + (1 - x[0]) ** 2;

describe('bfgs', () => {
  it('should minimise the Rosenbrock function from (−1.2, 1)', () => {
    const res = bfgs(rosenbrock, [-1.2, 1], { maxIterations: 500, reltol: 1e-12 });
    expect(res.converged).toBe(true);
    // Minimum at (1, 1); the relative-change stop at 1e-12 leaves ~1e-4 in this curved valley.
    expect(res.x[0]).toBeCloseTo(1, 3);
    expect(res.x[1]).toBeCloseTo(1, 3);
  });

  it('should report non-convergence when the iteration cap is hit', () => {
    const res = bfgs(rosenbrock, [-1.2, 1], { maxIterations: 3, reltol: 1e-12 });
    expect(res.converged).toBe(false);
    expect(res.iterations).toBe(3);
  });

  it('should back off from infeasible (+Infinity) points', () => {
    // Minimum of (x − 2)² restricted to x < 1.5 lies on the boundary; f = +∞ beyond it.
    const f = (x: Float64Array): number => (x[0] >= 1.5 ? Number.POSITIVE_INFINITY : (x[0] - 2) ** 2);
    const res = bfgs(f, [0], { maxIterations: 200, reltol: 1e-10 });
    expect(Number.isFinite(res.value)).toBe(true);
    expect(res.x[0]).toBeLessThan(1.5);
    expect(res.x[0]).toBeGreaterThan(1.4);
  });

  it('should not start from an infeasible point', () => {
    const res = bfgs(() => Number.NaN, [0, 0], { maxIterations: 10, reltol: 1e-8 });
    expect(res.converged).toBe(false);
  });
});

describe('nelderMead', () => {
  it('should minimise a shifted quadratic', () => {
    const f = (x: Float64Array): number => (x[0] - 3) ** 2 + 2 * (x[1] + 1) ** 2;
    const res = nelderMead(f, [0, 0], { maxIterations: 2000, reltol: 1e-14 });
    expect(res.converged).toBe(true);
    // Simplex spread 1e-14 in f means ~1e-7 in x.
    expect(res.x[0]).toBeCloseTo(3, 5);
    expect(res.x[1]).toBeCloseTo(-1, 5);
  });

  it('should report non-convergence when the iteration cap is hit', () => {
    expect(nelderMead(rosenbrock, [-1.2, 1], { maxIterations: 5, reltol: 1e-14 }).converged).toBe(false);
  });
});

describe('numericalGradient', () => {
  it('should use one-sided differences next to an infeasible region', () => {
    const f = (x: Float64Array): number => (x[0] > 1 ? Number.POSITIVE_INFINITY : x[0] * x[0]);
    const g = new Float64Array(1);
    numericalGradient(f, Float64Array.from([1]), 1, g);
    // Backward difference of x² at 1 with h = 1e-6: 2 − h, so 1e-5.
    expect(g[0]).toBeCloseTo(2, 5);
  });
});
