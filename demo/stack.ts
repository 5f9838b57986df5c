/**
 * The demo stack without Docker: a backfilled local Prometheus, the live exporter it scrapes, the companion service
 * (also scraped) and the preview server — all on 127.0.0.1, in one temp dir that `stop()` removes. Used by
 * `npm run demo` (demo/main.ts) and by the browser tests (tests/browser/demo.checks.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startDemoServer } from '../tests/harness/demoServer';
import { generateDemoSeries, toOpenMetrics } from './data';
import { type DemoExporter, startExporter } from './exporter';
import { loadNabReplay, NAB_DIR, NAB_REPLAY_MIN_DAYS } from './nab';
import { freePort } from './processes';
import { backfill, missingPrometheusBinaries, type ScrapeJob, startPrometheus } from './prometheus';
import { startService } from './service';

export interface DemoStackOptions {
  /** Days of backfilled history (default 21: 14-day training windows plus a week to look at). */
  days?: number;
  /** Synthetic sample interval (default 5 min). */
  stepMs?: number;
  seed?: number;
  /** Start the companion service (default true). */
  withService?: boolean;
  /** Fixed preview port (default: any free port). */
  previewPort?: number;
  /**
   * End of the backfilled history, Unix ms (default: now). The browser tests pin it, and open the page with the
   * same end, so what they check does not depend on the wall clock (models refit at clock-aligned times).
   */
  endMs?: number;
  log?: (line: string) => void;
}

export interface DemoStack {
  previewUrl: string;
  prometheusUrl: string;
  serviceUrl?: string;
  exporterTarget: string;
  /** Adds a live spike to a synthetic series (the exporter's `plant`). */
  plantLiveSpike: DemoExporter['plant'];
  /** End of the backfilled history (Unix ms); the live spikes of `DEMO_LIVE_SPIKES` are placed relative to it. */
  anchorMs: number;
  /** The `endMs` option when it was given (pinned history end), else undefined (the history ends at start-up). */
  pinnedEndMs?: number;
  /** False when ../shared/nab was absent and only synthetic series were loaded. */
  withNab: boolean;
  timingsMs: { backfill: number; total: number };
  /** Stops every process and server and removes the temp dir; safe to call twice. */
  stop: () => Promise<void>;
}

/** Starts everything; on a failure part-way, stops what was started and rethrows. */
// eslint-disable-next-line max-lines-per-function -- one sequence of start-up steps with the clean-up of each; splitting it would scatter the rollback
export async function startDemoStack(options: DemoStackOptions = {}): Promise<DemoStack> {
  const { days = 21, stepMs = 300_000, seed = 7, withService = true, log = () => undefined } = options;
  const missing = missingPrometheusBinaries();
  if (missing.length > 0) {
    throw new Error(`${missing.join(' and ')} not found on PATH: install Prometheus (apt-get install prometheus)`);
  }
  const t0 = Date.now();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidemark-demo-'));
  const stops: Array<() => Promise<void>> = [async () => fs.rmSync(workDir, { recursive: true, force: true })];
  let stopped = false;
  const stop = async () => {
    if (!stopped) {
      stopped = true;
      for (const s of stops.reverse()) {
        await s().catch((error: unknown) => log(`stop: ${error instanceof Error ? error.message : error}`));
      }
    }
  };
  try {
    const endMs = options.endMs ?? Date.now();
    const anchorMs = endMs - (endMs % stepMs);
    const series = generateDemoSeries({ endMs, days, stepMs, seed });
    const nab = loadNabReplay({ endMs, days: Math.max(days, NAB_REPLAY_MIN_DAYS) });
    if (nab) {
      series.push(nab.history);
    } else {
      log(`NAB data not found at ${NAB_DIR}: continuing with the synthetic series only`);
    }
    const dataDir = path.join(workDir, 'data');
    fs.mkdirSync(dataDir);
    const points = series.reduce((n, s) => n + s.timesMs.length, 0);
    log(`backfilling ${days} days, ${series.length} series, ${points} samples with promtool…`);
    const backfillMs = backfill(toOpenMetrics(series), dataDir, workDir);
    log(`backfill took ${(backfillMs / 1000).toFixed(1)} s`);

    const exporter = await startExporter({ port: 0, anchorMs, seed, nab });
    stops.push(exporter.close);
    const [prometheusPort, servicePort] = [await freePort(), await freePort()];
    const jobs: ScrapeJob[] = [
      { job: 'tidemark-demo', target: exporter.target, intervalSec: 15, sameSeriesAsBackfill: true },
    ];
    if (withService) {
      jobs.push({ job: 'tidemark-service', target: `127.0.0.1:${servicePort}`, intervalSec: 15 });
    }
    const prometheus = await startPrometheus({ port: prometheusPort, dataDir, workDir, jobs });
    stops.push(prometheus.stop);
    log(`Prometheus ready at ${prometheus.url}`);

    let serviceUrl: string | undefined;
    if (withService) {
      const service = await startService({ port: servicePort, prometheusUrl: prometheus.url, withNab: !!nab, workDir });
      stops.push(service.stop);
      serviceUrl = service.url;
      log(`companion service ready at ${service.url}`);
    }
    const preview = await startDemoServer(prometheus.url, options.previewPort);
    stops.push(preview.close);
    return {
      previewUrl: `${preview.url}/tests/harness/index.html?mode=demo`,
      prometheusUrl: prometheus.url,
      serviceUrl,
      exporterTarget: exporter.target,
      plantLiveSpike: exporter.plant,
      anchorMs,
      pinnedEndMs: options.endMs,
      withNab: !!nab,
      timingsMs: { backfill: backfillMs, total: Date.now() - t0 },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
