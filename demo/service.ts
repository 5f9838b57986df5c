/**
 * The companion service in the demo: `service/src/main.ts` under tsx with a detectors file pointed at the demo's
 * Prometheus, on 127.0.0.1. Prometheus scrapes its `/metrics` (derived series and health).
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_METRIC } from './data';
import { NAB_METRIC } from './nab';
import { answers, startProcess, waitUntil, type Managed } from './processes';

const ROOT = path.resolve(__dirname, '..');
/** tsx compiles the service on start: over 30 s on a loaded 2-core machine. */
const SERVICE_READY_TIMEOUT_MS = 120_000;

/**
 * Detectors for the demo series: 1-minute steps, so each new sample is scored within a minute of its scrape; the
 * daily season ('auto') is fitted on hourly buckets with the data source's default model on a 14-day window (the
 * backfill is a few weeks), fetched hourly except the last two days (service/src/detectorFetch.ts). One fit thread
 * leaves the other core to the browser.
 */
export function detectorsYaml(prometheusUrl: string, withNab: boolean): string {
  const lines = [
    `upstream: { url: '${prometheusUrl}', timeout: 20s }`,
    'limits: { threads: 1 }',
    'defaults:',
    '  step: 1m',
    '  trainingWindow: 14d',
    '  season: auto',
    '  order: [1, 0, 1]',
    '  seasonalOrder: [0, 1, 1]',
    '  refitEvery: 6h',
    '  horizon: 24h',
    'detectors:',
    '  - name: demo_requests',
    `    query: ${DEMO_METRIC}`,
  ];
  if (withNab) {
    lines.push('  - name: demo_nyc_taxi', `    query: ${NAB_METRIC}`);
  }
  return `${lines.join('\n')}\n`;
}

export interface RunningService extends Managed {
  url: string;
}

/** Starts the service on 127.0.0.1:`port` and waits for `/-/ready`. */
export async function startService(options: {
  port: number;
  prometheusUrl: string;
  withNab: boolean;
  workDir: string;
}): Promise<RunningService> {
  const { port, prometheusUrl, withNab, workDir } = options;
  const configFile = path.join(workDir, 'detectors.yaml');
  fs.writeFileSync(configFile, detectorsYaml(prometheusUrl, withNab));
  const args = ['service/src/main.ts', '--config', configFile, '--listen', `127.0.0.1:${port}`];
  const managed = startProcess(
    path.join(ROOT, 'node_modules', '.bin', 'tsx'),
    [...args, '--startup-jitter', '0'],
    path.join(workDir, 'service.log'),
    ROOT
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntil(
      'companion service /-/ready',
      () => answers(`${url}/-/ready`),
      () => (managed.exited() ? `the service exited:\n${managed.logTail()}` : undefined),
      SERVICE_READY_TIMEOUT_MS
    );
  } catch (error) {
    await managed.stop();
    throw error;
  }
  return { ...managed, url };
}
