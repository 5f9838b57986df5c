/**
 * Browser checks of the built bands panel in the harness: screenshots in dark and light themes whose pixels must
 * show band colours and anomaly markers where the fixture data puts them, plus tooltip, zoom, notices, no data,
 * the stock graph and the data source editor mount.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openHarness, ROOT, screenshot, Session } from './browser';
import { columns, countNear, parseRgb, Rgb, tintedRows } from './pixels';

export interface Check {
  name: string;
  run: (session: Session) => Promise<string | void>;
}

interface FixtureSeries {
  key: string;
  times: number[];
  anomaly: number[];
}

function fixtureSeries(name: string): FixtureSeries[] {
  const file = path.join(ROOT, 'tests', 'fixtures', 'frames', `${name}.json`);
  const fixture = JSON.parse(fs.readFileSync(file, 'utf8'));
  return fixture.frames
    .filter((f: { meta?: { custom?: { tidemark?: number } } }) => f.meta?.custom?.tidemark)
    .map((f: { name: string; fields: Array<{ name: string; values: number[] }> }) => ({
      key: f.name,
      times: f.fields.find((x) => x.name === 'time')!.values,
      anomaly: f.fields.find((x) => x.name === 'anomaly')!.values,
    }));
}

export interface Geometry {
  left: number;
  top: number;
  width: number;
  height: number;
  x: (timeMs: number) => number;
  background: Rgb;
  colorByName: (name: string) => Promise<Rgb>;
}

/** Where the plot area is and how time maps to screenshot x (uPlot's linear x scale over the shown range). */
export async function geometry(page: Page): Promise<Geometry> {
  const box = await page.locator('[data-testid="harness-panel"] .u-over').boundingBox();
  assert.ok(box, 'the plot (uPlot .u-over) is on the page');
  const { fromMs, toMs, background } = await page.evaluate(() => {
    const h = (window as unknown as { harness: Record<string, unknown> }).harness;
    const range = h.timeRange as { fromMs: number; toMs: number };
    return { ...range, background: h.background as string };
  });
  return {
    ...box,
    x: (timeMs) => Math.round(box.x + ((timeMs - fromMs) / (toMs - fromMs)) * box.width),
    left: box.x,
    top: box.y,
    background: parseRgb(background),
    colorByName: async (name) =>
      parseRgb(
        await page.evaluate(
          (n) => (window as unknown as { harness: { colorByName: (c: string) => string } }).harness.colorByName(n),
          name
        )
      ),
  };
}

export async function legendColor(page: Page, key: string): Promise<Rgb> {
  // getByTestId quotes the key, which may hold quotes and braces (`{instance="a"}`).
  const icon = page.getByTestId(`data-testid VizLegend series ${key}`).getByTestId('series-icon');
  return parseRgb(await icon.evaluate((el) => getComputedStyle(el).backgroundColor));
}

/**
 * Band check in one column: the weak band (inner, denser tint) must be present, with the fainter strong band
 * showing above and below it. Expected tints: strong alone 0.15 (half of 30% opacity), weak over strong
 * 1 − 0.85·0.70 ≈ 0.41; the windows [0.07, 0.26] and [0.3, 0.6] leave room for anti-aliasing at the edges.
 */
export function assertBands(column: Rgb[], color: Rgb, g: Geometry, label: string) {
  const outer = tintedRows(column, color, g.background, 0.07, 0.26);
  const inner = tintedRows(column, color, g.background, 0.3, 0.6);
  assert.ok(inner.length >= 6, `${label}: weak band pixels in the column (${inner.length})`);
  const above = outer.filter((r) => r < inner[0]).length;
  const below = outer.filter((r) => r > inner[inner.length - 1]).length;
  assert.ok(above >= 2 && below >= 2, `${label}: strong band wider than the weak one (above ${above}, below ${below})`);
  return { inner: inner.length, outer: outer.length };
}

