/**
 * Browser checks of what belongs to which series: on Grafana's stock Time series graph (frames exactly as the data
 * source converts them) anomaly markers sit at the anomaly's value on the value axis and each band has its
 * series' colour; on the bands panel an anomaly window is shaded around its own series only.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { SeriesAnalysis } from '../../src/contract/fit';
import { MULTI_SPECS } from '../harness/fixtureSpecs';
import { syntheticAnalysis } from '../harness/syntheticFrames';
import { openHarness, screenshot } from './browser';
import { type Check, type Geometry, geometry, legendColor } from './panel.checks';
import { columns, countNear, distance, type Rgb, tintedRows } from './pixels';

const ANALYSES = MULTI_SPECS.map(syntheticAnalysis);

/**
 * The display name the data source gives a series of these fixtures (labels `{instance}` only, no metric name), as
 * src/datasource/frames.ts seriesDisplayName writes it (not imported: @grafana/data needs a DOM at import).
 */
const displayName = (a: SeriesAnalysis) => `{instance="${a.labels.instance}"}`;

function firstStrong(a: SeriesAnalysis): number {
  const i = a.points.anomaly.indexOf(2);
  assert.ok(i >= 0, `${a.key} has a strong anomaly`);
  return i;
}

async function valueToY(page: Page, value: number, displayName: string): Promise<number> {
  return page.evaluate(
    ([v, name]) =>
      (window as unknown as { harness: { valueToY: (v: number, n: string) => number } }).harness.valueToY(v, name),
    [value, displayName] as const
  );
}

/** Rows (page y) of the pixels near `color` in the columns x−1..x+1 over the whole plot height. */
async function rowsNear(page: Page, png: Buffer, g: Geometry, x: number, color: Rgb): Promise<number[]> {
  const top = Math.ceil(g.top);
  const cols = await columns(page, png, [x - 1, x, x + 1], top, Math.floor(g.top + g.height));
  return [...new Set(cols.flatMap((col) => col.flatMap((p, row) => (distance(p, color) <= 40 ? [top + row] : []))))];
}

/** The strong marker of one series: red pixels at its x, centred within 3 px of the value's y. */
async function checkMarker(page: Page, png: Buffer, g: Geometry, a: SeriesAnalysis): Promise<string> {
  const i = firstStrong(a);
  const value = a.points.actual[i]!;
  const y = await valueToY(page, value, displayName(a));
  const rows = await rowsNear(page, png, g, g.x(a.points.timesMs[i]), await g.colorByName('red'));
  // A 9 px disc; 3 px allows for the anti-aliased edge and rounding of the centre.
  const near = rows.filter((r) => Math.abs(r - y) <= 6);
  assert.ok(near.length >= 5, `${a.key}: marker pixels around y=${y.toFixed(1)} for value ${value} (${rows})`);
  const centre = near.reduce((s, r) => s + r, 0) / near.length;
  assert.ok(Math.abs(centre - y) <= 3, `${a.key}: marker centre ${centre.toFixed(1)} vs value y ${y.toFixed(1)}`);
  return `${a.key}: marker at y ${centre.toFixed(1)} (value ${value} → ${y.toFixed(1)})`;
}

/** The band of one series at a quiet point is tinted in that series' legend colour. */
async function checkBandColor(page: Page, png: Buffer, g: Geometry, a: SeriesAnalysis, color: Rgb) {
  const i = 20;
  const name = displayName(a);
  const strong = a.points.bands[1];
  const [y0, y1] = [await valueToY(page, strong.upper[i]!, name), await valueToY(page, strong.lower[i]!, name)];
  const [col] = await columns(page, png, [g.x(a.points.timesMs[i])], Math.ceil(y0), Math.floor(y1));
  // Stock fill opacities 22% (weak) and 10% (strong); 0.05–0.5 takes both and leaves out the line itself.
  const tinted = tintedRows(col, color, g.background, 0.05, 0.5).length;
  assert.ok(tinted >= (y1 - y0) / 2, `${a.key}: band rows tinted in the series colour (${tinted} of ${col.length})`);
  return tinted;
}

