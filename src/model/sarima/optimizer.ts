/**
 * Unconstrained minimisers for the likelihood: BFGS with a central-difference gradient and backtracking
 * line search (the variable-metric method of R `optim(method = "BFGS")`, Nash 1990 "Compact Numerical
 * Methods", Algorithm 21), and Nelder–Mead (Nelder & Mead 1965) as a derivative-free fallback.
 * Objectives may return +Infinity (or NaN) for infeasible points; both methods back off from them.
 */

/** Outcome of a minimisation. */
export interface MinimizeResult {
  x: Float64Array;
  value: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

/** Options shared by the minimisers. */
export interface MinimizeOptions {
  maxIterations: number;
  /** Stop when an accepted step lowers f by less than reltol·(|f| + reltol) (R `optim` reltol). */
  reltol: number;
}

type Objective = (x: Float64Array) => number;

function safe(f: Objective, x: Float64Array): number {
  const v = f(x);
  return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
}

/**
 * Central-difference gradient with steps h·max(|xᵢ|, 0.1)… clipped so that (almost) every evaluation stays
 * feasible; falls back to a one-sided difference when one side is infeasible. Returns the evaluation count.
 */
export function numericalGradient(f: Objective, x: Float64Array, fx: number, grad: Float64Array): number {
  let evals = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i];
    const h = 1e-6 * Math.max(Math.abs(xi), 0.1);
    x[i] = xi + h;
    const fp = safe(f, x);
    x[i] = xi - h;
    const fm = safe(f, x);
    x[i] = xi;
    evals += 2;
    if (Number.isFinite(fp) && Number.isFinite(fm)) {
      grad[i] = (fp - fm) / (2 * h);
    } else if (Number.isFinite(fp)) {
      grad[i] = (fp - fx) / h;
    } else if (Number.isFinite(fm)) {
      grad[i] = (fx - fm) / h;
    } else {
      grad[i] = 0;
    }
  }
  return evals;
}

/**
 * BFGS minimisation (inverse-Hessian update) from x0. Converges when an accepted step gives a relative
 * decrease below `reltol`, or when even a step along the steepest descent direction cannot lower f.
 * Over 60 lines because the iteration, its line search and the restart logic share their state.
 */
// eslint-disable-next-line max-lines-per-function -- BFGS as in Nocedal & Wright (2006) Alg. 6.1 with its line search, one loop
export function bfgs(f: Objective, x0: ArrayLike<number>, options: MinimizeOptions): MinimizeResult {
  const n = x0.length;
  const x = Float64Array.from(x0);
  let fx = safe(f, x);
  let evaluations = 1;
  if (n === 0 || !Number.isFinite(fx)) {
    return { x, value: fx, iterations: 0, evaluations, converged: n === 0 && Number.isFinite(fx) };
  }
  const g = new Float64Array(n);
  const gNew = new Float64Array(n);
  const d = new Float64Array(n);
  const xNew = new Float64Array(n);
  const s = new Float64Array(n);
  const yv = new Float64Array(n);
  const hy = new Float64Array(n);
  const B = new Float64Array(n * n);
  const resetB = (): void => {
    B.fill(0);
    for (let i = 0; i < n; i++) {
      B[i * n + i] = 1;
    }
  };
  resetB();
  let justReset = true;
  evaluations += numericalGradient(f, x, fx, g);
  for (let iter = 1; iter <= options.maxIterations; iter++) {
    let slope = 0;
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let j = 0; j < n; j++) {
        v -= B[i * n + j] * g[j];
      }
      d[i] = v;
      slope += v * g[i];
    }
    if (!(slope < 0)) {
      if (justReset) {
        return { x, value: fx, iterations: iter, evaluations, converged: true };
      }
      resetB();
      justReset = true;
      continue;
    }
    // Backtracking (Armijo) line search, step reduction 0.2 as Nash's algorithm.
    let step = 1;
    let accepted = false;
    let fNew = fx;
    for (;;) {
      let changed = false;
      for (let i = 0; i < n; i++) {
        xNew[i] = x[i] + step * d[i];
        if (xNew[i] !== x[i]) {
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
      fNew = safe(f, xNew);
      evaluations++;
      if (Number.isFinite(fNew) && fNew <= fx + 1e-4 * step * slope) {
        accepted = true;
        break;
      }
      step *= 0.2;
    }
    if (!accepted) {
      if (justReset) {
        return { x, value: fx, iterations: iter, evaluations, converged: true };
      }
      resetB();
      justReset = true;
      continue;
    }
    const decrease = fx - fNew;
    evaluations += numericalGradient(f, xNew, fNew, gNew);
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i] - x[i];
      yv[i] = gNew[i] - g[i];
    }
    x.set(xNew);
    g.set(gNew);
    fx = fNew;
    if (decrease <= options.reltol * (Math.abs(fx) + options.reltol)) {
      return { x, value: fx, iterations: iter, evaluations, converged: true };
    }
    updateInverseHessian(B, s, yv, hy, n);
    justReset = false;
  }
  return { x, value: fx, iterations: options.maxIterations, evaluations, converged: false };
}

