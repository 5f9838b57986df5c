/**
 * The compose stack's demo metric source (service `demo`): serves the demo series' live values on `/metrics`,
 * continuing the history the backfill wrote (same seed, same anchor), so Prometheus has weeks of seasonal data with
 * a spike, a level shift and a drift the moment the stack is up.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { demoValuesAt, nextLiveSpikeMs, toExposition } from '../../demo/data';
import { type DemoStackSettings, readSettings } from './settings';

/**
 * Prometheus 3 refuses a scrape whose Content-Type it does not recognise (unless the job sets
 * `fallback_scrape_protocol`), so the text format is declared explicitly.
 */
export const EXPOSITION_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** Reads the anchor the backfill wrote; throws with the file name when it is missing or malformed. */
export function readAnchorMs(file: string): number {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the backfill anchor ${file}: ${(error as Error).message}`);
  }
  const anchorMs = Number(text.trim());
  if (!Number.isInteger(anchorMs) || anchorMs <= 0) {
    throw new Error(`${file} must hold the anchor in Unix ms, got ${JSON.stringify(text.trim())}`);
  }
  return anchorMs;
}

/** The exporter's HTTP server: `GET /metrics` (values at request time) and `GET /-/healthy`. */
export function createExporter(
  settings: Pick<DemoStackSettings, 'seed'>,
  anchorMs: number,
  clock: () => number = Date.now
): Server {
  return createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method !== 'GET') {
      response.writeHead(405, { Allow: 'GET' }).end();
    } else if (url.pathname === '/metrics') {
      const body = toExposition(demoValuesAt(clock(), anchorMs, settings.seed));
      response.writeHead(200, { 'Content-Type': EXPOSITION_CONTENT_TYPE }).end(body);
    } else if (url.pathname === '/-/healthy') {
      response.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok\n');
    } else {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found: try /metrics\n');
    }
  });
}

if (require.main === module) {
  const settings = readSettings(process.env);
  const anchorMs = readAnchorMs(settings.anchorFile);
  const server = createExporter(settings, anchorMs);
  server.listen(settings.port, '0.0.0.0', () => {
    // The anchor may be days old (the backfill runs once per volume): name the next spike, not the first.
    const nextLiveSpike = new Date(nextLiveSpikeMs(anchorMs, Date.now())).toISOString();
    process.stdout.write(`${JSON.stringify({ msg: 'listening', port: settings.port, anchorMs, nextLiveSpike })}\n`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
