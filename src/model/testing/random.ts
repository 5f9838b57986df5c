/** Simulated series for tests and benchmarks of season detection and order selection. */
import { seededNormal } from '../sarima/simulate';

/** Simulated series x_t = level + amplitude·sin(2πt/period) + AR(1) noise (φ, unit innovations). */
export function simulateSeasonal(
  n: number,
  options: { seed: number; period?: number; amplitude?: number; phi?: number; level?: number; slope?: number }
): number[] {
  const normal = seededNormal(options.seed);
  const out: number[] = [];
  let noise = 0;
  for (let t = 0; t < n; t++) {
    noise = (options.phi ?? 0) * noise + normal();
    const season = options.period ? (options.amplitude ?? 1) * Math.sin((2 * Math.PI * t) / options.period) : 0;
    out.push((options.level ?? 0) + (options.slope ?? 0) * t + season + noise);
  }
  return out;
}
