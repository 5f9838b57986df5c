/**
 * Init step of the compose stack (service `backfill`): writes weeks of demo history into Prometheus's empty data
 * volume with `promtool tsdb create-blocks-from openmetrics`, before Prometheus starts, and records the anchor (end
 * of the history) for the live exporter. A volume that already holds blocks is left alone, so `docker compose up`
 * after a stop neither duplicates history nor moves the anchor.
 *
 * promtool pitfalls handled here: one OpenMetrics file ending with `# EOF` and timestamps in seconds (demo/data.ts
 * `toOpenMetrics`); `--max-block-duration` so 28 days become 13 blocks rather than 336 two-hour ones (promtool
 * slows down with the block count); the open-file limit is raised in docker-compose.yaml (`ulimits`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lchownSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateDemoSeries, toOpenMetrics } from '../../demo/data';
import { type DemoStackSettings, readSettings } from './settings';

/** uid/gid of `nobody`, the user the prom/prometheus image runs as. */
const PROMETHEUS_UID = 65534;

/** A TSDB block directory is named by a ULID: 26 Crockford base-32 characters. */
const BLOCK_DIR_RE = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** Where progress goes: one JSON line per event on stdout by default. */
export type Log = (message: string, extra?: Record<string, unknown>) => void;

const jsonLineLog: Log = (message, extra = {}) => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), msg: message, ...extra })}\n`);
};

/** Names of the TSDB blocks in `dataDir` (none when the directory does not exist yet). */
export function existingBlocks(dataDir: string): string[] {
  return existsSync(dataDir) ? readdirSync(dataDir).filter((name) => BLOCK_DIR_RE.test(name)) : [];
}

/** The OpenMetrics text of the demo history ending at `anchorMs`, stamped with the exporter's scrape labels. */
export function historyOpenMetrics(settings: DemoStackSettings, anchorMs: number): string {
  const series = generateDemoSeries({
    endMs: anchorMs,
    days: settings.historyDays,
    stepMs: settings.stepMs,
    seed: settings.seed,
  });
  return toOpenMetrics(series.map((s) => ({ ...s, labels: { ...s.labels, ...settings.scrapeLabels } })));
}

/** Hands the blocks to Prometheus's user: the volume was created by this root container. */
function chownTree(dir: string): void {
  lchownSync(dir, PROMETHEUS_UID, PROMETHEUS_UID);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const child = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      chownTree(child);
    } else {
      lchownSync(child, PROMETHEUS_UID, PROMETHEUS_UID);
    }
  }
}

function runPromtool(args: string[]): void {
  const result = spawnSync('promtool', args, { stdio: 'inherit' });
  if (result.error) {
    throw new Error(`promtool could not be started: ${result.error.message}`);
  }
  if (result.status !== 0) {
    throw new Error(`promtool ${args.join(' ')} exited with status ${result.status ?? result.signal}`);
  }
}

/** Runs the backfill; returns the anchor (Unix ms) of the history now in `dataDir`, or null when it was skipped. */
export function backfill(settings: DemoStackSettings, nowMs: number, log: Log = jsonLineLog): number | null {
  const blocks = existingBlocks(settings.dataDir);
  if (blocks.length > 0) {
    if (!existsSync(settings.anchorFile)) {
      throw new Error(
        `${settings.dataDir} holds ${blocks.length} blocks but ${settings.anchorFile} is missing, so the exporter ` +
          'cannot continue that history; remove the volumes (docker compose down -v) and start again'
      );
    }
    log('Prometheus data present, backfill skipped', { blocks: blocks.length });
    return null;
  }
  const anchorMs = nowMs - (nowMs % settings.stepMs);
  mkdirSync(settings.dataDir, { recursive: true });
  mkdirSync(path.dirname(settings.anchorFile), { recursive: true });
  const input = path.join(path.dirname(settings.anchorFile), 'history.om');
  writeFileSync(input, historyOpenMetrics(settings, anchorMs));
  log('creating blocks', { days: settings.historyDays, stepMs: settings.stepMs, anchorMs });
  runPromtool([
    'tsdb',
    'create-blocks-from',
    'openmetrics',
    `--max-block-duration=${settings.maxBlockHours}h`,
    '--quiet',
    input,
    settings.dataDir,
  ]);
  rmSync(input);
  if (process.getuid?.() === 0) {
    chownTree(settings.dataDir);
  }
  // Written last and atomically: an anchor file always belongs to blocks that were completely written.
  writeFileSync(`${settings.anchorFile}.tmp`, `${anchorMs}\n`);
  renameSync(`${settings.anchorFile}.tmp`, settings.anchorFile);
  log('backfill done', { blocks: existingBlocks(settings.dataDir).length, anchorMs });
  return anchorMs;
}

if (require.main === module) {
  try {
    backfill(readSettings(process.env), Date.now());
  } catch (error) {
    jsonLineLog('backfill failed', {
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    });
    process.exit(1);
  }
}
