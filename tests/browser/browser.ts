/**
 * Browser plumbing for the harness tests: Debian chromium through playwright-core, the harness server, and a page
 * opener that waits for the harness to report ready. Under CI=true a missing chromium is an error, not a skip.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { buildHost } from '../harness/build';
import { HarnessServer, startHarnessServer } from '../harness/server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ROOT = path.resolve(__dirname, '..', '..');
export const SCREENSHOT_DIR = path.join(ROOT, 'artifacts', 'screenshots');

export interface Session {
  browser: Browser;
  server: HarnessServer;
  close: () => Promise<void>;
}

/** Null (skip) when chromium is missing outside CI; throws under CI=true or when dist/ was not built. */
export async function startSession(): Promise<Session | null> {
  if (!fs.existsSync(CHROMIUM)) {
    const message = `chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;
    if (process.env.CI === 'true') {
      throw new Error(message);
    }
    console.log(`SKIP browser tests: ${message}`);
    return null;
  }
  for (const bundle of ['module.js', 'panel/module.js', 'datasource/module.js']) {
    if (!fs.existsSync(path.join(ROOT, 'dist', bundle))) {
      throw new Error(`dist/${bundle} is missing: run npm run build first`);
    }
  }
  await buildHost();
  const server = await startHarnessServer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return { browser, server, close: async () => (await browser.close(), await server.close()) };
}

export interface HarnessPage {
  page: Page;
  /** Uncaught page errors; a test fails when there are any. */
  errors: string[];
}

/** Opens the harness with the given URL parameters and waits until it has rendered (or failed). */
export async function openHarness(session: Session, query: string, viewport = { width: 960, height: 460 }) {
  const page = await session.browser.newPage({ viewport, deviceScaleFactor: 1 });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // Generous, as for the demo page: the harness pulls dist/ and the shared modules, slow on a loaded 2-core machine.
  await page.goto(`${session.server.url}/tests/harness/index.html?${query}`, { timeout: 90_000 });
  await page.waitForFunction(() => document.body.dataset.ready, null, { timeout: 60_000 });
  const failure = await page.evaluate(() => (window as unknown as { harness: { error?: string } }).harness.error);
  if (failure) {
    errors.push(failure);
  }
  return { page, errors } satisfies HarnessPage;
}

/** Saves a viewport screenshot under artifacts/screenshots/ and returns the PNG bytes. */
export async function screenshot(page: Page, name: string): Promise<Buffer> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}
