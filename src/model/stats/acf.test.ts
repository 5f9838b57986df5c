import reference from '../../../tests/fixtures/model/unitRoot.json';
import { autocorrelation } from './acf';

describe('autocorrelation', () => {
  it('should match R stats::acf', () => {
    const r = autocorrelation(reference.acf.x, 10);
    // Same formula; 1e-12 absolute allows for summation order only.
    r.forEach((v, k) => expect(v).toBeCloseTo(reference.acf.values[k], 12));
    expect(r).toHaveLength(11);
  });

  it('should cap the lag at n − 1 and return zeros for a constant series', () => {
    expect(autocorrelation([2, 2, 2], 5)).toEqual([1, 0, 0]);
  });
});
