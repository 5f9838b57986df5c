/**
 * Writes the catalog screenshots of the three plugin.json files from the demo page on the demo stack, cropped to
 * the plugin's own UI: no harness banner or preset buttons (those are the harness, not the plugin).
 *   npm run build && npx tsx tests/browser/catalogScreenshots.ts
 */
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ROOT, startSession } from './browser';
import { openDemo, startTestStack } from './demoPage';

const MARGIN_PX = 8;

/** The box around the given elements, widened by a margin. */
async function around(page: Page, locators: Locator[]) {
  const boxes = await Promise.all(locators.map(async (l) => (await l.boundingBox())!));
  const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - MARGIN_PX);
  const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - MARGIN_PX);
  const right = Math.max(...boxes.map((b) => b.x + b.width)) + MARGIN_PX;
  const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + MARGIN_PX;
  return { x, y, width: right - x, height: bottom - y };
}

async function main() {
  const session = await startSession();
  const stack = session && (await startTestStack());
  if (!session || !stack) {
    throw new Error('catalog screenshots need chromium and prometheus');
  }
  try {
    const { page } = await openDemo(session, stack, 'synthetic');
    const editor = page.getByTestId('demo-query-editor');
    const bands = page.getByTestId('demo-tidemark-panel');
    const stock = page.getByTestId('demo-stock-panel');
    const shots: Array<[string, Locator[]]> = [
      ['src/img/screenshot-demo.png', [bands, stock]],
      ['src/panel/img/screenshot-bands.png', [bands]],
      ['src/datasource/img/screenshot-query-editor.png', [editor]],
    ];
    for (const [file, locators] of shots) {
      await page.screenshot({ path: path.join(ROOT, file), clip: await around(page, locators) });
      console.log(`wrote ${file}`);
    }
  } finally {
    await stack.stop();
    await session.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
