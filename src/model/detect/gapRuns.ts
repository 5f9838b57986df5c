/**
 * Silence after missing data, calibrated by the series' own gaps.
 *
 * A gap in a metric that is normally complete is an outage (a scrape failure, a restart), and the first values
 * after it often look anomalous (caches warming, counters reset) while the filter has only imputed the gap: the
 * detector stays silent for `gapSuppress` after it. Some series, however, miss data as a matter of course
 * (irregular sensors, jobs that report only when busy): in the NAB traffic and key-hold files one hour in four to
 * six in ten has no sample, and a silence after every gap muted 43–87 % of their hours. For such a series a gap is
 * part of its normal behaviour, as its routine spikes are for the record calibration (`record.ts`), and is judged
 * over the same window: a gap silences the detector unless at least {@link ROUTINE_GAP_RUNS} other gaps ended within
 * the record window before it began. One or two restarts in a week are still outages, each silenced; a third gap
 * in the week makes gaps a habit of the series.
 */

/**
 * Earlier gaps within the record window that make a new gap routine. On the NAB 30-file set 1 and 2 give the same
 * flags (the gappy series miss data every few hours); 2 keeps a metric that restarts twice in a week silenced after
 * both restarts.
 */
export const ROUTINE_GAP_RUNS = 2;

/** The runs of missing model slots seen so far (indices). Plain data. */
export interface GapRuns {
  /** First slot of the latest run of missing slots (-Infinity before any). */
  start: number;
  /** Last missing slot seen (-Infinity before any). */
  end: number;
  /** Last slots of the runs before the latest one, oldest first (only the most recent few are kept). */
  previousEnds: number[];
}

/** No gap seen yet. */
export function createGapRuns(): GapRuns {
  return { start: -Infinity, end: -Infinity, previousEnds: [] };
}

/** Note that model slot i (visited in increasing order) is missing. */
export function logMissing(g: GapRuns, i: number): void {
  if (i !== g.end + 1) {
    if (Number.isFinite(g.end)) {
      g.previousEnds.push(g.end);
      if (g.previousEnds.length > ROUTINE_GAP_RUNS) {
        g.previousEnds.shift();
      }
    }
    g.start = i;
  }
  g.end = i;
}

/**
 * True when alerts at model slot i are silenced by a gap: the last missing slot lies at most `silencePoints`
 * before i, and the gap is not routine for the series — fewer than {@link ROUTINE_GAP_RUNS} other gaps ended
 * within `routinePoints` before it began (0 = every gap silences, as before calibration).
 */
export function silencedByGap(g: GapRuns, i: number, silencePoints: number, routinePoints: number): boolean {
  if (i - g.end > silencePoints) {
    return false;
  }
  const recent = g.previousEnds.filter((end) => g.start - end <= routinePoints).length;
  return routinePoints <= 0 || recent < ROUTINE_GAP_RUNS;
}
