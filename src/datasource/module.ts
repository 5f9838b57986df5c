import { DataSourcePlugin } from '@grafana/data';
import { SarimaDataSource } from './datasource';
import { ConfigEditor } from './components/ConfigEditor';
import { QueryEditor } from './components/QueryEditor';
import { QueryEditorHelp } from './components/QueryEditorHelp';
import { SarimaDataSourceOptions, SarimaQuery } from './types';

export const plugin = new DataSourcePlugin<SarimaDataSource, SarimaQuery, SarimaDataSourceOptions>(SarimaDataSource)
  .setConfigEditor(ConfigEditor)
  .setQueryEditor(QueryEditor)
  .setQueryEditorHelp(QueryEditorHelp);
