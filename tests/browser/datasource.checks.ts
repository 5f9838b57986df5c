/**
 * Browser checks of the data source in the harness (`datasource` mode): the upstream Prometheus editor used for
 * PromQL (a stand-in with autocomplete and metrics browser, attached as Grafana attaches plugin components), the
 * plain fallback with its notice, and a 50-series query that streams partial results and stops when cancelled.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openHarness, screenshot } from './browser';
import { columns, hueBinsUsed } from './pixels';
import type { Check } from './panel.checks';
import { DAY_MS } from '../../src/contract/constants';

const WITH_UPSTREAM = `jsonData=${encodeURIComponent(JSON.stringify({ upstreamUid: 'prometheus' }))}`;
const SYNTHETIC = `jsonData=${encodeURIComponent(JSON.stringify({ upstreamUid: 'synthetic', fitLocation: 'browser' }))}`;
/** A fixed range (no wall clock): the last day of a week of hourly synthetic data. */
const TO_MS = Date.UTC(2026, 0, 8);
export const STREAM_TARGET = {
  refId: 'A',
  expr: 'synthetic_load',
  season: '1d',
  resolution: '1h',
  trainingWindow: { type: 'duration', duration: '6d' },
  horizon: '0s',
  seriesLimit: 50,
};

export interface Stream {
  emissions: Array<{ state?: string; series: number; pending?: string }>;
  done: boolean;
  error?: string;
}

export type HarnessWindow = { harness: Record<string, unknown> };
export const harnessValue = <T>(page: Page, key: string) =>
  page.evaluate((k) => (window as unknown as HarnessWindow).harness[k], key) as Promise<T>;

/**
 * What the Tidemark panel above the editor drew: its legend's series (actual lines, forecasts excluded) and the hue
 * bins of the plot's pixels (`hueBinsUsed`). The panel redraws each streamed response while the harness keeps
 * `structureRev` at 1 (a host that never bumps it): a panel that trusted that revision kept the first response's
 * single series.
 */
export async function drawnSeries(page: Page, png: Buffer) {
  const panel = page.locator('[data-testid="harness-stream"]');
  const prefix = 'data-testid VizLegend series ';
  const legend = await panel
    .locator(`[data-testid^="${prefix}"]`)
    .evaluateAll((items, p) => items.map((item) => item.getAttribute('data-testid')!.slice(p.length)), prefix);
  const box = await panel.locator('.u-over').boundingBox();
  assert.ok(box, 'the Tidemark panel drew a plot');
  const xs = Array.from({ length: 40 }, (_, i) => Math.round(box.x + ((i + 0.5) * box.width) / 40));
  const cols = await columns(page, png, xs, Math.round(box.y), Math.round(box.y + box.height));
  return { legendSeries: legend.filter((name) => !name.endsWith(' forecast')).length, hueBins: hueBinsUsed(cols) };
}

export async function startStream(page: Page) {
  await page.evaluate(
    ({ target, fromMs, toMs }) =>
      ((window as unknown as HarnessWindow).harness.startStream as (...a: unknown[]) => void)(target, fromMs, toMs, 50),
    { target: STREAM_TARGET, fromMs: TO_MS - DAY_MS, toMs: TO_MS }
  );
}