function updateInverseHessian(B: Float64Array, s: Float64Array, y: Float64Array, hy: Float64Array, n: number): void {
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sy += s[i] * y[i];
  }
  if (!(sy > 0)) {
    return;
  }
  let yhy = 0;
  for (let i = 0; i < n; i++) {
    let v = 0;
    for (let j = 0; j < n; j++) {
      v += B[i * n + j] * y[j];
    }
    hy[i] = v;
    yhy += y[i] * v;
  }
  const c1 = (1 + yhy / sy) / sy;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      B[i * n + j] += c1 * s[i] * s[j] - (hy[i] * s[j] + s[i] * hy[j]) / sy;
    }
  }
}

/**
 * Nelder–Mead simplex minimisation (reflection 1, expansion 2, contraction 0.5, shrink 0.5) with an
 * initial simplex of steps 0.1·max(|xᵢ|, 1). Converges when the spread of f over the simplex is below
 * reltol·(|f_best| + reltol), as R `optim(method = "Nelder-Mead")`. Over 60 lines because the four
 * simplex moves act on shared state.
 */
// eslint-disable-next-line max-lines-per-function -- Nelder–Mead as in R optim (Nelder & Mead 1965): one loop over the simplex moves
export function nelderMead(f: Objective, x0: ArrayLike<number>, options: MinimizeOptions): MinimizeResult {
  const n = x0.length;
  const pts: Float64Array[] = [];
  const vals: number[] = [];
  let evaluations = 0;
  const evalAt = (p: Float64Array): number => {
    evaluations++;
    return safe(f, p);
  };
  for (let k = 0; k <= n; k++) {
    const p = Float64Array.from(x0);
    if (k > 0) {
      p[k - 1] += 0.1 * Math.max(Math.abs(p[k - 1]), 1);
    }
    pts.push(p);
    vals.push(evalAt(p));
  }
  const centroid = new Float64Array(n);
  const trial = (coef: number, worst: Float64Array): Float64Array => {
    const p = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      p[i] = centroid[i] + coef * (worst[i] - centroid[i]);
    }
    return p;
  };
  for (let iter = 1; iter <= options.maxIterations; iter++) {
    const order = vals.map((_, i) => i).sort((i, j) => vals[i] - vals[j]);
    const sortedPts = order.map((i) => pts[i]);
    const sortedVals = order.map((i) => vals[i]);
    pts.splice(0, pts.length, ...sortedPts);
    vals.splice(0, vals.length, ...sortedVals);
    const best = vals[0];
    const worstVal = vals[n];
    if (Number.isFinite(worstVal) && worstVal - best <= options.reltol * (Math.abs(best) + options.reltol)) {
      return { x: pts[0], value: best, iterations: iter, evaluations, converged: true };
    }
    centroid.fill(0);
    for (let k = 0; k < n; k++) {
      for (let i = 0; i < n; i++) {
        centroid[i] += pts[k][i] / n;
      }
    }
    const reflected = trial(-1, pts[n]);
    const fr = evalAt(reflected);
    if (fr < vals[0]) {
      const expanded = trial(-2, pts[n]);
      const fe = evalAt(expanded);
      if (fe < fr) {
        pts[n] = expanded;
        vals[n] = fe;
      } else {
        pts[n] = reflected;
        vals[n] = fr;
      }
    } else if (fr < vals[n - 1]) {
      pts[n] = reflected;
      vals[n] = fr;
    } else {
      const contracted = fr < vals[n] ? trial(-0.5, pts[n]) : trial(0.5, pts[n]);
      const fc = evalAt(contracted);
      if (fc < Math.min(fr, vals[n])) {
        pts[n] = contracted;
        vals[n] = fc;
      } else {
        for (let k = 1; k <= n; k++) {
          for (let i = 0; i < n; i++) {
            pts[k][i] = pts[0][i] + 0.5 * (pts[k][i] - pts[0][i]);
          }
          vals[k] = evalAt(pts[k]);
        }
      }
    }
  }
  let bestIdx = 0;
  for (let k = 1; k <= n; k++) {
    if (vals[k] < vals[bestIdx]) {
      bestIdx = k;
    }
  }
  return { x: pts[bestIdx], value: vals[bestIdx], iterations: options.maxIterations, evaluations, converged: false };
}
