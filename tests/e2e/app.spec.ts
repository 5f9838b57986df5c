// @grafana/plugin-e2e spec for the docker-compose stack (`npm run server`); needs Docker, not run by our CI.
import { expect, test } from './fixtures';

test('should render the app overview page', async ({ gotoPage, page }) => {
  await gotoPage('');
  await expect(page.getByTestId('tidemark-app-root')).toBeVisible();
  await expect(page.getByText('Tidemark SARIMA')).toBeVisible();
});
