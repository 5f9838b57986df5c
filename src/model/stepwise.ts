/**
 * Stepwise order search of Hyndman & Khandakar, "Automatic time series forecasting: the forecast package
 * for R", J. Statistical Software 27(3), 2008, §3.2, in the variant R `forecast::auto.arima(stepwise = TRUE)`
 * implements: four start models, then neighbours of the current best in a fixed order, moving to the first
 * neighbour that improves the criterion and starting over, until none improves or the fit budget is spent.
 */

/** Orders varied by the search (d, D and the period are fixed beforehand). */
export interface SearchOrder {
  p: number;
  q: number;
  P: number;
  Q: number;
  constant: boolean;
}

/** Bounds of the search. */
export interface SearchLimits {
  maxP: number;
  maxQ: number;
  maxSP: number;
  maxSQ: number;
  /** Bound on p + q + P + Q of every neighbour (the first start model, R's (2,2)(1,1), is exempt). */
  maxOrder: number;
  /** Maximum number of models fitted (R's `nmodels`, default 94). */
  maxFits: number;
  /** Whether a seasonal part exists (period > 1). */
  seasonal: boolean;
  /** Whether the constant (a mean when d + D = 0, a drift when d + D = 1, as R) may be toggled. */
  allowConstant: boolean;
}

/** Criterion of one order: finite AICc-like score, or Infinity when the fit failed. */
export type Evaluate = (order: SearchOrder) => number;

/**
 * Runs the stepwise search and returns the best order found (by the `evaluate` score). `evaluate` is called
 * at most once per distinct order and at most `maxFits` times in all; it records whatever it needs.
 */
export function stepwiseSearch(limits: SearchLimits, evaluate: Evaluate): SearchOrder | undefined {
  const seen = new Map<string, number>();
  let best: { order: SearchOrder; score: number } | undefined;
  const tryOrder = (order: SearchOrder): boolean => {
    const key = `${order.p},${order.q},${order.P},${order.Q},${order.constant}`;
    if (seen.has(key) || seen.size >= limits.maxFits) {
      return false;
    }
    const score = evaluate(order);
    seen.set(key, score);
    if (Number.isFinite(score) && (!best || score < best.score)) {
      best = { order, score };
      return true;
    }
    return false;
  };
  for (const order of startOrders(limits)) {
    tryOrder(order);
  }
  let improved = best !== undefined;
  while (improved && best && seen.size < limits.maxFits) {
    improved = false;
    for (const order of neighbours(best.order, limits)) {
      if (tryOrder(order)) {
        improved = true;
        break;
      }
    }
  }
  return best?.order;
}

/** R's start models: (2,2)(1,1), (0,0)(0,0), (1,0)(1,0), (0,1)(0,1), and (0,0)(0,0) without constant. */
function startOrders(limits: SearchLimits): SearchOrder[] {
  const c = limits.allowConstant;
  const seasonal = (v: number, max: number) => (limits.seasonal ? Math.min(v, max) : 0);
  const orders = [
    {
      p: Math.min(2, limits.maxP),
      q: Math.min(2, limits.maxQ),
      P: seasonal(1, limits.maxSP),
      Q: seasonal(1, limits.maxSQ),
      constant: c,
    },
    { p: 0, q: 0, P: 0, Q: 0, constant: c },
    { p: Math.min(1, limits.maxP), q: 0, P: seasonal(1, limits.maxSP), Q: 0, constant: c },
    { p: 0, q: Math.min(1, limits.maxQ), P: 0, Q: seasonal(1, limits.maxSQ), constant: c },
  ];
  if (c) {
    orders.push({ p: 0, q: 0, P: 0, Q: 0, constant: false });
  }
  return orders;
}

/** R's neighbour order: seasonal moves first, then non-seasonal, then the constant toggle. */
function neighbours(o: SearchOrder, limits: SearchLimits): SearchOrder[] {
  const moves: Array<[number, number, number, number]> = [];
  if (limits.seasonal) {
    moves.push([0, 0, -1, 0], [0, 0, 0, -1], [0, 0, 1, 0], [0, 0, 0, 1]);
    moves.push([0, 0, -1, -1], [0, 0, -1, 1], [0, 0, 1, -1], [0, 0, 1, 1]);
  }
  moves.push([-1, 0, 0, 0], [0, -1, 0, 0], [1, 0, 0, 0], [0, 1, 0, 0]);
  moves.push([-1, -1, 0, 0], [-1, 1, 0, 0], [1, -1, 0, 0], [1, 1, 0, 0]);
  const out: SearchOrder[] = moves
    .map(([dp, dq, dP, dQ]) => ({ p: o.p + dp, q: o.q + dq, P: o.P + dP, Q: o.Q + dQ, constant: o.constant }))
    .filter(
      (n) =>
        n.p >= 0 &&
        n.q >= 0 &&
        n.P >= 0 &&
        n.Q >= 0 &&
        n.p <= limits.maxP &&
        n.q <= limits.maxQ &&
        n.P <= limits.maxSP &&
        n.Q <= limits.maxSQ &&
        n.p + n.q + n.P + n.Q <= limits.maxOrder
    );
  if (limits.allowConstant) {
    out.push({ ...o, constant: !o.constant });
  }
  return out;
}
