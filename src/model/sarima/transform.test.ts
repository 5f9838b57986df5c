import { polynomialRoots } from './roots';
import { arToPacf, invertMa, isStationary, moveUnitMaRoots, pacfToAr, transformAr, untransformAr } from './transform';

describe('transformAr', () => {
  it('should give stationary coefficients for any real input and invert exactly', () => {
    const raw = [3.2, -1.5, 0.7, -4];
    const phi = transformAr(raw);
    expect(isStationary(phi)).toBe(true);
    // Round trip through tanh/atanh and the Durbin–Levinson recursion: rounding only, 1e-9.
    untransformAr(phi)!.forEach((v, i) => expect(v).toBeCloseTo(raw[i], 9));
  });

  it('should map a single partial autocorrelation to itself (AR(1))', () => {
    expect(pacfToAr([0.6])).toEqual([0.6]);
    // AR(2) with pacf (a, b): φ₁ = a(1 − b), φ₂ = b (Durbin–Levinson); exact up to rounding, 1e-15.
    const [p1, p2] = pacfToAr([0.5, -0.3]);
    expect(p1).toBeCloseTo(0.5 * 1.3, 15);
    expect(p2).toBeCloseTo(-0.3, 15);
  });

  it('should return null for a non-stationary polynomial', () => {
    expect(untransformAr([1.2])).toBeNull();
    expect(arToPacf([0.5, 0.6])).toBeNull(); // φ₁ + φ₂ > 1
    expect(isStationary([0.5, 0.3])).toBe(true);
  });
});

describe('polynomialRoots', () => {
  it('should find the roots of a quadratic with complex roots', () => {
    // 1 + z² has roots ±i; Aberth converges to machine precision, 1e-12.
    const roots = polynomialRoots([1, 0, 1]).sort((a, b) => a.im - b.im);
    expect(roots[0].re).toBeCloseTo(0, 12);
    expect(roots[0].im).toBeCloseTo(-1, 12);
    expect(roots[1].im).toBeCloseTo(1, 12);
  });

  it('should find real roots 2, −0.5, 4', () => {
    // (z − 2)(z + 0.5)(z − 4) = z³ − 5.5z² + 5z + 4
    const roots = polynomialRoots([4, 5, -5.5, 1])
      .map((z) => z.re)
      .sort((a, b) => a - b);
    [-0.5, 2, 4].forEach((v, i) => expect(roots[i]).toBeCloseTo(v, 10));
  });
});

describe('invertMa', () => {
  it('should flip θ to 1/θ for a non-invertible MA(1) (R maInvert)', () => {
    expect(invertMa([2])).toEqual([0.5]);
    expect(invertMa([0.4])).toEqual([0.4]);
  });

  it('should flip only the roots inside the unit circle of an MA(2)', () => {
    // 1 + θ₁z + θ₂z² = (1 − z/0.5)(1 − z/4) = 1 − 2.25z + 0.5z²; flipped root 2 gives (1 − z/2)(1 − z/4).
    const out = invertMa([-2.25, 0.5, 0]);
    // Roots come from the Aberth iteration, so allow 1e-10.
    expect(out[0]).toBeCloseTo(-0.75, 10);
    expect(out[1]).toBeCloseTo(0.125, 10);
    expect(out[2]).toBe(0);
  });

  it('should leave an all-zero MA untouched', () => {
    expect(invertMa([0, 0])).toEqual([0, 0]);
  });
});

describe('moveUnitMaRoots', () => {
  const moduli = (theta: number[]): number[] =>
    polynomialRoots([1, ...theta])
      .map((z) => Math.hypot(z.re, z.im))
      .sort((a, b) => a - b);

  it('should move a root on the unit circle to the given modulus and keep the others', () => {
    // (1 − z)(1 − z/2) = 1 − 1.5z + 0.5z²
    const moved = moveUnitMaRoots([-1.5, 0.5, 0], 1.02, 1e-3);
    expect(moved).toHaveLength(3);
    expect(moved![2]).toBe(0);
    const m = moduli(moved!.slice(0, 2));
    // Root finding and the rebuild are exact to ~1e-12 for a quadratic.
    expect(m[0]).toBeCloseTo(1.02, 10);
    expect(m[1]).toBeCloseTo(2, 10);
  });

  it('should move a complex pair on the circle and keep real coefficients', () => {
    // roots ±i: 1 + z²
    const moved = moveUnitMaRoots([0, 1], 1.02, 1e-3)!;
    expect(moved[0]).toBeCloseTo(0, 12);
    expect(moved[1]).toBeCloseTo(1 / 1.02 ** 2, 12);
  });

  it('should return null when no root lies within the tolerance of the circle or the polynomial is 1', () => {
    // one root at modulus 1.0005
    expect(moveUnitMaRoots([-1 / 1.0005], 1.02, 1e-3)).not.toBeNull();
    expect(moveUnitMaRoots([-1 / 1.0005], 1.02, 1e-4)).toBeNull();
    expect(moveUnitMaRoots([0.5], 1.02, 1e-3)).toBeNull();
    expect(moveUnitMaRoots([0, 0], 1.02, 1e-3)).toBeNull();
  });
});
