/** Browser checks of behaviour: tooltip, drag-to-zoom, plain frames, no data, the stock graph, data source editor. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openHarness, ROOT, screenshot } from './browser';
import type { Check } from './panel.checks';

function fixtureTimes(name: string): { times: number[]; anomaly: number[] } {
  const fixture = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'frames', `${name}.json`), 'utf8'));
  const fields: Array<{ name: string; values: number[] }> = fixture.frames[0].fields;
  return {
    times: fields.find((f) => f.name === 'time')!.values,
    anomaly: fields.find((f) => f.name === 'anomaly')!.values,
  };
}

export const INTERACTION_CHECKS: Check[] = [
  {
    name: 'tooltip shows actual, forecast, both expected ranges and the anomaly severity and score',
    run: async (session) => {
      const { page, errors } = await openHarness(session, 'mode=panel&fixture=single&theme=dark');
      const { times, anomaly } = fixtureTimes('single');
      const i = anomaly.indexOf(2);
      const box = (await page.locator('.u-over').boundingBox())!;
      const range = { from: times[0], to: times[times.length - 1] };
      const x = box.x + ((times[i] - range.from) / (range.to - range.from)) * box.width;
      await page.mouse.move(x, box.y + box.height / 2);
      const tooltip = page.locator('[data-testid="tidemark-tooltip"]');
      await tooltip.waitFor({ timeout: 5000 });
      const text = (await tooltip.textContent()) ?? '';
      await screenshot(page, 'tooltip-dark');
      for (const expected of [
        'api-1',
        'Actual',
        'Forecast',
        'Expected 95%',
        'Expected 99%',
        'Anomaly',
        'strong',
        'σ',
      ]) {
        assert.ok(text.includes(expected), `tooltip contains "${expected}": ${text}`);
      }
      assert.deepEqual(errors, []);
      await page.close();
      return text.slice(0, 160);
    },
  },
  {
    name: 'drag-to-zoom asks the host for the selected time range',
    run: async (session) => {
      const { page, errors } = await openHarness(session, 'mode=panel&fixture=single&theme=dark');
      const box = (await page.locator('.u-over').boundingBox())!;
      const before = await page.evaluate(
        () => (window as unknown as { harness: { timeRange: unknown } }).harness.timeRange
      );
      await page.mouse.move(box.x + box.width * 0.25, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 5 });
      await page.mouse.up();
      await page.waitForFunction(
        (b) => JSON.stringify((window as unknown as { harness: { timeRange: unknown } }).harness.timeRange) !== b,
        JSON.stringify(before),
        { timeout: 5000 }
      );
      const after = await page.evaluate(
        () => (window as unknown as { harness: { timeRange: { fromMs: number; toMs: number } } }).harness.timeRange
      );
      const { fromMs, toMs } = before as { fromMs: number; toMs: number };
      const expectedFrom = fromMs + 0.25 * (toMs - fromMs);
      // One pixel of selection is (toMs − fromMs) / plot width ≈ 2 min here; allow 3 px of mouse rounding.
      const pxMs = (toMs - fromMs) / box.width;
      assert.ok(Math.abs(after.fromMs - expectedFrom) <= 3 * pxMs, `zoom start ${after.fromMs} ≈ ${expectedFrom}`);
      await screenshot(page, 'zoomed-dark');
      assert.deepEqual(errors, []);
      await page.close();
      return `zoomed to ${new Date(after.fromMs).toISOString()} – ${new Date(after.toMs).toISOString()}`;
    },
  },
  {
    name: 'a non-Tidemark frame is drawn as a plain line with a notice',
    run: async (session) => {
      const { page, errors } = await openHarness(session, 'mode=panel&fixture=mixed&theme=light');
      await screenshot(page, 'mixed-light');
      const notice = (await page.locator('[data-testid="tidemark-notice"]').textContent()) ?? '';
      assert.match(notice, /1 series without Tidemark bands/);
      const legend = await page.locator('[data-testid^="data-testid VizLegend series"]').allTextContents();
      assert.equal(legend.length, 3, `legend: actual, forecast and the plain series (${legend.join(', ')})`);
      assert.deepEqual(errors, []);
      await page.close();
      return `legend: ${legend.join(', ')}`;
    },
  },
  {
    name: 'no data shows Grafana’s panel data error view instead of a graph',
    run: async (session) => {
      const { page, errors } = await openHarness(session, 'mode=panel&fixture=empty&theme=dark');
      await screenshot(page, 'empty-dark');
      assert.equal(await page.locator('.u-over').count(), 0, 'no plot');
      // The harness has @grafana/runtime's default PanelDataErrorView; Grafana swaps in its "No data" view.
      const text = (await page.locator('[data-testid="harness-panel"]').textContent()) ?? '';
      assert.match(text, /Unable to render data/);
      assert.deepEqual(errors, []);
      await page.close();
    },
  },
  {
    name: 'stock Grafana TimeSeries renders the same frames (fillBelowTo bands)',
    run: async (session) => {
      const { page, errors } = await openHarness(session, 'mode=stock&fixture=multi&theme=dark');
      await screenshot(page, 'stock-multi-dark');
      assert.equal(await page.locator('.u-over').count(), 1);
      assert.deepEqual(errors, []);
      await page.close();
    },
  },
  {
    name: 'data source QueryEditor mounts with a real DataSource instance from dist/',
    run: async (session) => {
      const { page, errors } = await openHarness(session, 'mode=datasource&theme=dark');
      await screenshot(page, 'datasource-query-editor-dark');
      const html = await page.locator('[data-testid="harness-editor"]').innerHTML();
      assert.ok(html.length > 0, 'the editor rendered something');
      assert.deepEqual(errors, []);
      await page.close();
    },
  },
];
