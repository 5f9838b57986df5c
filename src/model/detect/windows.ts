/**
 * Anomaly windows for annotations and alert text: one window per alerted run of out-of-band points.
 */
import type { Detection, SilenceAlert, SilencePause } from './types';

/** One anomaly episode, in the units of the series. */
export interface AnomalyWindow {
  /** First out-of-band slot of the run (epoch ms). */
  startMs: number;
  /** Last out-of-band slot of the run (epoch ms). */
  endMs: number;
  /** Time of the alert that opened the window (onset, after the minimum run). */
  alertMs: number;
  /** Slot with the largest |score|. */
  peakMs: number;
  /** Signed score at the peak; > 0 means above the expected range. */
  peakScore: number;
  direction: 'above' | 'below';
  /**
   * 'silence' when an alert of the run is an activity-stopped alert (`silence.ts`): the run is a pause of an
   * intermittent series, on the side of the pause (below when bursts stopped, above when dips stopped); else 'deviation' (the value left the band the model expected).
   */
  kind: 'deviation' | 'silence';
  /** The pause at the run's first activity-stopped alert; only when kind is 'silence'. */
  silence?: SilencePause;
  /** Highest alert level raised in the run (1 weak, 2 strong). */
  level: number;
  /** Weak band at the peak: the range the model expected. */
  expectedLower: number;
  expectedUpper: number;
  /** Forecast and observed value at the peak. */
  forecast: number;
  observed: number;
}

/**
 * Windows of `detection`: maximal runs of consecutive slots in an anomaly's extent (anomalous, or still outside
 * the band expected before the anomaly began: `Detection.extent`) that contain at least one alert. A window
 * thus spans the whole excursion, not only its first points; a run that only occurred inside a hold-off
 * produces no window (no alert was raised for it).
 */
export function anomalyWindows(detection: Detection): AnomalyWindow[] {
  const out: AnomalyWindow[] = [];
  const n = detection.level.length;
  const inside = (i: number) => detection.level[i] >= 1 || detection.extent?.[i] === 1;
  const silences = new Map((detection.silences ?? []).map((s) => [s.index, s]));
  let i = 0;
  while (i < n) {
    if (!inside(i)) {
      i++;
      continue;
    }
    let end = i;
    while (end + 1 < n && inside(end + 1)) {
      end++;
    }
    const window = windowOfRun(detection, i, end, silences);
    if (window) {
      out.push(window);
    }
    i = end + 1;
  }
  return out;
}

function windowOfRun(
  d: Detection,
  start: number,
  end: number,
  silences: Map<number, SilenceAlert>
): AnomalyWindow | undefined {
  let alert = -1;
  let level = 0;
  let peak = start;
  let silence: SilenceAlert | undefined;
  for (let i = start; i <= end; i++) {
    if (d.anomaly[i] > 0) {
      alert = alert < 0 ? i : alert;
      level = Math.max(level, d.anomaly[i]);
      silence = silence ?? silences.get(i);
    }
    if (Math.abs(d.score[i]) > Math.abs(d.score[peak])) {
      peak = i;
    }
  }
  if (alert < 0) {
    return undefined;
  }
  const weak = d.bands[0];
  return {
    startMs: d.timesMs[start],
    endMs: d.timesMs[end],
    alertMs: d.timesMs[alert],
    peakMs: d.timesMs[peak],
    peakScore: d.score[peak],
    // A pause lies on the side opposite its activity whatever the score at the peak (an idle value may sit above the
    // forecast).
    direction: silence ? silence.direction : d.score[peak] >= 0 ? 'above' : 'below',
    kind: silence ? 'silence' : 'deviation',
    ...(silence
      ? {
          silence: {
            pauseMs: silence.pauseMs,
            recordPauseMs: silence.recordPauseMs,
            recordWindowMs: silence.recordWindowMs,
            direction: silence.direction,
          },
        }
      : {}),
    level,
    expectedLower: weak ? weak.lower[peak] : NaN,
    expectedUpper: weak ? weak.upper[peak] : NaN,
    forecast: d.forecast[peak],
    observed: d.values[peak],
  };
}
