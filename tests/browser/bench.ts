/**
 * Render benchmark of the built bands panel in headless chromium (issue 6, item 5), against Grafana's stock
 * TimeSeries drawing the same frames in the same run:
 *   npm run build && npx tsx tests/browser/bench.ts [series=10] [points=10000]
 *   npx tsx tests/browser/bench.ts refresh    (only the dashboard refresh benchmark, `refreshBench.ts`)
 * "first render" = React render + frame mapping + uPlot build + first draw (flushSync and uPlot's microtask);
 * field overrides are Grafana's query-runner work and are reported separately. "pan/zoom" = one time-range change
 * (what drag-zoom and panning do) re-rendered and redrawn.
 */
import type { Page } from 'playwright-core';
import { openHarness, Session, startSession } from './browser';
import { refreshBench } from './refreshBench';

const RUNS = 5;
const STEPS = 30;

interface Api {
  firstRenderMs: number;
  overridesMs: number;
  panZoom: (steps: number) => Promise<Array<{ renderMs: number; toFrameMs: number }>>;
}

/** Zooms in over STEPS time-range changes, then pans right (the harness's bench loop); per-change timings. */
async function panZoom(page: Page): Promise<Array<{ renderMs: number; toFrameMs: number }>> {
  return page.evaluate((steps) => (window as unknown as { harness: Api }).harness.panZoom(steps), STEPS);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];

async function measure(session: Session, query: string) {
  const first: number[] = [];
  const overrides: number[] = [];
  let changes: Array<{ renderMs: number; toFrameMs: number }> = [];
  for (let run = 0; run < RUNS; run++) {
    const { page, errors } = await openHarness(session, query, { width: 1300, height: 560 });
    if (errors.length) {
      throw new Error(errors.join('\n'));
    }
    const api = await page.evaluate(() => {
      const h = (window as unknown as { harness: Api }).harness;
      return { firstRenderMs: h.firstRenderMs, overridesMs: h.overridesMs };
    });
    first.push(api.firstRenderMs);
    overrides.push(api.overridesMs);
    if (run === 0) {
      changes = await panZoom(page);
    }
    await page.close();
  }
  return { first, overrides, changes };
}

async function main() {
  if (process.argv[2] === 'refresh') {
    // Only the dashboard refresh benchmark (issue 13 item 4).
    const session = await startSession();
    try {
      return session && !(await refreshBench(session)) ? 1 : 0;
    } finally {
      await session?.close();
    }
  }
  const series = process.argv[2] ?? '10';
  const points = process.argv[3] ?? '10000';
  const session = await startSession();
  if (!session) {
    return 0;
  }
  try {
    const base = `mode=bench&series=${series}&points=${points}&theme=dark&width=1280&height=540`;
    const panel = await measure(session, base);
    const stock = await measure(session, `${base}&stock=1`);
    const fmt = (xs: number[]) => `median ${median(xs).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`;
    console.log(`${series} series × ${points} points, ${RUNS} page loads each, chromium headless`);
    console.log(`bands panel first render:  ${fmt(panel.first)}`);
    console.log(`stock TimeSeries render:   ${fmt(stock.first)}`);
    console.log(`ratio panel/stock (median): ${(median(panel.first) / median(stock.first)).toFixed(2)}`);
    console.log(`field overrides (Grafana query runner, not the panel): ${fmt(panel.overrides)}`);
    for (const [label, result] of [
      ['bands panel', panel],
      ['stock TimeSeries', stock],
    ] as const) {
      const render = result.changes.map((c) => c.renderMs);
      const toFrame = result.changes.map((c) => c.toFrameMs);
      console.log(
        `${label} pan/zoom, ${render.length} range changes with new data: render median ${median(render).toFixed(1)} ms, ` +
          `p95 ${p95(render).toFixed(1)} ms; to next frame median ${median(toFrame).toFixed(1)} ms, ` +
          `p95 ${p95(toFrame).toFixed(1)} ms`
      );
    }
    const budgetMs = 100;
    const ok = median(panel.first) < budgetMs;
    console.log(`${ok ? 'OK' : 'OVER BUDGET'}: first render median vs ${budgetMs} ms budget`);
    const refreshOk = await refreshBench(session);
    return ok && refreshOk ? 0 : 1;
  } finally {
    await session.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
);
