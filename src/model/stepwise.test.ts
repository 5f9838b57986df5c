import { SearchLimits, SearchOrder, stepwiseSearch } from './stepwise';

const LIMITS: SearchLimits = {
  maxP: 5,
  maxQ: 5,
  maxSP: 2,
  maxSQ: 2,
  maxOrder: 5,
  maxFits: 94,
  seasonal: true,
  allowConstant: true,
};

const key = (o: SearchOrder) => `${o.p}${o.q}${o.P}${o.Q}${o.constant ? 'c' : ''}`;

describe('stepwiseSearch', () => {
  it('should start from R auto.arima start models in order', () => {
    const tried: string[] = [];
    stepwiseSearch({ ...LIMITS, maxFits: 5 }, (o) => {
      tried.push(key(o));
      return 100;
    });
    expect(tried).toEqual(['2211c', '0000c', '1010c', '0101c', '0000']);
  });

  it('should walk to the minimum of a bowl-shaped criterion', () => {
    const target = { p: 3, q: 1, P: 0, Q: 1 };
    const best = stepwiseSearch(
      LIMITS,
      (o) =>
        Math.abs(o.p - target.p) +
        Math.abs(o.q - target.q) +
        Math.abs(o.P - target.P) +
        Math.abs(o.Q - target.Q) +
        (o.constant ? 0 : 0.5)
    );
    expect(best).toEqual({ ...target, constant: true });
  });

  it('should evaluate each order once and respect maxOrder for neighbours', () => {
    const tried: string[] = [];
    stepwiseSearch({ ...LIMITS, maxOrder: 3 }, (o) => {
      tried.push(key(o));
      return -(o.p + o.q + o.P + o.Q);
    });
    expect(new Set(tried).size).toBe(tried.length);
    // Every order move stays within p + q + P + Q ≤ 3; only the fixed first start model (and its constant
    // toggle) exceeds it.
    const tooLarge = tried.filter((k) => [...k.slice(0, 4)].reduce((s, d) => s + Number(d), 0) > 3);
    expect(tooLarge).toEqual(['2211c', '2211']);
  });

  it('should not vary seasonal orders or the constant when they are disabled', () => {
    const tried: SearchOrder[] = [];
    stepwiseSearch({ ...LIMITS, seasonal: false, allowConstant: false }, (o) => {
      tried.push(o);
      return o.p + o.q;
    });
    expect(tried.every((o) => o.P === 0 && o.Q === 0 && !o.constant)).toBe(true);
  });

  it('should return undefined when every fit fails and stop at the budget', () => {
    let calls = 0;
    expect(
      stepwiseSearch({ ...LIMITS, maxFits: 3 }, () => {
        calls++;
        return Infinity;
      })
    ).toBeUndefined();
    expect(calls).toBe(3);
  });

  // A criterion whose only improvement on the start model 0000c is a move of q and P together (0110c), which
  // the stepwise neighbourhood lacks.
  const crossOnly = (o: SearchOrder) => ({ '0000c': 1, '0110c': 0 })[key(o)] ?? 5;

  it('should stop where only a non-seasonal and seasonal move together improves, as R', () => {
    expect(key(stepwiseSearch(LIMITS, crossOnly)!)).toBe('0000c');
  });

  it('should find that move in the extra round and fit at most extraFits jumps there', () => {
    const best = stepwiseSearch({ ...LIMITS, extraFits: 8 }, crossOnly);
    expect(key(best!)).toBe('0110c');
    const flat = (o: SearchOrder) => (key(o) === '0000c' ? 1 : 5);
    const calls = (extraFits: number, maxFits = 94) => {
      let count = 0;
      stepwiseSearch({ ...LIMITS, extraFits, maxFits }, (o) => {
        count++;
        return flat(o);
      });
      return count;
    };
    const walk = calls(0);
    expect(calls(3)).toBe(walk + 3);
    // The round runs only while walk + round ≤ maxFits / 2.
    expect(calls(3, 2 * (walk + 3))).toBe(walk + 3);
    expect(calls(3, 2 * (walk + 3) - 1)).toBe(walk);
  });
});
