/**
 * The demo exporter: a tiny `/metrics` endpoint on 127.0.0.1 that Prometheus scrapes, continuing the backfilled
 * history live — the synthetic series from the same generator (same seed and anchor), the real series by replaying
 * the NAB file past the backfilled window.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { demoValuesAt, toExposition } from './data';
import { NAB_METRIC, type NabReplay } from './nab';

/** An extra live anomaly: `heightPerSecond` added to the synthetic series of `service` in [fromMs, untilMs). */
export interface PlantedSpike {
  service: string;
  heightPerSecond: number;
  fromMs: number;
  untilMs: number;
}

export interface DemoExporter {
  /** host:port, as a scrape target. */
  target: string;
  /** Adds a spike to the live values from now on (measurements of detection latency: `demo/liveLatency.ts`). */
  plant: (spike: PlantedSpike) => void;
  close: () => Promise<void>;
}

/** Starts the exporter on 127.0.0.1:`port` (0 = any free port). */
export function startExporter(options: {
  port: number;
  anchorMs: number;
  seed: number;
  nab: NabReplay | null;
}): Promise<DemoExporter> {
  const { port, anchorMs, seed, nab } = options;
  const planted: PlantedSpike[] = [];
  const server = http.createServer((req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404).end('not found: the demo exporter serves /metrics only\n');
      return;
    }
    const nowMs = Date.now();
    const samples = demoValuesAt(nowMs, anchorMs, seed).map((sample) => {
      const extra = planted
        .filter((p) => p.service === sample.labels.service && nowMs >= p.fromMs && nowMs < p.untilMs)
        .reduce((sum, p) => sum + p.heightPerSecond, 0);
      return { ...sample, value: sample.value + extra };
    });
    const taxi = nab?.valueAt(nowMs);
    if (nab && taxi !== null && taxi !== undefined) {
      samples.push({ name: NAB_METRIC, labels: nab.history.labels, value: taxi });
    }
    res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' }).end(toExposition(samples));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address() as AddressInfo;
      resolve({
        target: `127.0.0.1:${address.port}`,
        plant: (spike) => planted.push(spike),
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
