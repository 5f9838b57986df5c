import { parseROutput } from './rAutoArima';

describe('R auto.arima peer output', () => {
  it('collects the steps of each task and reads NA as NaN', () => {
    const text = [
      '"task","step","mean","lower","upper","seconds","model"',
      '"a.csv@10",1,5,4,6,0.5,"1 0 1"',
      '"a.csv@10",2,5.5,NA,7,0.5,"1 0 1"',
      '"b.csv@3",1,1e3,900,1100,2,"0 1 1 0 1 1 24"',
    ].join('\n');
    const out = parseROutput(text);
    expect(out.get('a.csv@10')).toEqual({
      mean: [5, 5.5],
      lower: [4, NaN],
      upper: [6, 7],
      seconds: 0.5,
      model: '1 0 1',
    });
    expect(out.get('b.csv@3')?.mean).toEqual([1000]);
  });
});
