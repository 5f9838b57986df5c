/**
 * What the service currently knows: per detector, the last good analysis of each upstream series plus health
 * (last upstream success, staleness, last error). The scheduler writes it; `/metrics` and the Prometheus-style
 * read API only read it, so a failed refresh leaves the last good models in place.
 */
import type { SeriesAnalysis } from '../../src/contract/fit';
import type { FitCacheEntry } from '../../src/contract/protocol';
import type { DetectorDefinition } from './configTypes';
import { baseLabels, derivedSeries, type DerivedSeries } from './derived';

/** Prometheus's default lookback delta; a derived series with a longer step uses its step instead. */
export const DEFAULT_LOOKBACK_MS = 5 * 60_000;

export interface SeriesState {
  key: string;
  analysis: SeriesAnalysis;
  /** Opaque `AnalysisCacheEntry` handed back to `analyzeSeries` on the next cycle. */
  cache: FitCacheEntry;
  derived: DerivedSeries[];
  updatedAtMs: number;
}

export interface DetectorState {
  config: DetectorDefinition;
  series: Map<string, SeriesState>;
  /** Unix ms of the last upstream query that returned usable data; null before the first. */
  lastUpstreamSuccessMs: number | null;
  /** True when the last cycle failed (upstream or any fit): the models served are older than the data. */
  stale: boolean;
  lastError: string | null;
  lookbackMs: number;
  /** Newest upstream sample time seen (Unix ms); null before the first, or when none was returned. */
  lastSampleMs: number | null;
  /** True when the upstream answers but has stopped delivering new samples (`staleness.ts`). */
  upstreamStale: boolean;
}

/** The store of detector states; only detectors of this shard are present. */
export class Store {
  readonly detectors = new Map<string, DetectorState>();

  constructor(detectors: DetectorDefinition[]) {
    for (const config of detectors) {
      this.detectors.set(config.name, {
        config,
        series: new Map(),
        lastUpstreamSuccessMs: null,
        stale: false,
        lastError: null,
        lookbackMs: Math.max(DEFAULT_LOOKBACK_MS, config.stepMs),
        lastSampleMs: null,
        upstreamStale: false,
      });
    }
  }

  /** Records a new analysis of one series. */
  put(detector: DetectorState, analysis: SeriesAnalysis, cache: FitCacheEntry, nowMs: number): void {
    const base = baseLabels(detector.config.name, analysis.labels);
    detector.series.set(analysis.key, {
      key: analysis.key,
      analysis,
      cache,
      derived: derivedSeries(base, analysis),
      updatedAtMs: nowMs,
    });
  }

  /** Every derived series with the lookback delta of its detector. */
  *allDerived(): Generator<{ series: DerivedSeries; lookbackMs: number }> {
    for (const detector of this.detectors.values()) {
      for (const state of detector.series.values()) {
        for (const series of state.derived) {
          yield { series, lookbackMs: detector.lookbackMs };
        }
      }
    }
  }
}
