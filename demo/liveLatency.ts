/**
 * Live detection latency of the demo (issue 13 item 6): starts the demo stack (real Prometheus, live exporter,
 * companion service with 1-minute detectors), waits until the service has analysed the clean `catalog` series,
 * plants a spike on it in the live exporter, and polls the service's Prometheus-compatible API until
 * `tidemark_anomaly{detector="demo_requests",service="catalog"}` flags it. Prints, per run, the wall time from the
 * spike's start to the flag and from the flagged sample's time to the flag (the "within one step of the
 * sample arriving"), and which 1-minute sample was flagged (0 = the first one with the spike).
 *   npx tsx demo/liveLatency.ts [--runs N] [--days N]
 * A wall-clock measurement on purpose (scrape interval, detector cycle and fit time all count): a script, not a
 * unit test. Each run starts a fresh stack, since the detector's own record of extremes (7 days) would hide a
 * second spike of the same height.
 */
import { DEMO_LIVE_SPIKES } from './data';
import { type DemoStack, startDemoStack } from './stack';

const STEP_MS = 60_000;
/**
 * Prometheus' scrape interval in the demo: the first 1-minute sample sure to hold the spike is the first grid time
 * at least one scrape after its start (an earlier one may still be answered by the scrape before it).
 */
const SCRAPE_MS = 15_000;
/** Longest wait for the service's first analysis of the demo series (cold fits on a loaded machine). */
const READY_TIMEOUT_MS = 10 * 60_000;
/** Longest wait for the flag: a detector cycle is one step plus up to 10 % jitter, Prometheus scrapes every 15 s. */
const FLAG_TIMEOUT_MS = 5 * 60_000;
const POLL_MS = 1000;
const SELECTOR = 'tidemark_anomaly{detector="demo_requests",service="catalog"}';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface RangePoint {
  timeMs: number;
  value: number;
}

/** Points of the service's `tidemark_anomaly` for catalog at the detector's 1-minute grid times in [fromMs, toMs]. */
async function anomalyPoints(serviceUrl: string, fromMs: number, toMs: number): Promise<RangePoint[]> {
  const query = new URLSearchParams({
    query: SELECTOR,
    start: String(Math.ceil(fromMs / STEP_MS) * (STEP_MS / 1000)),
    end: String(Math.floor(toMs / 1000)),
    step: String(STEP_MS / 1000),
  });
  const response = await fetch(`${serviceUrl}/api/v1/query_range?${query}`);
  if (!response.ok) {
    throw new Error(`service query_range answered ${response.status}: ${await response.text()}`);
  }
  const body = (await response.json()) as { data: { result: Array<{ values: Array<[number, string]> }> } };
  return (body.data.result[0]?.values ?? []).map(([t, v]) => ({ timeMs: t * 1000, value: Number(v) }));
}

async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) {
      return value;
    }
    await sleep(POLL_MS);
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
}

/**
 * One measurement on a fresh stack: seconds from the spike's start to the service's flag, and from the flagged
 * sample's time to it, and the flagged sample's delay in steps after the first sample sure to hold the spike.
 */
async function measure(
  stack: DemoStack
): Promise<{ latencyS: number; sampleToFlagS: number; sampleDelaySteps: number }> {
  const serviceUrl = stack.serviceUrl!;
  await waitFor('the first analysis of catalog', READY_TIMEOUT_MS, async () => {
    const now = Date.now();
    const points = await anomalyPoints(serviceUrl, now - 5 * STEP_MS, now);
    return points.length > 0 ? true : undefined;
  });
  const fromMs = Date.now();
  stack.plantLiveSpike({
    service: 'catalog',
    heightPerSecond: DEMO_LIVE_SPIKES.heightPerSecond,
    fromMs,
    untilMs: fromMs + 2 * DEMO_LIVE_SPIKES.halfWidthMs,
  });
  console.log(`  planted +${DEMO_LIVE_SPIKES.heightPerSecond} req/s on catalog at ${new Date(fromMs).toISOString()}`);
  const flagged = await waitFor('the flag', FLAG_TIMEOUT_MS, async () => {
    const points = await anomalyPoints(serviceUrl, fromMs - STEP_MS, Date.now());
    return points.find((p) => p.value >= 1 && p.timeMs >= fromMs);
  });
  const flaggedAtMs = Date.now();
  return {
    latencyS: (flaggedAtMs - fromMs) / 1000,
    sampleToFlagS: (flaggedAtMs - flagged.timeMs) / 1000,
    sampleDelaySteps: Math.max(
      0,
      Math.round((flagged.timeMs - Math.ceil((fromMs + SCRAPE_MS) / STEP_MS) * STEP_MS) / STEP_MS)
    ),
  };
}

async function main(): Promise<number> {
  const runs = flag('runs', 1);
  const days = flag('days', 17);
  const sampleToFlag: number[] = [];
  for (let run = 0; run < runs; run++) {
    const stack = await startDemoStack({ days, log: (line) => console.log(`  [stack] ${line}`) });
    try {
      const result = await measure(stack);
      sampleToFlag.push(result.sampleToFlagS);
      console.log(
        `run ${run + 1}: flagged ${result.latencyS.toFixed(1)} s after the spike started, ` +
          `${result.sampleToFlagS.toFixed(1)} s after the time of the flagged sample, which is ` +
          `${result.sampleDelaySteps} step(s) after the first 1-minute sample of the spike`
      );
    } finally {
      await stack.stop();
    }
  }
  const within = sampleToFlag.filter((s) => s <= STEP_MS / 1000).length;
  console.log(
    `${within}/${runs} spikes flagged within a minute of their first sample (` +
      `${sampleToFlag.map((s) => s.toFixed(1)).join(', ')} s)`
  );
  return within === runs ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
);
