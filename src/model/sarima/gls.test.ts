import { makeGlsWork, profileMl, profileMlObjective } from './concentrated';
import { innovationGram } from './gls';
import { ols } from './ols';
import { likelihoodParts, makeProblem, mlObjective, systemFor } from './problem';
import { seededNormal } from './simulate';
import { resolveSpec } from './validate';

/** Three weeks hourly: daily and weekly shapes plus AR(1) noise. */
function series(): number[] {
  const normal = seededNormal(21);
  let noise = 0;
  return Array.from({ length: 504 }, (_, t) => {
    noise = 0.7 * noise + normal();
    return 50 + 8 * Math.sin((2 * Math.PI * t) / 24) + 4 * Math.cos((2 * Math.PI * t) / 168) + noise;
  });
}

function problem() {
  const y = series();
  const spec = resolveSpec({
    order: { p: 1, d: 0, q: 1 },
    seasonal: { P: 0, D: 0, Q: 0, period: 1 },
    includeMean: true,
    fourier: [
      { period: 24, harmonics: 3 },
      { period: 168, harmonics: 2 },
    ],
  });
  const pr = makeProblem(spec, y, y.length);
  return { pr, work: makeGlsWork(pr, ols(pr.dy, pr.dX)!.beta) };
}

describe('innovationGram', () => {
  it.each([
    [0.6, 0.3],
    [0.9, -0.5],
    [0.2, 0.97],
    [0.5, -0.995],
  ])('should give the same cross-products in closed form as summed directly at ar %p, ma %p', (ar, ma) => {
    // The closed form replaces sums of ≈ 1e-10-exact sinusoids; 1e-9 relative to the diagonal is far below
    // anything the likelihood resolves. At ma −0.995 the transient outlasts the prefix: the direct route runs.
    const { pr, work } = problem();
    const sys = systemFor(pr, [ar, ma]);
    const steady = innovationGram(sys, work.columns, work.E, work.basis);
    const direct = innovationGram(sys, work.columns, work.E, null);
    const nc = pr.k + 1;
    for (let i = 0; i < nc; i++) {
      for (let j = 0; j < nc; j++) {
        const scale = Math.sqrt(direct.G[i * nc + i] * direct.G[j * nc + j]);
        expect(Math.abs(steady.G[i * nc + j] - direct.G[i * nc + j])).toBeLessThanOrEqual(1e-9 * scale);
      }
    }
    expect(steady.sumlog).toBe(direct.sumlog);
  });
});

describe('profileMl', () => {
  it('should equal the joint likelihood at β̂ and be its maximum over β', () => {
    const { pr, work } = problem();
    const arma = [0.6, 0.3];
    const profile = profileMl(pr, work, arma)!;
    const joint = Float64Array.from([...arma, ...profile.beta]);
    const parts = likelihoodParts(pr, joint);
    // Same filter, same numbers up to summation order.
    expect(profile.parts.ssq / parts.ssq - 1).toBeCloseTo(0, 10);
    expect(profile.parts.sumlog).toBeCloseTo(parts.sumlog, 8);
    const best = mlObjective(pr, joint);
    expect(profileMlObjective(pr, work, arma)).toBeCloseTo(best, 12);
    for (let c = 2; c < joint.length; c++) {
      for (const step of [-1e-3, 1e-3]) {
        const moved = joint.slice();
        moved[c] += step;
        expect(mlObjective(pr, moved)).toBeGreaterThan(best);
      }
    }
  });
});
