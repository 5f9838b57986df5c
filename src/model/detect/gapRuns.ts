/**
 * Silence after missing data, calibrated by the series' own gaps.
 *
 * A gap in a metric that is normally complete is an outage (a scrape failure, a restart), and the first values
 * after it often look anomalous (caches warming, counters reset) while the filter has only imputed the gap: the
 * detector stays silent for `gapSuppress` after it. Some series, however, miss data as a matter of course
 * (irregular sensors, jobs that report only when busy): in the NAB traffic and key-hold files one hour in four to
 * six in ten has no sample, and a silence after every gap muted 43–87 % of their hours. For such a series a gap is
 * part of its normal behaviour, as its routine spikes are for the record calibration (`record.ts`), and is judged
 * over the same window: a gap silences the detector only when no other gap ended within the record window before
 * it began.
 */

/** The runs of missing model slots seen so far (indices; -Infinity before any). Plain data. */
export interface GapRuns {
  /** First slot of the latest run of missing slots. */
  start: number;
  /** Last missing slot seen. */
  end: number;
  /** Last slot of the run before the latest one. */
  previousEnd: number;
}

/** No gap seen yet. */
export function createGapRuns(): GapRuns {
  return { start: -Infinity, end: -Infinity, previousEnd: -Infinity };
}

/** Note that model slot i (visited in increasing order) is missing. */
export function logMissing(g: GapRuns, i: number): void {
  if (i !== g.end + 1) {
    g.previousEnd = g.end;
    g.start = i;
  }
  g.end = i;
}

/**
 * True when alerts at model slot i are silenced by a gap: the last missing slot lies at most `silencePoints`
 * before i, and the gap is not routine for the series — no other gap ended within `routinePoints` before it
 * began (0 = every gap silences, as before calibration).
 */
export function silencedByGap(g: GapRuns, i: number, silencePoints: number, routinePoints: number): boolean {
  return i - g.end <= silencePoints && !(g.start - g.previousEnd <= routinePoints);
}
