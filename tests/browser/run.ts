/**
 * Browser tests of the built plugin in the harness (headless Debian chromium via playwright-core).
 *   npm run build && npx tsx tests/browser/run.ts [name filter]
 * Screenshots land in artifacts/screenshots/. Exit code 1 on any failure; under CI=true a missing chromium fails.
 * The demo checks run against the demo stack (demo/stack.ts: a real, backfilled Prometheus); under CI=true a
 * missing Prometheus fails too.
 */
import { ASSET_CHECKS, DEMO_ASSET_CHECKS } from './assets.checks';
import { startSession } from './browser';
import { DATASOURCE_CHECKS } from './datasource.checks';
import { DEMO_CHECKS } from './demo.checks';
import { startTestStack } from './demoPage';
import { INTERACTION_CHECKS } from './interaction.checks';
import { CHECKS } from './panel.checks';
import { SERIES_CHECKS } from './series.checks';
import { SERVICE_MODE_CHECKS } from './serviceMode.checks';

async function main() {
  const filter = process.argv[2];
  const session = await startSession();
  if (!session) {
    return 0;
  }
  const selected = (c: { name: string }) => !filter || c.name.includes(filter);
  const demoChecks = [...DEMO_CHECKS, ...DEMO_ASSET_CHECKS].filter(selected);
  const stack =
    demoChecks.length > 0
      ? await startTestStack().catch(async (error: unknown) => {
          await session.close();
          throw error;
        })
      : null;
  const checks = [
    ...[
      ...CHECKS,
      ...INTERACTION_CHECKS,
      ...DATASOURCE_CHECKS,
      ...SERVICE_MODE_CHECKS,
      ...SERIES_CHECKS,
      ...ASSET_CHECKS,
    ].filter(selected),
    ...(stack ? demoChecks.map((c) => ({ name: c.name, run: () => c.run(session, stack) })) : []),
  ];
  let failed = 0;
  try {
    for (const check of checks) {
      const t0 = Date.now();
      try {
        const note = await check.run(session);
        console.log(`✓ ${check.name} (${Date.now() - t0} ms)${note ? `\n    ${note}` : ''}`);
      } catch (error) {
        failed++;
        console.log(`✗ ${check.name} (${Date.now() - t0} ms)\n    ${error instanceof Error ? error.message : error}`);
      }
    }
  } finally {
    await stack?.stop();
    await session.close();
  }
  console.log('\nscreenshots in artifacts/screenshots/');
  console.log(`${checks.length - failed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
);
