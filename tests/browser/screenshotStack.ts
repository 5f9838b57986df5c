/**
 * What the screenshot scripts share: a browser session and a demo stack for one run, and the clip around the
 * plugin's own elements (no harness banner or preset buttons: those are the harness, not the plugin).
 */
import type { Locator, Page } from 'playwright-core';
import { type Session, startSession } from './browser';
import type { DemoStack } from '../../demo/stack';
import { startTestStack } from './demoPage';

const MARGIN_PX = 8;

/** The box around the given elements, widened by a margin. */
export async function clipAround(page: Page, locators: Locator[]) {
  const boxes = await Promise.all(locators.map(async (l) => (await l.boundingBox())!));
  const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - MARGIN_PX);
  const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - MARGIN_PX);
  const right = Math.max(...boxes.map((b) => b.x + b.width)) + MARGIN_PX;
  const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + MARGIN_PX;
  return { x, y, width: right - x, height: bottom - y };
}

/**
 * Runs `shoot` with a browser session and a demo stack, stops both afterwards, and exits the process with 1 and
 * the error's message when anything fails (`what` names the script in the message when a tool is missing).
 */
export function runWithDemoStack(what: string, shoot: (session: Session, stack: DemoStack) => Promise<void>): void {
  const run = async () => {
    const session = await startSession();
    const stack = session && (await startTestStack());
    if (!session || !stack) {
      throw new Error(`${what} need chromium and prometheus`);
    }
    try {
      await shoot(session, stack);
    } finally {
      await stack.stop();
      await session.close();
    }
  };
  run().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
