import React from 'react';
import { css } from '@emotion/css';
import { AppRootProps, GrafanaTheme2 } from '@grafana/data';
import { TextLink, useStyles2 } from '@grafana/ui';

const DOCS_URL = 'https://github.com/tidemark/tidemark#readme';

/** The app's only page: what Tidemark adds to Grafana and where its parts are documented. */
export function AppRoot(_props: AppRootProps) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.page} data-testid="tidemark-app-root">
      <h2>Tidemark: seasonal forecasts and anomaly bands for Prometheus metrics</h2>
      <p>
        Tidemark fits a seasonal ARIMA model to each series of a Prometheus query and draws the expected range, the
        forecast and the points that fall outside it. It ships two plugins inside this app:
      </p>
      <ul className={styles.list}>
        <li>
          <strong>Tidemark SARIMA</strong> data source: add it under Connections → Data sources and pick the Prometheus
          data source it wraps.{' '}
          <TextLink href={`${DOCS_URL}`} external>
            Data source docs
          </TextLink>
        </li>
        <li>
          <strong>Tidemark Bands</strong> panel: draws forecasts, two-level bands and anomalies.{' '}
          <TextLink href={`${DOCS_URL}`} external>
            Panel docs
          </TextLink>
        </li>
      </ul>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ padding: theme.spacing(2), maxWidth: 900 }),
  list: css({ paddingLeft: theme.spacing(3), li: { marginBottom: theme.spacing(1) } }),
});
