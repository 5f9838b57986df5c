/** Hourly helpers shared by the alert-rule tests (`hygiene.test.ts`, `holdOffFade.test.ts`). */
import { HOUR_MS } from '../timeUnits';

/** Times of `n` hourly slots from 0. */
export function hours(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i * HOUR_MS);
}

/** Slot indices (hours, on an hourly grid) where an alert was raised. */
export function alertHours(out: ArrayLike<number>): number[] {
  return Array.from(out).flatMap((level, h) => (level > 0 ? [h] : []));
}