export const DATASOURCE_CHECKS: Check[] = [
  {
    name: 'PromQL is edited in the upstream Prometheus editor: autocomplete, metrics browser, legend',
    run: async (session) => {
      const { page, errors } = await openHarness(session, `mode=datasource&theme=dark&${WITH_UPSTREAM}`);
      const code = page.getByLabel('Prometheus code editor');
      await code.waitFor({ timeout: 10_000 });
      assert.equal(await page.getByTestId('tidemark-plain-promql-notice').count(), 0, 'no fallback notice');
      await code.fill('sum(rate(http_req');
      await page.getByRole('option', { name: 'http_requests_total' }).click();
      await page.getByLabel('Prometheus legend').fill('{{service}}');
      await screenshot(page, 'datasource-upstream-editor-dark');
      const query = await harnessValue<{ expr: string; legendFormat: string; editorMode: string }>(page, 'query');
      assert.equal(query.expr, 'sum(rate(http_requests_total');
      assert.equal(query.legendFormat, '{{service}}');
      await page.getByRole('button', { name: 'Metrics browser' }).click();
      await page.getByTestId('stand-in-metrics-browser').getByRole('button', { name: 'node_load1' }).click();
      assert.equal((await harnessValue<{ expr: string }>(page, 'query')).expr, 'node_load1');
      assert.deepEqual(errors, []);
      await page.close();
      return `query: ${JSON.stringify(query)}`;
    },
  },
  {
    name: 'PromQL falls back to a plain input with a notice when the upstream has no editor',
    run: async (session) => {
      const { page, errors } = await openHarness(
        session,
        `mode=datasource&theme=dark&upstreamEditor=none&${WITH_UPSTREAM}`
      );
      const notice = page.getByTestId('tidemark-plain-promql-notice');
      await notice.waitFor({ timeout: 10_000 });
      assert.match((await notice.textContent()) ?? '', /"Prometheus" offers no query editor/);
      await page.getByLabel('PromQL').fill('up');
      await page.getByLabel('Legend').fill('{{job}}');
      await screenshot(page, 'datasource-plain-promql-dark');
      const query = await harnessValue<{ expr: string; legendFormat: string }>(page, 'query');
      assert.deepEqual([query.expr, query.legendFormat], ['up', '{{job}}']);
      assert.deepEqual(errors, []);
      await page.close();
    },
  },
  {
    name: 'a 50-series query streams partial results as series finish, then Done',
    run: async (session) => {
      const { page, errors } = await openHarness(session, `mode=datasource&theme=dark&${SYNTHETIC}`, {
        width: 960,
        height: 900,
      });
      await startStream(page);
      await page.waitForFunction(
        () => ((window as unknown as HarnessWindow).harness.stream as Stream).emissions.length >= 15,
        null,
        { timeout: 180_000 }
      );
      await screenshot(page, 'datasource-streaming-partial-dark');
      await page.waitForFunction(() => ((window as unknown as HarnessWindow).harness.stream as Stream).done, null, {
        timeout: 180_000,
      });
      const png = await screenshot(page, 'datasource-streaming-dark');
      const drawn = await drawnSeries(page, png);
      const stream = await harnessValue<Stream>(page, 'stream');
      const streamed = stream.emissions.filter((e) => e.state === 'Streaming');
      const last = stream.emissions[stream.emissions.length - 1];
      assert.equal(stream.error, undefined);
      // Responses that come while the page draws the previous one are merged (how many depends on machine speed):
      // the check asks for a partial panel before the full one.
      assert.ok(streamed.length >= 1, `at least one partial response, got ${streamed.length}`);
      assert.ok(streamed[0].series < 50 && streamed[0].pending, `first partial: ${JSON.stringify(streamed[0])}`);
      const counts = stream.emissions.map((e) => e.series);
      assert.ok(
        counts.every((c, i) => i === 0 || c >= counts[i - 1]),
        `series only added: ${counts.join(' ')}`
      );
      assert.deepEqual(last, { state: 'Done', series: 50, pending: undefined });
      const seen = JSON.stringify(drawn);
      assert.equal(drawn.legendSeries, 50, `the Tidemark panel lists all 50 series: ${seen}`);
      assert.ok(drawn.hueBins >= 5, `the plot shows many series' colours, not one: ${seen}`);
      assert.deepEqual(errors, []);
      await page.close();
      return `${stream.emissions.length} responses; series per response: ${counts.join(' ')}; drawn ${JSON.stringify(drawn)}`;
    },
  },
  {
    name: 'a cancelled streaming query stops its fits (workers terminated, no more responses)',
    run: async (session) => {
      const { page, errors } = await openHarness(session, `mode=datasource&theme=dark&${SYNTHETIC}`);
      await startStream(page);
      await page.waitForFunction(
        () => ((window as unknown as HarnessWindow).harness.stream as Stream).emissions.length >= 1,
        null,
        { timeout: 120_000 }
      );
      await page.evaluate(() => ((window as unknown as HarnessWindow).harness.cancelStream as () => void)());
      const atCancel = await harnessValue<Stream>(page, 'stream');
      const workers = await harnessValue<{ created: number; terminated: number }>(page, 'workerCounts');
      // A fit takes well over this; had the fits gone on, responses would have kept arriving meanwhile.
      await page.waitForTimeout(3000);
      const after = await harnessValue<Stream>(page, 'stream');
      await screenshot(page, 'datasource-stream-cancelled-dark');
      assert.ok(workers.created >= 1, 'fits ran in workers');
      assert.equal(workers.terminated, workers.created, `every busy worker terminated: ${JSON.stringify(workers)}`);
      assert.equal(after.emissions.length, atCancel.emissions.length, 'no responses after the cancel');
      assert.equal(after.done, false);
      assert.ok(atCancel.emissions[0].series < 50);
      assert.deepEqual(errors, []);
      await page.close();
      return `cancelled after ${atCancel.emissions[0].series}/50 series; workers ${JSON.stringify(workers)}`;
    },
  },
];
