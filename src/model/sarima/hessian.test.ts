import { ConvergenceError } from '../errors';
import { invertPositiveDefinite, numericalHessian, standardErrors } from './hessian';

describe('numericalHessian', () => {
  it('should differentiate a quadratic exactly up to rounding', () => {
    const f = (x: Float64Array): number => 3 * x[0] * x[0] + 2 * x[0] * x[1] + x[1] * x[1];
    const H = numericalHessian(f, [0.3, -0.2], [1e-4, 1e-4])!;
    // Central differences are exact for quadratics; rounding of f/h² ≈ 1e-16/1e-8: 1e-6.
    [6, 2, 2, 2].forEach((v, i) => expect(H[i]).toBeCloseTo(v, 6));
  });

  it('should return null when f is not finite near x', () => {
    const f = (x: Float64Array): number => (x[0] > 0 ? Number.POSITIVE_INFINITY : x[0] * x[0]);
    expect(numericalHessian(f, [0], [1e-3])).toBeNull();
  });
});

describe('invertPositiveDefinite', () => {
  it('should invert a positive definite matrix and reject an indefinite one', () => {
    const inv = invertPositiveDefinite(Float64Array.from([4, 2, 2, 3]), 2)!;
    // inverse of [[4,2],[2,3]] is [[3,-2],[-2,4]]/8; rounding only, 1e-14.
    [0.375, -0.25, -0.25, 0.5].forEach((v, i) => expect(inv[i]).toBeCloseTo(v, 14));
    expect(invertPositiveDefinite(Float64Array.from([1, 2, 2, 1]), 2)).toBeNull();
  });
});

describe('standardErrors', () => {
  it('should give sqrt of the inverse Hessian diagonal', () => {
    const f = (x: Float64Array): number => 0.5 * (4 * x[0] * x[0] + x[1] * x[1]);
    const se = standardErrors(Float64Array.from([0, 0]), [1, 1], f, 'test');
    // Exact quadratic, so only rounding: 1e-6.
    expect(se[0]).toBeCloseTo(0.5, 6);
    expect(se[1]).toBeCloseTo(1, 6);
  });

  it('should throw ConvergenceError at a saddle point (documented: no NaN standard errors)', () => {
    const saddle = (x: Float64Array): number => x[0] * x[0] - x[1] * x[1];
    expect(() => standardErrors(Float64Array.from([0, 0]), [1, 1], saddle, 'SARIMA(1,0,1)')).toThrow(ConvergenceError);
    expect(() => standardErrors(Float64Array.from([0, 0]), [1, 1], saddle, 'SARIMA(1,0,1)')).toThrow(
      /not positive definite/
    );
  });
});
