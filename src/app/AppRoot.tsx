import React from 'react';
import { css } from '@emotion/css';
import { AppRootProps, GrafanaTheme2, locationUtil } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import { LinkButton, TextLink, useStyles2 } from '@grafana/ui';

const REPO_URL = 'https://github.com/tidemark/tidemark';
const DOCS_URL = `${REPO_URL}#readme`;

/** The numbered getting-started steps: data source, panel, demo dashboard, alerts. */
function GettingStarted() {
  return (
    <ol data-testid="tidemark-getting-started">
      <li>
        <strong>Add the data source.</strong> Under <em>Connections → Data sources → Add new data source</em> choose{' '}
        <em>Tidemark SARIMA</em>, pick the Prometheus, Mimir, Thanos, Amazon or Azure managed Prometheus or
        VictoriaMetrics data source it wraps, and press <em>Save &amp; test</em>. Fits run in the browser by default.
        <div>
          <LinkButton href={locationUtil.assureBaseUrl('/connections/datasources/new')} variant="secondary" size="sm">
            Add a data source
          </LinkButton>
        </div>
      </li>
      <li>
        <strong>Chart a query.</strong> In a new dashboard panel, pick the Tidemark data source and enter a PromQL
        expression, e.g. <code>sum by (service) (rate(http_requests_total[5m]))</code>. Choose the{' '}
        <em>Tidemark Bands</em> visualization for bands, forecast and anomaly windows, or keep <em>Time series</em>: the
        frames carry the field config it needs.
      </li>
      <li>
        <strong>Open the demo dashboard.</strong> The app includes <em>Tidemark demo</em>: import it from the{' '}
        <em>Dashboards</em> tab of this app&apos;s configuration page.
      </li>
      <li>
        <strong>Alert on anomalies.</strong> Grafana Alerting runs on the server, so alerts need the companion service:
        it publishes the bands and flags as Prometheus series. See{' '}
        <TextLink href={`${REPO_URL}#alerting-on-anomalies`} external inline>
          alerting on anomalies
        </TextLink>
        .
      </li>
    </ol>
  );
}

/** The app's page, inside Grafana's page chrome: what Tidemark adds and how to get started. */
export function AppRoot(_props: AppRootProps) {
  const styles = useStyles2(getStyles);
  return (
    <PluginPage>
      <div className={styles.page} data-testid="tidemark-app-root">
        <p>
          Tidemark fits a seasonal ARIMA model to each series of a Prometheus query and draws the expected range, the
          forecast and the points that fall outside it. It ships two plugins inside this app:
        </p>
        <ul className={styles.list}>
          <li>
            <strong>Tidemark SARIMA</strong> data source: wraps a Prometheus-compatible data source.{' '}
            <TextLink href={`${REPO_URL}#data-source`} external>
              Data source docs
            </TextLink>
          </li>
          <li>
            <strong>Tidemark Bands</strong> panel: draws forecasts, two-level bands and anomalies.{' '}
            <TextLink href={`${REPO_URL}#panel`} external>
              Panel docs
            </TextLink>
          </li>
        </ul>
        <h3>Getting started</h3>
        <GettingStarted />
        <p>
          <TextLink href={DOCS_URL} external>
            Full documentation
          </TextLink>
        </p>
      </div>
    </PluginPage>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ maxWidth: 900, ol: { paddingLeft: theme.spacing(3), li: { marginBottom: theme.spacing(1.5) } } }),
  list: css({ paddingLeft: theme.spacing(3), li: { marginBottom: theme.spacing(1) } }),
});
