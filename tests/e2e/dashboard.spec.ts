// @grafana/plugin-e2e specs for the docker-compose stack (`npm run server`); need Docker, not run by our CI.
// They rely on the backfilled demo history in Prometheus (deploy/compose/backfill.ts).
import { expect, test } from './fixtures';
import { BANDS_PANEL, DEMO_DASHBOARD_FILE, FIT_TIMEOUT_MS } from './stack';

// Playwright's default 30 s per test is shorter than the wait for the first fits.
test.describe.configure({ timeout: 2 * FIT_TIMEOUT_MS });

test('should draw bands in the demo dashboard when Prometheus holds the backfilled history', async ({
  readProvisionedDashboard,
  gotoDashboardPage,
  page,
}) => {
  const dashboard = await readProvisionedDashboard({ fileName: DEMO_DASHBOARD_FILE });
  const dashboardPage = await gotoDashboardPage({ uid: dashboard.uid });
  const panel = dashboardPage.getPanelByTitle(BANDS_PANEL.title);
  await panel.scrollIntoView();
  const plot = panel.locator.getByTestId('tidemark-bands-panel');
  await expect(plot).toBeVisible({ timeout: FIT_TIMEOUT_MS });
  await expect(panel.getErrorIcon()).toHaveCount(0);
  // The band fields are hidden from the legend; the tooltip lists each band level's range at the hovered time.
  await plot.locator('.u-over').hover();
  const tooltip = page.getByTestId('tidemark-tooltip');
  await expect(tooltip).toContainText('Expected 95%');
  await expect(tooltip).toContainText('Expected 99%');
});

test('should show model diagnostics in the query editor when the query has run', async ({
  readProvisionedDashboard,
  gotoPanelEditPage,
}) => {
  const dashboard = await readProvisionedDashboard({ fileName: DEMO_DASHBOARD_FILE });
  const editPage = await gotoPanelEditPage({ dashboard: { uid: dashboard.uid }, id: BANDS_PANEL.id });
  const row = editPage.getQueryEditorRow(BANDS_PANEL.refId);
  await expect(row.getByText('Model diagnostics')).toBeVisible({ timeout: FIT_TIMEOUT_MS });
  // One collapsed block per series; opening the first shows its fitted coefficients.
  await row.locator('details > summary').first().click();
  const coefficients = row.getByRole('table', { name: /^coefficients of / }).first();
  await expect(coefficients).toBeVisible();
  await expect(coefficients.getByRole('row')).not.toHaveCount(0);
});
