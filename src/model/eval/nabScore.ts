/**
 * Numenta Anomaly Benchmark (NAB) scoring of binary detections on one data file.
 *
 * Implements the scoring rules of Ahmad, Lavin, Purdy & Agha, "Unsupervised real-time anomaly detection for
 * streaming data", Neurocomputing 262 (2017), §4, as applied by NAB's `sweeper.py` to a detector's flags at
 * a fixed threshold: a probation period, a scaled sigmoid rewarding early detection inside labelled windows,
 * and a penalty for flags outside windows that decays with the distance past the previous window.
 */

/** Application profile weights (A_TP, A_FP, A_FN) of NAB. */
export interface NabProfile {
  name: string;
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
}

/** NAB's three published profiles ("standard", "reward_low_FP_rate", "reward_low_FN_rate"). */
export const NAB_PROFILES: readonly NabProfile[] = [
  { name: 'standard', truePositive: 1, falsePositive: 0.11, falseNegative: 1 },
  { name: 'reward_low_FP_rate', truePositive: 1, falsePositive: 0.22, falseNegative: 1 },
  { name: 'reward_low_FN_rate', truePositive: 1, falsePositive: 0.11, falseNegative: 2 },
];

/** A labelled anomaly window, inclusive on both ends, in epoch milliseconds. */
export interface NabWindow {
  startMs: number;
  endMs: number;
}

/** Score of one file under one profile. */
export interface NabFileScore {
  profile: string;
  /** Sum of the weighted true-positive, false-positive and false-negative terms. */
  raw: number;
  windows: number;
  /** Windows with at least one flag inside them after the probation period. */
  detectedWindows: number;
  /** Flagged rows outside every window after the probation period; NAB charges each one. */
  falsePositives: number;
  /** Maximal runs of consecutive flagged rows outside windows (what an on-call person would see as alerts). */
  falsePositiveEvents: number;
  /** Per window: row index of the earliest scored flag inside it, or -1. */
  firstDetection: number[];
  probationRows: number;
}

/**
 * NAB's probation length: min(⌊0.15·rows⌋, 0.15·5000 = 750) rows at the start of a file are not scored.
 * Matches `getProbationaryLength` in NAB's `util.py`.
 */
export function nabProbationRows(rows: number): number {
  return Math.min(Math.floor(0.15 * rows), 750);
}

/**
 * NAB's scaled sigmoid σ(y) = 2/(1 + e^{5y}) − 1, and −1 for y > 3 (a flag far behind any window).
 * σ(−1) ≈ 0.9866 (earliest point of a window), σ(0) = 0 (a window's right edge).
 */
export function nabScaledSigmoid(y: number): number {
  if (y > 3) {
    return -1;
  }
  return 2 / (1 + Math.exp(5 * y)) - 1;
}

interface WindowRows {
  left: number;
  right: number;
}

/** Row index ranges of windows; a window with no row inside it is dropped (NAB does the same). */
function windowRows(timestampsMs: ArrayLike<number>, windows: readonly NabWindow[]): WindowRows[] {
  const out: WindowRows[] = [];
  for (const w of windows) {
    let left = -1;
    let right = -1;
    for (let i = 0; i < timestampsMs.length; i++) {
      if (timestampsMs[i] >= w.startMs && timestampsMs[i] <= w.endMs) {
        if (left < 0) {
          left = i;
        }
        right = i;
      }
    }
    if (left >= 0) {
      out.push({ left, right });
    }
  }
  return out.sort((a, b) => a.left - b.left);
}

/**
 * Score binary flags on one file (NAB §4). `timestampsMs` are the file's rows in order (duplicates kept, as
 * NAB indexes rows); `flags[i]` marks a detection at row i. Rows before `nabProbationRows(rows)` are ignored.
 * Inside a window only the earliest flag counts: A_TP·σ(y)/σ(−1) with y = −(right − i + 1)/width. A flag
 * outside windows adds A_FP·σ((i − prevRight)/(prevWidth − 1)), or −A_FP with no earlier window. Each window
 * without a flag adds −A_FN.
 */
// eslint-disable-next-line max-lines-per-function -- the NAB scoring loop follows the reference implementation step by step (Lavin & Ahmad 2015)
export function scoreNabFile(
  timestampsMs: ArrayLike<number>,
  flags: ArrayLike<boolean>,
  windows: readonly NabWindow[],
  profile: NabProfile
): NabFileScore {
  const n = timestampsMs.length;
  const probationRows = nabProbationRows(n);
  const rows = windowRows(timestampsMs, windows);
  const firstDetection = rows.map(() => -1);
  const maxTp = nabScaledSigmoid(-1);
  let raw = 0;
  let falsePositives = 0;
  let falsePositiveEvents = 0;
  let prevFlagWasFp = false;
  let next = 0; // index of the first window whose right edge is at or after row i
  for (let i = 0; i < n; i++) {
    while (next < rows.length && rows[next].right < i) {
      next++;
    }
    const inside = next < rows.length && rows[next].left <= i;
    if (!flags[i] || i < probationRows) {
      prevFlagWasFp = false;
      continue;
    }
    if (inside) {
      prevFlagWasFp = false;
      const w = rows[next];
      if (firstDetection[next] < 0) {
        firstDetection[next] = i;
        const width = w.right - w.left + 1;
        raw += (profile.truePositive * nabScaledSigmoid(-(w.right - i + 1) / width)) / maxTp;
      }
      continue;
    }
    falsePositives++;
    if (!prevFlagWasFp) {
      falsePositiveEvents++;
    }
    prevFlagWasFp = true;
    const prev = next > 0 ? rows[next - 1] : undefined;
    if (prev === undefined) {
      raw -= profile.falsePositive;
    } else {
      // A one-row window has width − 1 = 0: NAB would divide by zero; treat every later flag as far behind.
      const width = prev.right - prev.left + 1;
      const y = width > 1 ? (i - prev.right) / (width - 1) : Infinity;
      raw += profile.falsePositive * nabScaledSigmoid(y);
    }
  }
  const detectedWindows = firstDetection.filter((i) => i >= 0).length;
  raw -= profile.falseNegative * (rows.length - detectedWindows);
  return {
    profile: profile.name,
    raw,
    windows: rows.length,
    detectedWindows,
    falsePositives,
    falsePositiveEvents,
    firstDetection,
    probationRows,
  };
}

/**
 * NAB's normalised score of a set of files: 100·(raw − null)/(perfect − null), where raw and the window
 * count are summed over the files, null = −A_FN·windows (a detector that never flags) and
 * perfect = A_TP·windows. Returns 0 for a set without windows (NAB leaves it undefined).
 */
export function normalizeNabScore(rawTotal: number, windows: number, profile: NabProfile): number {
  const nullScore = -profile.falseNegative * windows;
  const perfect = profile.truePositive * windows;
  if (perfect === nullScore) {
    return 0;
  }
  return (100 * (rawTotal - nullScore)) / (perfect - nullScore);
}
