/**
 * Scale of recent prediction errors for the anomaly score, per phase of the season.
 *
 * Metrics are often heteroscedastic within the day (busy hours are noisier than the night), so one MAD for
 * all hours makes every busy hour look anomalous. The scale at a phase is the larger of the overall robust
 * scale and the robust scale of the errors at that phase and its two neighbours (a seasonal MAD, in the
 * spirit of the seasonal-ESD of Hochenbaum, Vallis & Kejariwal, "Automatic anomaly detection in the cloud
 * via statistical learning", arXiv:1704.07706, 2017). Taking the larger never makes quiet hours stricter
 * than the overall scale.
 */
import { MIN_ABSOLUTE_SIGMA, MIN_RELATIVE_SIGMA } from './fallback';
import { robustScale } from './robustScale';

/** Errors with their model-grid index, oldest first. */
export interface ErrorLog {
  index: number[];
  value: number[];
}

/** Scales of {@link errorScales}: overall, and per phase (index mod period). */
export interface ErrorScales {
  overall: number;
  byPhase: number[];
}

/** Minimum errors (phase and neighbours together) for a phase scale; fewer → the overall scale. */
const MIN_PHASE_ERRORS = 6;

/** Append an error, dropping the oldest when the log holds more than twice `keep` entries. */
export function logError(log: ErrorLog, index: number, value: number, keep: number): void {
  log.index.push(index);
  log.value.push(value);
  if (log.index.length > 2 * keep) {
    log.index.splice(0, log.index.length - keep);
    log.value.splice(0, log.value.length - keep);
  }
}

/**
 * Overall and per-phase robust scales (1.4826·MAD, `robustScale`) of the last `windowPoints` grid points of
 * the log. `period` ≤ 1 gives the overall scale for every phase.
 */
export function errorScales(log: ErrorLog, windowPoints: number, period: number): ErrorScales {
  const last = log.index.length > 0 ? log.index[log.index.length - 1] : 0;
  let from = log.index.length;
  while (from > 0 && log.index[from - 1] > last - windowPoints) {
    from--;
  }
  const values = log.value.slice(from);
  const overall = robustScale(values);
  const phases = Math.max(1, Math.round(period));
  if (phases === 1) {
    return { overall, byPhase: [overall] };
  }
  const groups: number[][] = Array.from({ length: phases }, () => []);
  for (let k = from; k < log.index.length; k++) {
    const phase = log.index[k] % phases;
    for (const p of [phase - 1, phase, phase + 1]) {
      groups[(p + phases) % phases].push(log.value[k]);
    }
  }
  const byPhase = groups.map((g) => {
    if (g.length < MIN_PHASE_ERRORS) {
      return overall;
    }
    const s = robustScale(g);
    return Number.isFinite(s) && s > overall ? s : overall;
  });
  return { overall, byPhase };
}

/**
 * Scale of the score at model slot i: the robust scale of recent errors at its phase, never below the minimum
 * width relative to the level of `fallback.ts` (errors of a series that repeats itself to the last bit, ~1e-14,
 * must not make rounding noise look like a drift), and the model's σ where the errors have no scale (a flat line).
 */
export function scoreScale(scales: ErrorScales, sigma2: number, i: number, level: number): number {
  const phaseScale = scales.byPhase[i % scales.byPhase.length];
  const floor = Math.max(MIN_RELATIVE_SIGMA * Math.abs(level), MIN_ABSOLUTE_SIGMA);
  return phaseScale > 0 ? Math.max(phaseScale, floor) : Math.max(Math.sqrt(sigma2), floor);
}