function firstIndex(series: FixtureSeries, severity: number): number {
  const i = series.anomaly.indexOf(severity);
  assert.ok(i >= 0, `fixture ${series.key} has a severity-${severity} anomaly`);
  return i;
}

/** A point far from every anomaly of the series (for the bands and the negative marker check). */
function quietIndex(series: FixtureSeries, near: number): number {
  for (let d = 0; d < series.times.length; d++) {
    for (const i of [near + d, near - d]) {
      const window = series.anomaly.slice(Math.max(0, i - 15), i + 16);
      if (i >= 0 && i < series.anomaly.length && window.every((v) => v === 0)) {
        return i;
      }
    }
  }
  throw new Error(`no quiet point in ${series.key}`);
}

async function checkSeries(page: Page, png: Buffer, g: Geometry, series: FixtureSeries, label: string) {
  const color = await legendColor(page, series.key);
  const strong = await g.colorByName('red');
  const [top, bottom] = [Math.ceil(g.top), Math.floor(g.top + g.height)];
  const quiet = quietIndex(series, 40);
  const strongAt = firstIndex(series, 2);
  const xq = g.x(series.times[quiet]);
  const xs = g.x(series.times[strongAt]);
  const [quietCol, ...strongCols] = await columns(page, png, [xq, xs - 1, xs, xs + 1], top, bottom);
  const bands = assertBands(quietCol, color, g, `${label} ${series.key} at point ${quiet}`);
  // Marker fill is the theme's red; 40 of 441 RGB units allows anti-aliasing of the disc edge.
  const markerPixels = countNear(strongCols, strong);
  assert.ok(markerPixels >= 3, `${label} ${series.key}: strong marker pixels at point ${strongAt} (${markerPixels})`);
  assert.equal(countNear([quietCol], strong), 0, `${label} ${series.key}: no marker colour at quiet point ${quiet}`);
  return `${series.key}: weak band ${bands.inner}px, strong band ${bands.outer}px, marker ${markerPixels}px`;
}

function bandChecks(fixture: string, theme: 'dark' | 'light'): Check {
  return {
    name: `${fixture} fixture, ${theme} theme: bands and anomaly markers where the data puts them`,
    run: async (session) => {
      const { page, errors } = await openHarness(session, `mode=panel&fixture=${fixture}&theme=${theme}`);
      const png = await screenshot(page, `${fixture}-${theme}`);
      const g = await geometry(page);
      const notes: string[] = [];
      for (const series of fixtureSeries(fixture)) {
        notes.push(await checkSeries(page, png, g, series, `${fixture}/${theme}`));
      }
      if (fixture === 'single') {
        notes.push(await checkWeakMarkerAndShading(page, png, g, fixtureSeries(fixture)[0]));
      }
      assert.deepEqual(errors, []);
      await page.close();
      return notes.join('; ');
    },
  };
}

/** The weak marker in its colour, the anomaly window shading and the horizon shading in the plot's top rows. */
async function checkWeakMarkerAndShading(page: Page, png: Buffer, g: Geometry, series: FixtureSeries) {
  const weak = await g.colorByName('orange');
  const strong = await g.colorByName('red');
  const weakAt = firstIndex(series, 1);
  const xw = g.x(series.times[weakAt]);
  const weakCols = await columns(page, png, [xw - 1, xw, xw + 1], Math.ceil(g.top), Math.floor(g.top + g.height));
  assert.ok(countNear(weakCols, weak) >= 3, `weak marker pixels at point ${weakAt}`);
  // Top 6 rows hold no data in this fixture: only horizon shading or background. Window shading (16% red) sits
  // around the series inside the window, so it is looked for over the whole column there.
  const [top, bottom] = [Math.ceil(g.top) + 2, Math.floor(g.top + g.height)];
  const strongAt = firstIndex(series, 2);
  const horizonAt = series.times.length - 5;
  const xRegion = g.x((series.times[strongAt] + series.times[strongAt + 1]) / 2);
  const [quiet, horizon] = await columns(
    page,
    png,
    [g.x(series.times[quietIndex(series, 40)]), g.x(series.times[horizonAt])],
    top,
    top + 6
  );
  const [region] = await columns(page, png, [xRegion], top, bottom);
  const shaded = tintedRows(region, strong, g.background, 0.08, 0.3).length;
  assert.ok(shaded >= 6, `anomaly window shaded in red (${shaded} rows)`);
  assert.equal(tintedRows(quiet, strong, g.background, 0.02, 1).length, 0, 'no window shading at a quiet point');
  const luminance = (col: Rgb[]) => col.reduce((s, p) => s + p[0] + p[1] + p[2], 0) / col.length;
  const diff = Math.abs(luminance(horizon) - luminance(quiet));
  assert.ok(diff >= 6, `horizon shaded (luminance difference ${diff.toFixed(1)})`);
  return `weak marker at ${weakAt}, window and horizon shading present`;
}

