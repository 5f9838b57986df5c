/**
 * Dashboard refresh benchmark (issue 13 item 4), run by `npm run bench:browser` after the render benchmark: 20 series ×
 * 1,000 one-minute points through the built data source and its Web Worker pool in headless chromium (harness mode
 * `refresh`). "cold" = the first query of a page (workers start, every model is fitted); "warm" = the next refresh
 * (fits recalled from the pool's cache, only the Kalman filter runs). Target: cold ≤ 2 s.
 */
import { openHarness, type Session } from './browser';

const RUNS = 3;
const TARGET_MS = 2000;

interface Refresh {
  ms: number;
  /** Of `ms`, the time the page's upstream stand-in took to answer the range queries. */
  upstreamMs: number;
  frames: number;
  minRows: number;
  errors: unknown[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Prints the figures; resolves to true when the cold refresh median meets the target. */
export async function refreshBench(session: Session, series = 20, points = 1000): Promise<boolean> {
  const cold: number[] = [];
  const warm: number[] = [];
  const upstream: number[] = [];
  let cores = 0;
  let last: Refresh | undefined;
  for (let run = 0; run < RUNS; run++) {
    const { page, errors } = await openHarness(session, `mode=refresh&series=${series}&points=${points}`);
    if (errors.length) {
      throw new Error(errors.join('\n'));
    }
    const refresh = () =>
      page.evaluate(() => (window as unknown as { harness: { refresh: () => Promise<Refresh> } }).harness.refresh());
    cores = await page.evaluate(() => navigator.hardwareConcurrency);
    last = await refresh();
    cold.push(last.ms);
    upstream.push(last.upstreamMs);
    warm.push((await refresh()).ms);
    await page.close();
  }
  if (!last || last.errors.length > 0 || last.frames !== series) {
    throw new Error(`refresh returned ${last?.frames} frames for ${series} series: ${JSON.stringify(last?.errors)}`);
  }
  console.log(
    `dashboard refresh, ${series} series × ${points} one-minute points (${last.minRows}+ rows per frame), worker pool: ` +
      `cold median ${median(cold).toFixed(0)} ms, warm median ${median(warm).toFixed(0)} ms (${RUNS} page loads); ` +
      `ratio cold/warm ${(median(cold) / median(warm)).toFixed(1)}; of cold, upstream stand-in ` +
      `${median(upstream).toFixed(0)} ms; ${cores} cores seen by the page`
  );
  const ok = median(cold) <= TARGET_MS;
  console.log(`${ok ? 'OK' : 'OVER BUDGET'}: cold refresh median vs ${TARGET_MS} ms budget`);
  return ok;
}
