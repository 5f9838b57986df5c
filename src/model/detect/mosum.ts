/**
 * Moving-sum (MOSUM) statistic of standardized one-step errors, for deviations too gradual for any single
 * error to stand out: a model's one-step prediction follows a drift, but its errors keep the same sign.
 * Under the null the innovations are independent with unit scale, so |Σ of the last n| / √n is again a
 * unit-scale statistic (Bauer & Hackl, "The use of MOSUMS for quality control", Technometrics 20, 1978).
 * Each error is clipped first, so that a single spike (the point test's business) cannot make a run.
 */

/** Running window of clipped errors; plain data. */
export interface Mosum {
  length: number;
  clip: number;
  window: number[];
  sum: number;
}

/** An empty MOSUM over `length` errors (0 = disabled), each clipped to ±clip. */
export function createMosum(length: number, clip: number): Mosum {
  return { length, clip, window: [], sum: 0 };
}

/**
 * Add one error (NaN counts as 0) and return |sum of the last `length` clipped errors| / √length, or 0 while
 * fewer than `length` errors have been seen (and always when disabled).
 */
export function pushMosum(m: Mosum, z: number): number {
  if (m.length <= 0) {
    return 0;
  }
  const clipped = Number.isFinite(z) ? Math.max(-m.clip, Math.min(m.clip, z)) : 0;
  m.window.push(clipped);
  m.sum += clipped;
  if (m.window.length > m.length) {
    m.sum -= m.window.shift() ?? 0;
  }
  return m.window.length < m.length ? 0 : Math.abs(m.sum) / Math.sqrt(m.length);
}
