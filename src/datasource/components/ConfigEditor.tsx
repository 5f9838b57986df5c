import React from 'react';
import { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { Alert } from '@grafana/ui';
import { SarimaDataSourceOptions } from '../types';

type Props = DataSourcePluginOptionsEditorProps<SarimaDataSourceOptions>;

/** Settings page of the data source. */
export function ConfigEditor(_props: Props) {
  return (
    <Alert severity="info" title="Tidemark SARIMA">
      Upstream selection arrives with query support.
    </Alert>
  );
}
