/**
 * A tiny static server for the harness on 127.0.0.1 (a free port). It serves only the harness page and its
 * build, the built plugin (dist/), the frame fixtures and Grafana's public icons and fonts (assets.ts). Run it for manual previews:
 *   npx tsx tests/harness/server.ts   → prints http://127.0.0.1:<port>/tests/harness/index.html?mode=panel
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { PUBLIC_PATH, publicAssetFile } from './assets';

const ROOT = path.resolve(__dirname, '..', '..');
const ALLOWED_PREFIXES = ['/tests/harness/', '/dist/', '/tests/fixtures/frames/'];
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
};

export interface HarnessServer {
  url: string;
  close: () => Promise<void>;
}

export function handle(req: http.IncomingMessage, res: http.ServerResponse) {
  const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
  const asset = pathname.startsWith(PUBLIC_PATH) ? publicAssetFile(pathname) : null;
  const file = asset ?? path.join(ROOT, path.normalize(pathname));
  const allowed =
    asset !== null || (ALLOWED_PREFIXES.some((p) => pathname.startsWith(p)) && file.startsWith(ROOT + path.sep));
  if (!allowed || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`not found: ${pathname}`);
    return;
  }
  res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
}

/** Starts the server on 127.0.0.1 and a port the OS picks. */
export function startHarnessServer(): Promise<HarnessServer> {
  const server = http.createServer(handle);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

if (require.main === module) {
  startHarnessServer().then(({ url }) => {
    console.log(`${url}/tests/harness/index.html?mode=panel&fixture=single&theme=dark`);
  });
}
