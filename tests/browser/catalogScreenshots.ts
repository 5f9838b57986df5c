/**
 * Writes the catalog screenshots of the three plugin.json files from the demo page on the demo stack, cropped to
 * the plugin's own UI (`clipAround`).
 *   npm run build && npx tsx tests/browser/catalogScreenshots.ts
 */
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { ROOT } from './browser';
import { openDemo } from './demoPage';
import { clipAround, runWithDemoStack } from './screenshotStack';

runWithDemoStack('catalog screenshots', async (session, stack) => {
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
    await page.screenshot({ path: path.join(ROOT, file), clip: await clipAround(page, locators) });
    console.log(`wrote ${file}`);
  }
});
