/**
 * The demo's Prometheus (Debian `prometheus` 2.42): backfill with `promtool tsdb create-blocks-from openmetrics`,
 * then a server on 127.0.0.1 scraping the demo exporter and the companion service.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { answers, startProcess, waitUntil, type Managed } from './processes';

/** promtool writes one block per 2 h of data and opens them all; raise the open-file limit as far as allowed. */
const RAISE_FILE_LIMIT = 'ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null';

/** Names of the binaries missing from PATH (`prometheus`, `promtool`). */
export function missingPrometheusBinaries(): string[] {
  return ['prometheus', 'promtool'].filter((bin) => spawnSync('sh', ['-c', `command -v ${bin}`]).status !== 0);
}

/** Writes `openMetrics` (one file, ending with `# EOF`) into TSDB blocks under `dataDir`; returns the elapsed ms. */
export function backfill(openMetrics: string, dataDir: string, workDir: string): number {
  const file = path.join(workDir, 'backfill.om');
  fs.writeFileSync(file, openMetrics);
  const t0 = Date.now();
  const result = spawnSync(
    'sh',
    ['-c', `${RAISE_FILE_LIMIT}; exec promtool tsdb create-blocks-from openmetrics -q "$0" "$1"`, file, dataDir],
    { encoding: 'utf8' }
  );
  if (result.status !== 0) {
    throw new Error(`promtool failed (exit ${result.status}): ${result.stderr || result.stdout}`);
  }
  fs.rmSync(file);
  return Date.now() - t0;
}

export interface ScrapeJob {
  job: string;
  /** host:port */
  target: string;
  intervalSec: number;
  /**
   * Drop the `job` and `instance` labels the scrape adds, so live samples continue the backfilled series (whose
   * labels are only the generator's) instead of starting new ones.
   */
  sameSeriesAsBackfill?: boolean;
}

function configYaml(jobs: ScrapeJob[]): string {
  const lines = ['global: { scrape_interval: 15s, evaluation_interval: 15s }', 'scrape_configs:'];
  for (const { job, target, intervalSec, sameSeriesAsBackfill } of jobs) {
    lines.push(
      `  - job_name: ${job}`,
      `    scrape_interval: ${intervalSec}s`,
      `    scrape_timeout: ${Math.min(intervalSec, 10)}s`,
      // The service's derived series carry their upstream labels (job, instance): keep them, as deploy/ does.
      '    honor_labels: true',
      `    static_configs: [{ targets: ['${target}'] }]`
    );
    if (sameSeriesAsBackfill) {
      lines.push('    metric_relabel_configs: [{ action: labeldrop, regex: job|instance }]');
    }
  }
  return `${lines.join('\n')}\n`;
}

export interface RunningPrometheus extends Managed {
  url: string;
}

/**
 * Starts Prometheus on 127.0.0.1:`port` over `dataDir`. Retention is 10 years because it counts from the newest
 * block, and the backfilled blocks must survive the first compaction.
 */
export async function startPrometheus(options: {
  port: number;
  dataDir: string;
  workDir: string;
  jobs: ScrapeJob[];
}): Promise<RunningPrometheus> {
  const { port, dataDir, workDir, jobs } = options;
  const configFile = path.join(workDir, 'prometheus.yml');
  fs.writeFileSync(configFile, configYaml(jobs));
  const args = [
    `--config.file=${configFile}`,
    `--storage.tsdb.path=${dataDir}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--storage.tsdb.retention.time=10y',
    '--log.level=warn',
  ];
  const managed = startProcess(
    'sh',
    ['-c', `${RAISE_FILE_LIMIT}; exec prometheus "$@"`, 'prometheus', ...args],
    path.join(workDir, 'prometheus.log')
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntil(
      'Prometheus /-/ready',
      () => answers(`${url}/-/ready`),
      () => (managed.exited() ? `prometheus exited:\n${managed.logTail()}` : undefined)
    );
  } catch (error) {
    await managed.stop();
    throw error;
  }
  return { ...managed, url };
}
