/**
 * `/metrics` (prom-client): the latest point of every derived series (`tidemark_*`, labels of the upstream series
 * plus `detector`) and the service's health (fit durations and failures, model age and staleness, last upstream
 * success, queue depth). The derived gauges are read from the store at scrape time; their label names differ per
 * detector, which prom-client's Gauge cannot declare, so they are registered as custom metric objects.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry, type Metric } from 'prom-client';
import { METRIC, METRIC_HELP } from './derived';
import type { FitPool } from './pool';
import type { DetectorState, Store } from './store';

export interface ServiceMetrics {
  registry: Registry;
  fitDuration: Histogram<'source'>;
  fitFailures: Counter<'source' | 'detector' | 'reason'>;
  upstreamFailures: Counter<'detector' | 'reason'>;
  rejected: Counter<'reason'>;
}

interface MetricValue {
  labels: Record<string, string>;
  value: number;
}

/** Latest history point of each series for one derived metric, read at scrape time. */
function latestValues(store: Store, name: string): MetricValue[] {
  const out: MetricValue[] = [];
  for (const detector of store.detectors.values()) {
    for (const state of detector.series.values()) {
      const last = state.analysis.points.horizonStart - 1;
      for (const series of state.derived) {
        const value = last >= 0 ? series.values[last] : null;
        if (series.labels.__name__ === name && value !== null && value !== undefined && Number.isFinite(value)) {
          const { __name__: _name, ...labels } = series.labels;
          out.push({ labels, value });
        }
      }
    }
  }
  return out;
}

function derivedMetric(store: Store, name: string): Metric {
  const help = METRIC_HELP[name];
  const metric = {
    name,
    help,
    type: 'gauge',
    aggregator: 'sum',
    get: async () => ({ name, help, type: 'gauge', aggregator: 'sum', values: latestValues(store, name) }),
    reset: () => undefined,
  };
  // prom-client's registry only calls name/help/type/get; its Metric type names its own classes, hence the cast.
  return metric as unknown as Metric;
}

function perDetector(store: Store, value: (detector: DetectorState) => number | null) {
  return function collect(this: Gauge<'detector'>) {
    this.reset();
    for (const detector of store.detectors.values()) {
      const v = value(detector);
      if (v !== null) {
        this.set({ detector: detector.config.name }, v);
      }
    }
  };
}

/** Builds the registry; `now` is injectable for tests. */
export function createMetrics(store: Store, pool: FitPool, now: () => number = Date.now): ServiceMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  for (const name of Object.values(METRIC)) {
    registry.registerMetric(derivedMetric(store, name));
  }
  const fitDuration = new Histogram({
    name: 'tidemark_fit_duration_seconds',
    help: 'Time one series analysis (fit or filter) took in a worker.',
    labelNames: ['source'],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  const fitFailures = new Counter({
    name: 'tidemark_fit_failures_total',
    help: 'Series analyses that failed, by source (detector or api), detector and error name.',
    labelNames: ['source', 'detector', 'reason'],
    registers: [registry],
  });
  const upstreamFailures = new Counter({
    name: 'tidemark_upstream_failures_total',
    help: 'Failed upstream Prometheus queries, by detector and reason.',
    labelNames: ['detector', 'reason'],
    registers: [registry],
  });
  const rejected = new Counter({
    name: 'tidemark_rejected_requests_total',
    help:
      'Requests rejected before any work, by reason (invalid, invalid_json, too_large, too_costly, queue_full, ' +
      'admission_timeout, unsupported_media_type, bad_query, unauthorized).',
    labelNames: ['reason'],
    registers: [registry],
  });
  registerHealthGauges(registry, store, pool, now);
  return { registry, fitDuration, fitFailures, upstreamFailures, rejected };
}

/** Gauges computed at scrape time from the store and the pool. */
function registerHealthGauges(registry: Registry, store: Store, pool: FitPool, now: () => number): void {
  new Gauge({
    name: 'tidemark_model_age_seconds',
    help: 'Age of the oldest model of the detector (time since its last refit).',
    labelNames: ['detector'],
    registers: [registry],
    collect: perDetector(store, (d) => {
      const refits = [...d.series.values()].map((s) => s.analysis.model.refittedAtMs);
      return refits.length > 0 ? (now() - Math.min(...refits)) / 1000 : null;
    }),
  });
  new Gauge({
    name: 'tidemark_model_stale',
    help:
      '1 when the last refresh of the detector failed and older models are being served, or when the upstream ' +
      'has stopped returning new samples.',
    labelNames: ['detector'],
    registers: [registry],
    collect: perDetector(store, (d) => (d.stale || d.upstreamStale ? 1 : 0)),
  });
  new Gauge({
    name: 'tidemark_upstream_last_sample_timestamp_seconds',
    help: 'Unix time of the newest sample the upstream returned for the detector.',
    labelNames: ['detector'],
    registers: [registry],
    collect: perDetector(store, (d) => (d.lastSampleMs === null ? null : d.lastSampleMs / 1000)),
  });
  new Gauge({
    name: 'tidemark_upstream_last_success_timestamp_seconds',
    help: 'Unix time of the last upstream query of the detector that returned usable data.',
    labelNames: ['detector'],
    registers: [registry],
    collect: perDetector(store, (d) => (d.lastUpstreamSuccessMs === null ? null : d.lastUpstreamSuccessMs / 1000)),
  });
  new Gauge({
    name: 'tidemark_series',
    help: 'Series modelled by the detector.',
    labelNames: ['detector'],
    registers: [registry],
    collect: perDetector(store, (d) => d.series.size),
  });
  new Gauge({
    name: 'tidemark_queue_depth',
    help: 'Fits waiting for a worker thread.',
    registers: [registry],
    collect() {
      this.set(pool.queueDepth);
    },
  });
}