const stockMarkersAndColours: Check = {
  name: 'stock Time series on the data source frames: anomaly markers at their value, bands in series colours',
  run: async (session) => {
    const { page, errors } = await openHarness(session, 'mode=stock&fixture=datasource&theme=dark');
    const png = await screenshot(page, 'stock-datasource-dark');
    const g = await geometry(page);
    const notes: string[] = [];
    const colors: Rgb[] = [];
    for (const a of ANALYSES) {
      notes.push(await checkMarker(page, png, g, a));
      const color = await legendColor(page, displayName(a));
      colors.push(color);
      notes.push(`band ${await checkBandColor(page, png, g, a, color)} px`);
    }
    for (let i = 0; i < colors.length; i++) {
      for (let j = i + 1; j < colors.length; j++) {
        assert.ok(distance(colors[i], colors[j]) > 40, `series ${i} and ${j} have different colours`);
      }
    }
    assert.deepEqual(errors, []);
    await page.close();
    // The bands panel picks the same colour for each series (contract/seriesColor.ts).
    const panel = await openHarness(session, 'mode=panel&fixture=multi&theme=dark');
    for (const [i, a] of ANALYSES.entries()) {
      const bandsColor = await legendColor(panel.page, a.key);
      assert.ok(distance(bandsColor, colors[i]) <= 3, `${a.key}: same colour in both panels`);
    }
    await panel.page.close();
    return notes.join('; ');
  },
};

const windowsPerSeries: Check = {
  name: 'bands panel: an anomaly window is shaded around its own series, not over the others',
  run: async (session) => {
    const { page, errors } = await openHarness(session, 'mode=panel&fixture=multi&theme=dark');
    const png = await screenshot(page, 'windows-per-series-dark');
    const g = await geometry(page);
    const red = await g.colorByName('red');
    const [top, bottom] = [Math.ceil(g.top), Math.floor(g.top + g.height)];
    const quarter = Math.floor((bottom - top) / 4);
    const notes: string[] = [];
    // api-1 (level 100) is at the bottom of the plot, api-3 (level 300) at the top.
    for (const [a, other] of [
      [ANALYSES[0], 'top'],
      [ANALYSES[2], 'bottom'],
    ] as const) {
      const i = firstStrong(a);
      const x = g.x((a.points.timesMs[i] + a.points.timesMs[i + 1]) / 2);
      // A column 3 steps before the window: the same bands and lines, no shading. Rows tinted like the shading there
      // (e.g. the anti-aliased edge of a magenta band) are not shading.
      const xBefore = g.x(a.points.timesMs[i - 3]);
      const [col, before] = await columns(page, png, [x, xBefore], top, bottom);
      // Window shading is the red at 16%; 0.08–0.3 leaves out the markers and anti-aliased edges.
      const shadeRows = (c: Rgb[]) => tintedRows(c, red, g.background, 0.08, 0.3);
      const baseline = shadeRows(before);
      const shaded = shadeRows(col).filter((r) => !baseline.some((b) => Math.abs(b - r) <= 1));
      assert.ok(shaded.length >= 10, `${a.key}: window shaded around the series (${shaded.length} rows)`);
      const inOther = shaded.filter((r) => (other === 'top' ? r < quarter : r >= bottom - top - quarter));
      assert.deepEqual(inOther, [], `${a.key}: no shading in the ${other} quarter, where another series runs`);
      notes.push(`${a.key}: ${shaded.length} shaded rows, rows ${shaded[0]}–${shaded[shaded.length - 1]}`);
    }
    assert.equal(
      countNear([await columns(page, png, [g.x(ANALYSES[0].points.timesMs[20])], top, bottom)].flat(), red),
      0
    );
    assert.deepEqual(errors, []);
    await page.close();
    return notes.join('; ');
  },
};

export const SERIES_CHECKS: Check[] = [stockMarkersAndColours, windowsPerSeries];
