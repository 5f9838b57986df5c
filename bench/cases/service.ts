/**
 * Companion service cases (issue 7): detector refits of hourly 14-day series through the service's worker pool
 * (FitPool, piscina, 2 threads), the way the scheduler runs them. The time for 1,000 detectors on 2 cores is
 * extrapolated linearly from a batch of SAMPLE series: fits are independent and the pool keeps both threads
 * busy, so 1,000 detectors take 1000 / SAMPLE batches (plus at most one fit of tail). Memory per detector is
 * the heap growth of the service's store per analysed series (one series per detector).
 * The workers run the real pipeline (`service/src/fit.worker.ts`).
 */
import type { FitSettings, SeriesInput } from '../../src/contract/fit';
import { DEFAULT_FIT_SETTINGS } from '../../src/contract/settings';
import { simulateSeasonal } from '../../src/model/testing/random';
import { FitPool } from '../../service/src/pool';
import { Store } from '../../service/src/store';
import type { BenchCase, BenchInput } from '../types';
import { HOUR_MS } from '../../src/contract/constants';

const SAMPLE = 16;
const THREADS = 2;
const DETECTORS = 1000;
/** Issue 7: 1,000 detectors refit on 2 cores within 10 minutes → the batch of SAMPLE may take this long. */
const TARGET_BATCH_MS = (10 * 60_000 * SAMPLE) / DETECTORS;

const settings = (fixed: boolean): FitSettings => ({
  ...DEFAULT_FIT_SETTINGS,
  season: fixed ? '1d' : 'auto',
  order: fixed ? { p: 1, d: 0, q: 1 } : 'auto',
  seasonalOrder: fixed ? { P: 0, D: 1, Q: 1 } : 'auto',
  levelsPct: [95, 99],
  minConsecutive: 1,
  onsetOnly: false,
  holdOff: '0s',
  sensitivity: 'medium',
  direction: 'both',
  horizon: '1d',
  refitEvery: '1h',
  trainingWindow: '14d',
});

/** SAMPLE hourly 14-day series (336 points), seeded: level 100, daily sine, AR(1) noise φ = 0.7. */
function sampleSeries(): SeriesInput[] {
  return Array.from({ length: SAMPLE }, (_, i) => {
    const values = simulateSeasonal(336, { seed: 100 + i, period: 24, amplitude: 20, phi: 0.7, level: 100 });
    return {
      key: `s${i}`,
      labels: { pod: `pod-${i}` },
      timesMs: values.map((_, t) => 1_700_000_000_000 + t * HOUR_MS),
      values,
      stepMs: HOUR_MS,
    };
  });
}

const series = sampleSeries();
let pool: FitPool | undefined;

/** Runs the batch through the pool; returns analyses for the memory estimate. */
async function refitBatch(fixed: boolean) {
  pool ??= new FitPool({
    threads: THREADS,
    maxQueue: SAMPLE,
    fitTimeoutMs: 120_000,
    maxBodyBytes: 0,
    maxPointsPerSeries: 0,
    maxSeriesPerRequest: 0,
    maxSeriesPerDetector: 0,
    maxFitCost: 0,
  });
  const results = await Promise.all(series.map((input) => pool!.run({ input, settings: settings(fixed) }, 'detector')));
  const failed = results.find((r) => r.type === 'error');
  if (failed?.type === 'error') {
    throw new Error(`${failed.error.name}: ${failed.error.message}`);
  }
  return results;
}

/** Heap growth of the store per analysed series, MB, measured on 20 copies of each analysis of the batch. */
function memoryPerDetectorMb(results: Awaited<ReturnType<typeof refitBatch>>): number {
  const copies = 20;
  const detectors = Array.from({ length: SAMPLE * copies }, (_, i) => ({
    name: `d${i}`,
    query: 'up',
    stepMs: HOUR_MS,
    trainingWindowMs: 14 * 24 * HOUR_MS,
    settings: settings(true),
  }));
  const before = process.memoryUsage().heapUsed;
  const store = new Store(detectors);
  let i = 0;
  for (const state of store.detectors.values()) {
    const result = results[i++ % SAMPLE];
    if (result.type === 'result') {
      const { analysis, cache } = structuredClone({ analysis: result.analysis, cache: result.cache });
      store.put(state, analysis, cache, 0);
    }
  }
  return (process.memoryUsage().heapUsed - before) / detectors.length / (1024 * 1024);
}

function refitCase(fixed: boolean): BenchCase {
  const model = fixed ? 'SARIMA(1,0,1)(0,1,1)[24]' : 'auto season and orders';
  return {
    name: fixed ? 'service-refit-fixed' : 'service-refit-auto',
    description: `${SAMPLE} detector refits (${model}, 336 hourly points, 24-step horizon) on a ${THREADS}-thread pool`,
    targetMs: TARGET_BATCH_MS,
    reps: { full: 3, quick: 1 },
    input: (): BenchInput => ({ y: [] }),
    ours: async () => {
      const started = performance.now();
      const results = await refitBatch(fixed);
      const batchMs = performance.now() - started;
      const fitMs = results.reduce((a, r) => a + r.elapsedMs, 0) / SAMPLE;
      const minutes = ((batchMs * DETECTORS) / SAMPLE / 60_000).toFixed(1);
      return (
        `${(1000 / fitMs).toFixed(1)} fits/s/core; 1,000 detectors ≈ ${minutes} min on ${THREADS} cores; ` +
        `${memoryPerDetectorMb(results).toFixed(2)} MB/detector`
      );
    },
  };
}

export const cases: BenchCase[] = [refitCase(true), refitCase(false)];
