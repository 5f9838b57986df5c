/**
 * Robust scale of residuals: 1.4826 · median absolute deviation from the median (Hampel 1974; R
 * `stats::mad(x, constant = 1.4826)`), which estimates σ for Gaussian residuals yet is barely moved by the
 * spikes and level shifts a detector is looking for.
 */

/** Consistency constant 1/Φ⁻¹(3/4) making the MAD estimate σ under normality (R `mad` default). */
export const MAD_TO_SIGMA = 1.4826;

function median(sorted: Float64Array): number {
  const n = sorted.length;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * 1.4826 · MAD of the finite values of `residuals` (NaN ignored), as R `mad(x, na.rm = TRUE)`.
 * When more than half the residuals are equal (MAD = 0, common for quantised metrics), falls back to
 * √(π/2) · mean absolute deviation from the median, which also estimates σ under normality.
 * Returns NaN when there are no finite values, and 0 only when all finite values are equal.
 */
export function robustScale(residuals: ArrayLike<number>): number {
  let count = 0;
  for (let i = 0; i < residuals.length; i++) {
    if (Number.isFinite(residuals[i])) {
      count++;
    }
  }
  if (count === 0) {
    return NaN;
  }
  const x = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < residuals.length; i++) {
    if (Number.isFinite(residuals[i])) {
      x[k++] = residuals[i];
    }
  }
  x.sort();
  const center = median(x);
  const dev = new Float64Array(count);
  let sumAbs = 0;
  for (let i = 0; i < count; i++) {
    dev[i] = Math.abs(x[i] - center);
    sumAbs += dev[i];
  }
  dev.sort();
  const mad = median(dev);
  if (mad > 0) {
    return MAD_TO_SIGMA * mad;
  }
  return Math.sqrt(Math.PI / 2) * (sumAbs / count);
}