/**
 * Negative controls: with options that turn bands, markers or shading off, the same pixel checks must fail, so
 * the checks above cannot pass on a chart that lacks what they look for.
 */
const optionControls: Check = {
  name: 'single fixture, dark theme: band, marker and shading options remove what the pixel checks look for',
  run: async (session) => {
    // 50% opacity puts the weak band alone at tint 0.5, inside the weak-band window of assertBands.
    const options = {
      bandLevels: 'weak',
      bandOpacityPct: 50,
      anomalyMarkerSizePx: 1,
      showAnomalyRegions: false,
      showHorizon: false,
    };
    const query = `mode=panel&fixture=single&theme=dark&options=${encodeURIComponent(JSON.stringify(options))}`;
    const { page, errors } = await openHarness(session, query);
    const png = await screenshot(page, 'single-dark-weak-only');
    const g = await geometry(page);
    const [series] = fixtureSeries('single');
    const color = await legendColor(page, series.key);
    const [top, bottom] = [Math.ceil(g.top), Math.floor(g.top + g.height)];
    const quietX = g.x(series.times[quietIndex(series, 40)]);
    const strongX = g.x(series.times[firstIndex(series, 2)]);
    const [quietCol, ...strongCols] = await columns(
      page,
      png,
      [quietX, strongX - 1, strongX, strongX + 1],
      top,
      bottom
    );
    assert.throws(() => assertBands(quietCol, color, g, 'weak only'), /strong band wider/);
    assert.ok(countNear(strongCols, await g.colorByName('red')) < 3, 'a 1 px marker fails the marker check');
    await assert.rejects(checkWeakMarkerAndShading(page, png, g, series), /weak marker|shaded/);
    await page.evaluate(() =>
      (window as unknown as { harness: { setOptions: (o: object) => Promise<number> } }).harness.setOptions({
        bandLevels: 'none',
      })
    );
    const none = await screenshot(page, 'single-dark-no-bands');
    assert.deepEqual(errors, []);
    const [col] = await columns(page, none, [quietX], top, bottom);
    // The actual and forecast lines still cross the column (their anti-aliased edges are partial tints too), so
    // the count must drop to well under half of the weak-band column rather than to zero.
    const withBand = tintedRows(quietCol, color, g.background, 0.07, 0.6).length;
    const withoutBand = tintedRows(col, color, g.background, 0.07, 0.6).length;
    assert.ok(withoutBand < withBand / 2, `band pixels gone with bands off (${withBand} → ${withoutBand})`);
    await page.close();
    return `tinted pixels in a quiet column: weak band only ${withBand}, no bands ${withoutBand}`;
  },
};

export const CHECKS: Check[] = [
  bandChecks('single', 'dark'),
  bandChecks('single', 'light'),
  bandChecks('multi', 'dark'),
  bandChecks('multi', 'light'),
  optionControls,
];
