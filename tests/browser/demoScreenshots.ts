/**
 * "Last 6 hours" screenshots of the demo page for the README (issue 13 item 6): the Tidemark panel and Grafana's
 * stock Time series on the demo stack, cropped to the plugin's UI (no harness banner or preset buttons), at the
 * step Grafana asks for over a ~1,000-pixel panel (6 h / 1,000 points → its 20 s interval; the data source then
 * answers at its own step, at least the 15 s scrape interval and dividing an hour). The view ends 57 hours before the backfill's end, so the demo's planted 90-minute spike
 * (60 hours before the end) is in the last 6 hours, flagged at its own minutes.
 *   npm run build && npx tsx tests/browser/demoScreenshots.ts
 */
import path from 'node:path';
import { DEMO_EVENTS } from '../../demo/data';
import { ROOT } from './browser';
import { DEMO_TEST_END_MS, demoState, openDemo } from './demoPage';
import { clipAround, runWithDemoStack } from './screenshotStack';
import { HOUR_MS } from '../../src/contract/constants';

const VIEW_END_MS = DEMO_TEST_END_MS - DEMO_EVENTS.spike.startBeforeEndMs + 3 * HOUR_MS;

runWithDemoStack('demo screenshots', async (session, stack) => {
  const { page, errors } = await openDemo(session, stack, 'synthetic', {
    toMs: VIEW_END_MS,
    days: 0.25,
    maxDataPoints: 1000,
  });
  if (errors.length > 0) {
    throw new Error(errors.join('\n'));
  }
  const run = (await demoState(page)).lastRun;
  for (const a of run.anomalies) {
    const step = a.times.length > 1 ? (a.times[1] - a.times[0]) / 1000 : NaN;
    console.log(`${a.name}: ${a.times.length} points at ${step} s, ${a.flagged.length} flagged`);
  }
  const bands = page.getByTestId('demo-tidemark-panel');
  const stock = page.getByTestId('demo-stock-panel');
  const file = 'docs/img/demo-last-6-hours.png';
  await page.screenshot({ path: path.join(ROOT, file), clip: await clipAround(page, [bands, stock]) });
  console.log(`wrote ${file}`);
});
