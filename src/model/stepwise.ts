/**
 * Stepwise order search of Hyndman & Khandakar, "Automatic time series forecasting: the forecast package
 * for R", J. Statistical Software 27(3), 2008, §3.2, in the variant R `forecast::auto.arima(stepwise = TRUE)`
 * implements: four start models, then neighbours of the current best in a fixed order, moving to the first
 * neighbour that improves the criterion and starting over, until none improves or the fit budget is spent.
 *
 * Beyond R (`extraFits` > 0): the stepwise neighbourhood moves p and q, or P and Q, together but never a
 * non-seasonal and a seasonal order at once, and never by 2, so the walk can stop where only such a move
 * improves. Once it stops, up to `extraFits` unvisited jumps from the best order are fitted (p ± 2, q ± 2 first,
 * then one non-seasonal ±1 together with one seasonal ±1); if one improves, the walk resumes from it. This
 * is one bounded round, not a full search (R's `stepwise = FALSE` fits every order up to `max.order`), and it
 * runs only when the walk plus the round stay within half of `maxFits`, so it never lengthens a long search.
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
  /** Unvisited jumps fitted once the walk stops (module comment) [0: R's search only]. */
  extraFits?: number;
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
    const key = orderKey(order);
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
  const walk = () => {
    let improved = best !== undefined;
    while (improved && best && seen.size < limits.maxFits) {
      improved = neighbours(best.order, limits).some(tryOrder);
    }
  };
  startOrders(limits).forEach(tryOrder);
  walk();
  const extraFits = limits.extraFits ?? 0;
  // Only after a short walk: a long one has explored widely already and each further fit costs as much again.
  if (best && seen.size + extraFits <= limits.maxFits / 2) {
    const unseen = jumps(best.order, limits).filter((order) => !seen.has(orderKey(order)));
    if (unseen.slice(0, extraFits).some(tryOrder)) {
      walk();
    }
  }
  return best?.order;
}

const orderKey = (o: SearchOrder) => `${o.p},${o.q},${o.P},${o.Q},${o.constant}`;

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
  const out = applyMoves(o, moves, limits);
  if (limits.allowConstant) {
    out.push({ ...o, constant: !o.constant });
  }
  return out;
}

/** The jumps of the extra round (module comment), in the order they are tried. */
function jumps(o: SearchOrder, limits: SearchLimits): SearchOrder[] {
  const moves: Array<[number, number, number, number]> = [
    [2, 0, 0, 0],
    [0, 2, 0, 0],
    [-2, 0, 0, 0],
    [0, -2, 0, 0],
  ];
  if (limits.seasonal) {
    for (const [dp, dq] of UNIT_MOVES) {
      for (const [dP, dQ] of UNIT_MOVES) {
        moves.push([dp, dq, dP, dQ]);
      }
    }
  }
  return applyMoves(o, moves, limits);
}

const UNIT_MOVES: Array<[number, number]> = [
  [1, 0],
  [0, 1],
  [-1, 0],
  [0, -1],
];

/** The orders `moves` lead to from `o` that lie within the limits. */
function applyMoves(o: SearchOrder, moves: Array<[number, number, number, number]>, limits: SearchLimits) {
  return moves
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
}
