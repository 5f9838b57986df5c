/**
 * Plumbing for the demo checks: the demo stack (real Prometheus, exporter, service, preview server) started for the
 * browser run, and a page opener for the demo mode that records the page's workers.
 */
import type { Page, Worker } from 'playwright-core';
import { missingPrometheusBinaries } from '../../demo/prometheus';
import { type DemoStack, startDemoStack } from '../../demo/stack';
import type { Session } from './browser';

/**
 * The simulated "now" of the demo checks: the backfilled history ends here and the page's visible range ends here,
 * so no check depends on the wall clock or the time of day the suite runs at (models refit at clock-aligned times,
 * and the real series is shifted to end at "now"). An arbitrary time, deliberately not on an hour boundary; the
 * check `demo: … at several simulated times of day` moves it through a day.
 */
export const DEMO_TEST_END_MS = Date.UTC(2026, 10, 16, 9, 47, 13);

/**
 * The demo stack for the browser run, or null (skip) when Prometheus is missing outside CI; under CI=true a
 * missing Prometheus throws. 17 days = the synthetic preset's 14-day training window plus 3 visible days (nyc_taxi
 * is backfilled for `NAB_REPLAY_MIN_DAYS`, its default 28-day window).
 */
export async function startTestStack(endMs: number = DEMO_TEST_END_MS, withService = true): Promise<DemoStack | null> {
  const missing = missingPrometheusBinaries();
  if (missing.length > 0) {
    const message = `${missing.join(' and ')} not found (apt-get install prometheus)`;
    if (process.env.CI === 'true') {
      throw new Error(message);
    }
    console.log(`SKIP demo browser checks: ${message}`);
    return null;
  }
  return startDemoStack({ days: 17, endMs, withService, log: (line) => console.log(`    [stack] ${line}`) });
}

export interface DemoPageHandle {
  page: Page;
  errors: string[];
  workerUrls: string[];
}

/** The state demoMode.tsx exposes on `window.harness`. */
export interface DemoHarness {
  error?: string;
  runCount: number;
  timeRange: { fromMs: number; toMs: number };
  workers: Array<{ url: string; messages: number }>;
  lastRun: {
    ms: number;
    frames: number;
    errors: string[];
    prometheusQueries: number;
    anomalies: Array<{
      name: string;
      times: number[];
      flagged: number[];
      flags: Array<number | null>;
      /** Anomaly windows [startMs, endMs] from frame meta: shaded on the panel. */
      windows: number[][];
      /** First forecast-horizon time (shaded on the panel); +Infinity (null after JSON) when there is none. */
      horizonStartMs: number | null;
      /** Outermost (strongest level) lower band per point; null where there is none. */
      strongLower: Array<number | null>;
    }>;
  };
}

/** Reads `window.harness` of the demo page. */
export function demoState(page: Page): Promise<DemoHarness> {
  return page.evaluate(() => {
    const h = (window as unknown as { harness: DemoHarness }).harness;
    return JSON.parse(JSON.stringify(h)) as DemoHarness;
  });
}

/**
 * Opens the demo page with a preset and waits for its first query (upstream + fits) to finish. `view` moves the
 * visible range: its end (default: the stack's pinned end) and its length in days (default: the page's 3); and
 * `maxDataPoints` makes the page ask for Grafana's interval for that many points (default: hourly).
 */
export async function openDemo(
  session: Session,
  stack: DemoStack,
  preset: string,
  view: { toMs?: number; days?: number; maxDataPoints?: number } = {}
): Promise<DemoPageHandle> {
  const page = await session.browser.newPage({ viewport: { width: 1140, height: 1320 }, deviceScaleFactor: 1 });
  const errors: string[] = [];
  const workerUrls: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('worker', (worker: Worker) => workerUrls.push(worker.url()));
  const toMs = view.toMs ?? stack.pinnedEndMs;
  const pin =
    (toMs === undefined ? '' : `&to=${toMs}`) +
    (view.days === undefined ? '' : `&days=${view.days}`) +
    (view.maxDataPoints === undefined ? '' : `&maxDataPoints=${view.maxDataPoints}`);
  // Generous: the page pulls dist/ and the shared modules, slow on a loaded 2-core machine.
  await page.goto(`${stack.previewUrl}&preset=${preset}${pin}`, { timeout: 90_000 });
  await page.waitForFunction(() => document.body.dataset.ready, null, { timeout: 90_000 });
  const state = await demoState(page);
  if (state.error) {
    errors.push(state.error);
  }
  return { page, errors, workerUrls };
}

/** Waits until the page has completed more than `count` query runs. */
export async function waitForRun(page: Page, count: number, timeoutMs = 60_000): Promise<void> {
  await page.waitForFunction(
    (n) => (window as unknown as { harness: { runCount: number } }).harness.runCount > n,
    count,
    { timeout: timeoutMs }
  );
}
