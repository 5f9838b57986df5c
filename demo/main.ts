/**
 * `npm run demo` (after scripts/demo.sh has built dist/ and the harness host): starts the demo stack, prints the
 * preview URL and stops everything on Ctrl-C or SIGTERM. A development harness, not a Grafana replacement.
 *   tsx demo/main.ts [--days N] [--port PORT]
 */
import { DEMO_LIVE_SPIKES, nextLiveSpikeMs } from './data';
import { startDemoStack } from './stack';
import { HOUR_MS } from '../src/contract/constants';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const days = Number(flag('days') ?? 21);
  const port = flag('port');
  const log = (line: string) => console.log(`[demo] ${line}`);
  const stack = await startDemoStack({ days, previewPort: port ? Number(port) : undefined, log });
  const { backfill, total } = stack.timingsMs;
  const firstSpike = new Date(nextLiveSpikeMs(stack.anchorMs, Date.now())).toISOString();
  console.log(
    [
      '',
      `Tidemark demo is running (backfill ${(backfill / 1000).toFixed(1)} s, start-up ${(total / 1000).toFixed(1)} s):`,
      `  preview page        ${stack.previewUrl}`,
      `  Prometheus          ${stack.prometheusUrl}`,
      `  companion service   ${stack.serviceUrl ?? '(off)'}   (/metrics, /api/v1/query_range on tidemark_*)`,
      `  live exporter       http://${stack.exporterTarget}/metrics`,
      '',
      `First live spike on checkout at ${firstSpike}, then every ${DEMO_LIVE_SPIKES.everyMs / HOUR_MS} h;`,
      'the service scores every new sample each minute and flags a spike within about a minute of its start',
      '(tidemark_anomaly{detector="demo_requests"} = 2).',
      '',
      'A development harness that loads the built plugin the way Grafana does; it is not Grafana.',
      'Press Ctrl-C to stop (Prometheus, the service and the exporter stop; temp data is removed).',
    ].join('\n')
  );
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    log(`${signal}: stopping…`);
    await stack.stop();
    log('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`[demo] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
