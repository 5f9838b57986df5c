/**
 * Upstream staleness: whether the upstream is still delivering new samples for a detector. A query can succeed
 * while the data behind it has stopped (a dead exporter, a broken recording rule); then the models are refitted on
 * old data and alert rules would judge the present by the past. The detector counts as stale when its newest
 * sample is older than the query end by more than two steps (one missed scrape is tolerated), and never less
 * than Prometheus's 5-minute lookback delta, after which Prometheus itself treats a series as gone.
 */
import type { DetectorState } from './store';
import type { UpstreamSeries } from './upstream';

const STALE_AFTER_STEPS = 2;
const MIN_STALE_AFTER_MS = 5 * 60_000;

/** Newest time with a value in any of the series; null when there is none. */
export function newestSampleMs(series: UpstreamSeries[]): number | null {
  let newest: number | null = null;
  for (const s of series) {
    for (let i = s.values.length - 1; i >= 0; i--) {
      if (s.values[i] !== null) {
        newest = Math.max(newest ?? -Infinity, s.timesMs[i]);
        break;
      }
    }
  }
  return newest;
}

/** Age beyond which the newest sample means the upstream has stopped delivering, for a detector step. */
export function staleAfterMs(stepMs: number): number {
  return Math.max(MIN_STALE_AFTER_MS, STALE_AFTER_STEPS * stepMs);
}

/** True when no sample at all, or the newest is older than `staleAfterMs(stepMs)` before the query end. */
export function upstreamIsStale(newestMs: number | null, queryEndMs: number, stepMs: number): boolean {
  return newestMs === null || queryEndMs - newestMs > staleAfterMs(stepMs);
}

/** Records on `detector` its newest sample and whether the upstream went stale; logs the transitions. */
export function noteUpstreamFreshness(
  detector: DetectorState,
  series: UpstreamSeries[],
  nowMs: number,
  log: { warn: (obj: object, msg: string) => void; info: (obj: object, msg: string) => void }
): void {
  const { stepMs, name } = detector.config;
  const newest = newestSampleMs(series);
  detector.lastSampleMs = newest ?? detector.lastSampleMs;
  const queryEndMs = Math.floor(nowMs / stepMs) * stepMs;
  const stale = upstreamIsStale(detector.lastSampleMs, queryEndMs, stepMs);
  if (stale && !detector.upstreamStale) {
    const newestIso = detector.lastSampleMs === null ? 'none' : new Date(detector.lastSampleMs).toISOString();
    log.warn({ detector: name, newestSample: newestIso }, 'upstream returns no new samples; models marked stale');
  } else if (!stale && detector.upstreamStale) {
    log.info({ detector: name }, 'upstream delivers new samples again');
  }
  detector.upstreamStale = stale;
}
