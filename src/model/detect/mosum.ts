/**
 * Multiscale moving-sum (MOSUM) statistic of standardized one-step errors, for deviations that no single error
 * shows clearly: a model's one-step prediction follows a drift, but its errors keep the same sign; a short
 * anomaly may give two or three large errors in a row, none of them past the point test on its own.
 * Under the null the innovations are independent with unit scale, so |Σ of the last k| / √k is again a
 * unit-scale statistic for every k (Bauer & Hackl, "The use of MOSUMS for quality control", Technometrics 20,
 * 1978); scanning several k at once is the multiscale MOSUM of Cho & Kirch, "Two-stage data segmentation
 * permitting multiscale change points, heavy tails and dependence", AISM 74, 2022.
 * Each error is clipped first, so that a single spike (the point test's business) cannot make a run.
 */

/** Running window of clipped errors; plain data. */
export interface Mosum {
  length: number;
  clip: number;
  window: number[];
}

/** An empty MOSUM over runs of 2 to `length` errors (less than 2 = disabled), each clipped to ±clip. */
export function createMosum(length: number, clip: number): Mosum {
  return { length, clip, window: [] };
}

/**
 * Add one error (NaN counts as 0) and return the largest |sum of the last k clipped errors| / √k over
 * k = 2 … `length` (as far as errors have been seen); 0 before the second error and always when disabled.
 * With `clip` at most the caller's threshold, one error alone never reaches it (clip / √k < threshold).
 */
export function pushMosum(m: Mosum, z: number): number {
  if (m.length < 2) {
    return 0;
  }
  m.window.push(Number.isFinite(z) ? Math.max(-m.clip, Math.min(m.clip, z)) : 0);
  if (m.window.length > m.length) {
    m.window.shift();
  }
  let sum = 0;
  let best = 0;
  for (let k = 1; k <= m.window.length; k++) {
    sum += m.window[m.window.length - k];
    if (k >= 2) {
      best = Math.max(best, Math.abs(sum) / Math.sqrt(k));
    }
  }
  return best;
}
