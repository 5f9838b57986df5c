/**
 * Anomaly likelihood of a series' scores (Ahmad, Lavin, Purdy & Agha, "Unsupervised real-time anomaly detection for
 * streaming data", Neurocomputing 262, 2017), used by the flag-rate guard (`hygiene.ts`): how unusual the recent
 * scores are against the series' own long history of scores. As in the paper, the raw scores of a long trailing
 * window are modelled as a normal distribution (sample mean μ and standard deviation σ, here of the short-window
 * means), the mean μ̃ of the last few scores is compared with it, and the point is unusual when the upper tail
 * probability Q((μ̃ − μ) / σ) is at most ε. The raw score here is |z| of the detector (`backtest.ts`). A series that
 * spikes routinely has a wide score distribution, so one more spike is not unusual; a quiet series' first spike is.
 * Causal: point i uses the scores of points up to i only.
 */
import { normalQuantile } from '../sarima/normal';
import { DAY_MS, HOUR_MS } from '../timeUnits';

/** Spans of {@link unusualPoints}, in points of the score grid. */
export interface LikelihoodWindows {
  /** Points averaged into the short-term mean μ̃ (the paper's W′). */
  shortPoints: number;
  /** Short-term means forming the long-term distribution (the paper's W). */
  longPoints: number;
  /** Long-term means needed before a point can be judged unusual. */
  minLongPoints: number;
}

/** Upper tail probability at or below which the recent scores are unusual (1e-3 … 1e-5 alike on NAB). */
export const LIKELIHOOD_EPSILON = 1e-5;

/**
 * The windows at a grid step: the short mean over one hour (the model step of finer data: a spike and the bucket
 * it lands in), the long history over 28 days (the training window: several weeks of a series' routine), judged
 * once a day of history exists.
 */
export function likelihoodWindows(stepMs: number): LikelihoodWindows {
  const points = (ms: number) => Math.max(1, Math.round(ms / stepMs));
  return { shortPoints: points(HOUR_MS), longPoints: points(28 * DAY_MS), minLongPoints: points(DAY_MS) };
}

/**
 * Per point: 1 when the mean |score| of the last `shortPoints` points is unusual against the means of the
 * `longPoints` windows before them (upper tail ≤ `epsilon` under a normal fit), else 0. NaN scores count as 0;
 * points before the first finite score start no history.
 */
export function unusualPoints(
  scores: ArrayLike<number>,
  windows: LikelihoodWindows,
  epsilon = LIKELIHOOD_EPSILON
): Uint8Array {
  const n = scores.length;
  const { shortPoints, longPoints, minLongPoints } = windows;
  const limit = normalQuantile(1 - epsilon);
  const abs = (i: number) => (Number.isFinite(scores[i]) ? Math.abs(scores[i]) : 0);
  let first = 0;
  while (first < n && !Number.isFinite(scores[first])) {
    first++;
  }
  const shortMean = new Float64Array(n);
  const out = new Uint8Array(n);
  let running = 0;
  let sum = 0;
  let squares = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    running += abs(i) - (i >= shortPoints ? abs(i - shortPoints) : 0);
    shortMean[i] = running / Math.min(i + 1, shortPoints);
    // The long history holds the short means that end before the current short window begins.
    const entering = i - shortPoints;
    if (entering >= first) {
      sum += shortMean[entering];
      squares += shortMean[entering] ** 2;
      count++;
    }
    const leaving = entering - longPoints;
    if (leaving >= first) {
      sum -= shortMean[leaving];
      squares -= shortMean[leaving] ** 2;
      count--;
    }
    if (count < minLongPoints) {
      continue;
    }
    const mean = sum / count;
    const sd = Math.sqrt(Math.max(squares / count - mean * mean, 0));
    out[i] = shortMean[i] - mean > limit * sd ? 1 : 0;
  }
  return out;
}
