// What the specs look for in the compose stack, read from the provisioned files rather than repeated here.
import demoDashboard from '../../provisioning/dashboards/tidemark/demo.json';
import panelPluginJson from '../../src/panel/plugin.json';

/** The demo dashboard, relative to provisioning/dashboards/ (plugin-e2e's readProvisionedDashboard). */
export const DEMO_DASHBOARD_FILE = 'tidemark/demo.json';

/** The Tidemark data source's file, relative to provisioning/datasources/. */
export const TIDEMARK_DATASOURCE_FILE = 'tidemark.yaml';

const bandsPanel = demoDashboard.panels.find((panel) => panel.type === panelPluginJson.id);
if (!bandsPanel) {
  throw new Error(`${DEMO_DASHBOARD_FILE} has no ${panelPluginJson.id} panel`);
}

/** The demo dashboard's bands panel: its id (for the panel editor) and title (for the dashboard). */
export const BANDS_PANEL = { id: String(bandsPanel.id), title: bandsPanel.title, refId: bandsPanel.targets[0].refId };

/**
 * Upstream query plus browser fits of two series on 14 days of hourly data: seconds on a laptop, but the first
 * load also fetches the worker bundle, so the specs allow a minute before calling the panel broken.
 */
export const FIT_TIMEOUT_MS = 60_000;
