import rJson from '../../tests/fixtures/reference/r_results.json';
import { boxCox, guerreroLambda, invBoxCox } from './boxCox';
import { InvalidSeriesError } from './errors';

// AirPassengers (R datasets), from the log series of the reference fixtures; the counts are integers.
const airPassengers = (
  rJson as unknown as { results: Record<string, { data: Array<number | null> }> }
).results.airpassengers_log_011_011_12.data.map((v) => Math.round(Math.exp(v ?? NaN)));

describe('Box-Cox transforms as R forecast', () => {
  it('transforms and inverts (log at λ = 0)', () => {
    expect(boxCox([1, Math.E, 4], 0)).toEqual([0, 1, Math.log(4)]);
    expect(boxCox([4], 0.5)[0]).toBeCloseTo(2, 12);
    expect(invBoxCox(boxCox([7.5], 0.3)[0], 0.3)).toBeCloseTo(7.5, 12);
  });

  it('bias-adjusts the back-transformed mean as InvBoxCox(biasadj = TRUE)', () => {
    // R: InvBoxCox(c(1.5, 2), 0.3, biasadj = TRUE, fvar = c(0.2, 0.5)); InvBoxCox(1.5, 0, TRUE, fvar = 0.2).
    expect(invBoxCox(1.5, 0.3, 0.2)).toBeCloseTo(3.565472749, 8);
    expect(invBoxCox(2, 0.3, 0.5)).toBeCloseTo(5.118200649, 8);
    expect(invBoxCox(1.5, 0, 0.2)).toBeCloseTo(4.929857977, 8);
  });

  it('maps values below the range of the inverse to 0 for λ > 0', () => {
    expect(invBoxCox(-3, 0.5)).toBe(0);
  });

  it('chooses λ by Guerrero as BoxCox.lambda on AirPassengers', () => {
    expect(airPassengers.slice(0, 3)).toEqual([112, 118, 132]);
    // R: BoxCox.lambda(AirPassengers) = −0.2947156; lower = 0 gives 6.6e-5. Tolerance 2e-3: golden section to
    // 1e-4 in λ here, R's optimize to its own tolerance on a flat criterion.
    expect(guerreroLambda(airPassengers, 12)).toBeCloseTo(-0.2947156, 2);
    expect(guerreroLambda(airPassengers, 12, 0, 1)).toBeLessThan(2e-3);
  });

  it('returns 1 with two seasons or fewer and rejects negative values', () => {
    expect(guerreroLambda([1, 2, 3, 4], 2)).toBe(1);
    expect(() => guerreroLambda([1, -2, 3, 4, 5, 6, 7], 2)).toThrow(InvalidSeriesError);
  });
});
