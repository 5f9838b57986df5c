/**
 * Box-Cox transforms (Box & Cox, J. Royal Statistical Society B 26, 1964) as R `forecast::BoxCox`,
 * `InvBoxCox` (with the `biasadj` mean correction) and `BoxCox.lambda(method = "guerrero")` (Guerrero,
 * J. Forecasting 12, 1993): λ minimises the coefficient of variation of sd/mean^(1−λ) over seasonal blocks.
 */
import { InvalidSeriesError } from './errors';

/** w = log y when λ = 0, else (sign(y)|y|^λ − 1)/λ; NaN stays NaN (R `BoxCox`, negative y NaN when λ < 0). */
export function boxCox(y: ArrayLike<number>, lambda: number): number[] {
  return Array.from(y, (v) => {
    if (lambda === 0) {
      return v > 0 ? Math.log(v) : v === 0 ? -Infinity : NaN;
    }
    if (lambda < 0 && v < 0) {
      return NaN;
    }
    return (Math.sign(v) * Math.abs(v) ** lambda - 1) / lambda;
  });
}

/**
 * Inverse of {@link boxCox} (R `InvBoxCox`). With `variance` (the forecast variance on the transformed scale)
 * returns the bias-adjusted mean of R's `biasadj = TRUE`: y · (1 + ½σ²(1 − λ)/y^(2λ)), a second-order
 * approximation of E[y] instead of the median. A transformed value beyond the range of the inverse
 * (w < −1/λ for λ > 0) maps to 0, the bottom of the original scale.
 */
export function invBoxCox(w: number, lambda: number, variance?: number): number {
  let y: number;
  if (lambda === 0) {
    y = Math.exp(w);
  } else {
    const base = w * lambda + 1;
    y = base <= 0 ? (lambda > 0 ? 0 : NaN) : base ** (1 / lambda);
  }
  if (variance !== undefined && y > 0) {
    y *= 1 + (0.5 * variance * (1 - lambda)) / y ** (2 * lambda);
  }
  return y;
}

/**
 * λ by Guerrero's method, as R `BoxCox.lambda(x, method = "guerrero", lower, upper)`: the series is cut into
 * whole blocks of `period` (at least 2) values from the end, and λ in [lower, upper] minimises the coefficient of
 * variation of sd_b / mean_b^(1−λ) over the blocks, by golden-section search (R uses `optimize`; tolerance
 * 1e-4 in λ here). As R, the lower bound is raised to 0 when some value is ≤ 0, and λ = 1 when the data
 * holds two blocks or fewer.
 * @throws InvalidSeriesError when a value is negative (no Box-Cox transform keeps the ordering then)
 */
export function guerreroLambda(y: ArrayLike<number>, period: number, lower = -1, upper = 2): number {
  const values = Array.from(y);
  if (values.some((v) => v < 0)) {
    throw new InvalidSeriesError('Box-Cox needs non-negative values; the series has negative ones');
  }
  const m = Math.max(2, Math.round(period));
  const blocks = Math.floor(values.length / m);
  if (blocks <= 2) {
    return 1;
  }
  const lo = values.some((v) => v <= 0) ? Math.max(lower, 0) : lower;
  const stats = blockStats(values.slice(values.length - blocks * m), m);
  const cv = (lam: number) => coefficientOfVariation(stats.map((b) => b.sd / b.mean ** (1 - lam)));
  return goldenSection(cv, lo, upper, 1e-4);
}

function blockStats(x: number[], m: number): Array<{ mean: number; sd: number }> {
  const out: Array<{ mean: number; sd: number }> = [];
  for (let start = 0; start < x.length; start += m) {
    const block = x.slice(start, start + m).filter(Number.isFinite);
    if (block.length < 2) {
      continue;
    }
    const mean = block.reduce((a, b) => a + b, 0) / block.length;
    const sd = Math.sqrt(block.reduce((a, b) => a + (b - mean) ** 2, 0) / (block.length - 1));
    out.push({ mean, sd });
  }
  return out;
}

/** sd/mean of the finite ratios (R `sd(x.rat, na.rm = TRUE) / mean(x.rat, na.rm = TRUE)`). */
function coefficientOfVariation(ratios: number[]): number {
  const x = ratios.filter(Number.isFinite);
  if (x.length < 2) {
    return Infinity;
  }
  const mean = x.reduce((a, b) => a + b, 0) / x.length;
  const sd = Math.sqrt(x.reduce((a, b) => a + (b - mean) ** 2, 0) / (x.length - 1));
  return sd / mean;
}

function goldenSection(f: (x: number) => number, a: number, b: number, tol: number): number {
  const ratio = (Math.sqrt(5) - 1) / 2;
  let c = b - ratio * (b - a);
  let d = a + ratio * (b - a);
  let fc = f(c);
  let fd = f(d);
  while (b - a > tol) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - ratio * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + ratio * (b - a);
      fd = f(d);
    }
  }
  return (a + b) / 2;
}
