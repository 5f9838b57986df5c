/**
 * Browser check of "fit on service" mode: the Tidemark data source in the harness sends its fits through the
 * plugin route (`/api/datasources/proxy/uid/tidemark/fitservice`, proxied here as Grafana's data proxy would) to a
 * real companion service with the real analyzer on one thread, reads the streamed answer through `backendSrv.chunked`
 * and fills the panel series by series; a cancelled query drops the HTTP request and the service's queue empties.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startService, writeConfig, type RunningService } from '../../service/test/harness';
import { handle, type HarnessServer } from '../harness/server';
import { openHarness, screenshot, type Session } from './browser';
import { drawnSeries, harnessValue, type HarnessWindow, startStream, type Stream } from './datasource.checks';
import type { Check } from './panel.checks';

const ROUTE_PREFIX = '/api/datasources/proxy/uid/tidemark/fitservice';
const SERVICE_MODE = `jsonData=${encodeURIComponent(JSON.stringify({ upstreamUid: 'synthetic', fitLocation: 'service' }))}`;

/** The harness plus the data proxy's `fitservice` route; a client that goes away takes the upstream call along. */
function startProxyServer(serviceUrl: string): Promise<HarnessServer> {
  const server = http.createServer((req, res) => {
    if (!req.url?.startsWith(`${ROUTE_PREFIX}/`)) {
      handle(req, res);
      return;
    }
    const target = new URL(req.url.slice(ROUTE_PREFIX.length), serviceUrl);
    const headers = { 'content-type': req.headers['content-type'] ?? '', accept: req.headers.accept ?? '*/*' };
    const upstream = http.request(target, { method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, { 'content-type': answer.headers['content-type'] ?? 'text/plain' });
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    res.on('close', () => !res.writableFinished && upstream.destroy());
    req.pipe(upstream);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise<void>((done) => (server.closeAllConnections(), server.close(() => done()))),
      })
    )
  );
}

/** The service's queue depth and the number of API fits that ran to an end (cancelled fits are not counted). */
async function serviceCounts(service: RunningService) {
  const text = await (await fetch(`${service.url}/metrics`)).text();
  const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? 0);
  return {
    depth: value(/^tidemark_queue_depth (\S+)/m),
    fits: value(/^tidemark_fit_duration_seconds_count\{source="api"\} (\S+)/m),
  };
}

async function streamToDone(session: Session) {
  const { page, errors } = await openHarness(session, `mode=datasource&theme=dark&${SERVICE_MODE}`, {
    width: 960,
    height: 900,
  });
  await startStream(page);
  await page.waitForFunction(() => ((window as unknown as HarnessWindow).harness.stream as Stream).done, null, {
    timeout: 240_000,
  });
  const png = await screenshot(page, 'datasource-service-streaming-dark');
  const drawn = await drawnSeries(page, png);
  const stream = await harnessValue<Stream>(page, 'stream');
  await page.close();
  return { stream, drawn, errors };
}

async function cancelMidStream(session: Session, service: RunningService) {
  const { page, errors } = await openHarness(session, `mode=datasource&theme=dark&${SERVICE_MODE}`);
  await startStream(page);
  // Cancel while the request's fits wait on the service's one thread (polled from here: no page round trips).
  for (let i = 0; i < 1200 && (await serviceCounts(service)).depth === 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const waitingAtCancel = (await serviceCounts(service)).depth;
  await page.evaluate(() => ((window as unknown as HarnessWindow).harness.cancelStream as () => void)());
  const atCancel = (await harnessValue<Stream>(page, 'stream')).emissions.length;
  // Without the cancel the waiting fits would run on and finish: the queue would not stay empty with no new fits.
  let counts = await serviceCounts(service);
  for (let i = 0; i < 20 && counts.depth > 0; i++) {
    await page.waitForTimeout(250);
    counts = await serviceCounts(service);
  }
  // A fit running at the cancel is terminated, not finished: the count of finished fits stays where it is.
  await page.waitForTimeout(1000);
  const later = await serviceCounts(service);
  const after = await harnessValue<Stream>(page, 'stream');
  await page.close();
  return { atCancel, waitingAtCancel, after, depth: counts.depth, fits: [counts.fits, later.fits], errors };
}

export const SERVICE_MODE_CHECKS: Check[] = [
  {
    name: 'fits on the service stream series by series into the panel; a cancelled query empties its queue',
    run: async (session) => {
      const service = await startService(writeConfig('limits: { threads: 1 }\n'), { analyzer: 'real' });
      const proxy = await startProxyServer(service.url);
      try {
        const proxied = { ...session, server: proxy };
        const { stream, drawn, errors } = await streamToDone(proxied);
        const counts = stream.emissions.map((e) => e.series);
        assert.equal(stream.error, undefined);
        // How many lines share one read depends on how busy the page is drawing the previous response (machine
        // speed), so the check asks for what users see: a partial panel before the full one, never shrinking.
        const partial = stream.emissions.filter((e) => e.state === 'Streaming' && e.series > 0 && e.series < 50);
        assert.ok(partial.length >= 1, `no partial response before Done: ${counts}`);
        assert.ok(
          counts.every((c, i) => i === 0 || c >= counts[i - 1]),
          `counts: ${counts}`
        );
        assert.deepEqual(stream.emissions[stream.emissions.length - 1], {
          state: 'Done',
          series: 50,
          pending: undefined,
        });
        assert.equal(drawn.legendSeries, 50, `drawn: ${JSON.stringify(drawn)}`);
        assert.deepEqual(errors, []);
        const cancel = await cancelMidStream(proxied, service);
        assert.equal(cancel.depth, 0, 'the service dropped the cancelled request’s waiting fits');
        assert.ok(cancel.waitingAtCancel > 0, 'fits were waiting on the service at the cancel');
        // 50 fits of the first query, then fewer than 50 of the cancelled one, and none after the cancel.
        assert.ok(cancel.fits[1] < 100 && cancel.fits[1] === cancel.fits[0], `finished API fits: ${cancel.fits}`);
        assert.equal(cancel.after.emissions.length, cancel.atCancel, 'no responses after the cancel');
        assert.equal(cancel.after.done, false);
        assert.deepEqual(cancel.errors, []);
        return `${stream.emissions.length} responses; series per response: ${counts.join(' ')}; cancelled with ${cancel.waitingAtCancel} fits waiting after ${cancel.atCancel} response(s), queue ${cancel.depth}, API fits finished ${cancel.fits}`;
      } finally {
        await proxy.close();
        assert.equal(await service.stop(), 0);
      }
    },
  },
];
