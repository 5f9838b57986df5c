import { parseMatrix } from './upstream';

const matrix = (values: unknown[]) => ({ data: { resultType: 'matrix', result: [{ metric: { job: 'a' }, values }] } });

describe('parseMatrix', () => {
  it('should keep +Inf, -Inf and NaN samples as numbers for prepareSeries to report as missing', () => {
    const [series] = parseMatrix(
      matrix([
        [1, '1.5e+09'],
        [2, '+Inf'],
        [3, '-Inf'],
        [4, 'NaN'],
      ]),
      10
    );
    expect(series.values).toEqual([1.5e9, Infinity, -Infinity, NaN]);
    expect(series.timesMs).toEqual([1000, 2000, 3000, 4000]);
  });

  it('should reject a sample value that is no number, naming it', () => {
    expect(() => parseMatrix(matrix([[1, 'abc']]), 10)).toThrow(
      'result[0] has a sample value that is no number [1,"abc"]'
    );
  });
});
