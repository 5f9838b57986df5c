// @grafana/plugin-e2e spec for the docker-compose stack (`npm run server`); needs Docker, not run by our CI.
import { expect, test } from './fixtures';
import { TIDEMARK_DATASOURCE_FILE } from './stack';

test('should pass "Save & test" when the upstream is the provisioned Prometheus', async ({
  readProvisionedDataSource,
  gotoDataSourceConfigPage,
  selectors,
}) => {
  const datasource = await readProvisionedDataSource({ fileName: TIDEMARK_DATASOURCE_FILE });
  const configPage = await gotoDataSourceConfigPage(datasource.uid);
  // plugin-e2e's saveAndTest() waits for /api/datasources/uid/<uid>/health, which a data source without a backend
  // never calls; the check runs in the browser, so the result alert is what there is to wait for.
  await configPage.getByGrafanaSelector(selectors.pages.DataSource.saveAndTest).click();
  await expect(configPage).toHaveAlert('success', { hasText: /Prometheus ".+" OK/ });
  await expect(configPage).toHaveAlert('success', { hasText: 'fits run in the browser' });
});
