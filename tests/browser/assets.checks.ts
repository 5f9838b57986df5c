/**
 * Browser checks that the harness and demo pages load every asset they request: no HTTP error and no failed
 * request (Grafana's icons and fonts included, served by tests/harness/assets.ts from node_modules).
 * The web fonts need the @fontsource packages (FONT_PACKAGES); without them the font URLs are left out of the
 * check with a note, and under CI=true their absence fails, as a missing chromium does.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { DemoStack } from '../../demo/stack';
import { FONT_PACKAGES } from '../harness/assets';
import { ROOT, screenshot, type Session } from './browser';
import type { DemoCheck } from './demo.checks';
import type { Check } from './panel.checks';

const missingFonts = FONT_PACKAGES.filter((p) => !fs.existsSync(path.join(ROOT, 'node_modules', p, 'package.json')));

/** Opens `url`, waits for the page to be ready and its fonts to load; returns every failed request. */
async function failedRequests(session: Session, url: string, viewport = { width: 1140, height: 900 }) {
  const page: Page = await session.browser.newPage({ viewport, deviceScaleFactor: 1 });
  const failed: string[] = [];
  const aborted = new Set<string>();
  page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${new URL(r.url()).pathname}`));
  page.on('requestfailed', (r) => {
    const reason = r.failure()?.errorText ?? 'failed';
    // The page cancelled it (an icon re-rendered while its SVG was loading): whether that happens depends on timing,
    // so such a URL is fetched again below and judged by its answer.
    if (reason === 'net::ERR_ABORTED') {
      aborted.add(r.url());
    } else {
      failed.push(`${reason} ${new URL(r.url()).pathname}`);
    }
  });
  // Generous timeouts: the machine may be busy; what counts is that every request ends well, not how fast.
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 90_000 });
  await page.waitForFunction(() => document.body.dataset.ready, null, { timeout: 90_000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForLoadState('load', { timeout: 90_000 });
  for (const abortedUrl of aborted) {
    const answer = await page.request.get(abortedUrl);
    if (!answer.ok()) {
      failed.push(`${answer.status()} ${new URL(abortedUrl).pathname} (cancelled by the page, then fetched again)`);
    }
  }
  return { page, failed };
}

/** The failures to report: font URLs are left out (with a note) only when the font packages are missing outside CI. */
function judged(failed: string[]): { failures: string[]; note: string } {
  if (missingFonts.length === 0 || process.env.CI === 'true') {
    const hint = missingFonts.length > 0 ? ` (font packages missing: ${missingFonts.join(', ')})` : '';
    return { failures: failed.map((f) => f + hint), note: '' };
  }
  const fonts = failed.filter((f) => f.includes('/public/fonts/'));
  const note = fonts.length > 0 ? `; SKIP ${fonts.length} font URL(s): ${missingFonts.join(', ')} not installed` : '';
  return { failures: failed.filter((f) => !f.includes('/public/fonts/')), note };
}

const HARNESS_MODES = ['mode=panel&fixture=mixed&theme=dark', 'mode=datasource&theme=dark', 'mode=config&theme=light'];

export const ASSET_CHECKS: Check[] = [
  {
    name: 'harness pages load every asset: no 404 for Grafana icons and fonts',
    run: async (session) => {
      const notes: string[] = [];
      for (const query of HARNESS_MODES) {
        const { page, failed } = await failedRequests(
          session,
          `${session.server.url}/tests/harness/index.html?${query}`
        );
        // The info-circle icon of the panel notice and the editors' icons are drawn from the served SVGs.
        const icons = await page.locator('svg').count();
        const { failures, note } = judged(failed);
        assert.deepEqual(failures, [], `${query}: failed requests`);
        notes.push(`${query}: ${icons} svg${note}`);
        await page.close();
      }
      return notes.join('; ');
    },
  },
];

export const DEMO_ASSET_CHECKS: DemoCheck[] = [
  {
    name: 'demo: the page loads every asset (no 404)',
    run: async (session: Session, stack: DemoStack) => {
      const { page, failed } = await failedRequests(session, `${stack.previewUrl}&preset=synthetic`);
      await screenshot(page, 'demo-assets');
      const { failures, note } = judged(failed);
      assert.deepEqual(failures, [], 'failed requests of the demo page');
      await page.close();
      return `no failed requests${note}`;
    },
  },
];
