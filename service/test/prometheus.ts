/**
 * A real Prometheus (Debian `prometheus` 2.42) for service tests: backfills samples with `promtool tsdb
 * create-blocks-from openmetrics` and runs the server on 127.0.0.1 with a temp config and data dir. Under
 * CI=true a missing Prometheus is a failure, not a skip (see `prometheusAvailable`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { http, waitFor } from './harness';

/** True when `prometheus` and `promtool` are on PATH. */
export function prometheusAvailable(): boolean {
  return ['prometheus', 'promtool'].every((bin) => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0);
}

export interface Sample {
  labels: Record<string, string>;
  timeMs: number;
  value: number;
}

/**
 * Writes `samples` of one gauge into TSDB blocks under `dataDir`. All samples go into one OpenMetrics file
 * ending with `# EOF`, timestamps in seconds, each series' samples in time order, as promtool requires.
 */
export function backfill(dataDir: string, metric: string, samples: Sample[]): void {
  const bySeries = new Map<string, Sample[]>();
  for (const sample of samples) {
    const key = JSON.stringify(sample.labels);
    bySeries.set(key, [...(bySeries.get(key) ?? []), sample]);
  }
  const lines = [`# TYPE ${metric} gauge`];
  for (const series of bySeries.values()) {
    for (const s of series.sort((a, b) => a.timeMs - b.timeMs)) {
      const labels = Object.entries(s.labels)
        .map(([k, v]) => `${k}="${v}"`)
        .join(',');
      lines.push(`${metric}{${labels}} ${s.value} ${s.timeMs / 1000}`);
    }
  }
  lines.push('# EOF');
  const file = path.join(dataDir, 'backfill.om');
  writeFileSync(file, `${lines.join('\n')}\n`);
  // Many small blocks: raise the open-file limit where allowed; -q keeps promtool's block list off the output.
  const result = spawnSync(
    'sh',
    [
      '-c',
      `ulimit -n 65536 2>/dev/null; exec promtool tsdb create-blocks-from openmetrics -q "$0" "$1"`,
      file,
      dataDir,
    ],
    {
      encoding: 'utf8',
    }
  );
  if (result.status !== 0) {
    throw new Error(`promtool failed (${result.status}): ${result.stderr}`);
  }
}

export interface RunningPrometheus {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts Prometheus on `port` scraping `targets` every second (honor_labels, as deploy/ recommends). */
export async function startPrometheus(port: number, dataDir: string, targets: string[]): Promise<RunningPrometheus> {
  const configFile = path.join(mkdtempSync(path.join(tmpdir(), 'tidemark-prom-')), 'prometheus.yml');
  writeFileSync(
    configFile,
    [
      'global: { scrape_interval: 1s, scrape_timeout: 1s, evaluation_interval: 1s }',
      'scrape_configs:',
      '  - job_name: tidemark',
      '    honor_labels: true',
      `    static_configs: [{ targets: [${targets.map((t) => `'${t}'`).join(', ')}] }]`,
      '',
    ].join('\n')
  );
  const child = spawn(
    'sh',
    [
      '-c',
      'ulimit -n 65536 2>/dev/null; exec prometheus "$@"',
      'prometheus',
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${dataDir}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--storage.tsdb.retention.time=100y',
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] }
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: { toString(): string }) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor('prometheus ready', async () => {
      if (child.exitCode !== null) {
        throw new Error(`prometheus exited: ${stderr}`);
      }
      const res = await http(`${url}/-/ready`).catch(() => undefined);
      return res?.status === 200 ? true : undefined;
    });
  } catch (err) {
    child.kill('SIGTERM');
    throw err;
  }
  return {
    url,
    dataDir,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
