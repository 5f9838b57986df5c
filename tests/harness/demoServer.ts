/**
 * The demo's preview server on 127.0.0.1: the static harness (server.ts) plus a proxy from `/api/prom/…` to the
 * demo's Prometheus, so the page queries Prometheus same-origin, as Grafana's data source proxy lets it.
 * Only Prometheus's read API (`/api/v1/…`, GET and POST) is forwarded.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { handle, type HarnessServer } from './server';

/** Path prefix the demo page's Prometheus data source calls. */
export const PROM_PROXY_PREFIX = '/api/prom';

function proxy(target: URL, req: http.IncomingMessage, res: http.ServerResponse) {
  const upstream = http.request(
    target,
    { method: req.method, headers: { 'content-type': req.headers['content-type'] ?? 'text/plain' } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, { 'Content-Type': answer.headers['content-type'] ?? 'text/plain' });
      answer.pipe(res);
    }
  );
  upstream.on('error', (error) => {
    // Grafana's proxy answers 502 when the upstream is unreachable; the page shows the message.
    res.writeHead(502, { 'Content-Type': 'text/plain' }).end(`Prometheus unreachable: ${error.message}`);
  });
  req.pipe(upstream);
}

/** Starts the preview server; `prometheusUrl` is the demo Prometheus (`http://127.0.0.1:PORT`). */
export function startDemoServer(prometheusUrl: string, port = 0): Promise<HarnessServer> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith(`${PROM_PROXY_PREFIX}/api/v1/`) && (req.method === 'GET' || req.method === 'POST')) {
      proxy(new URL(url.pathname.slice(PROM_PROXY_PREFIX.length) + url.search, prometheusUrl), req, res);
      return;
    }
    if (url.pathname === '/' || url.pathname === '/demo') {
      res.writeHead(302, { Location: '/tests/harness/index.html?mode=demo' }).end();
      return;
    }
    handle(req, res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${address.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
