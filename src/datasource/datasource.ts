import { DataQueryRequest, DataQueryResponse, DataSourceApi, DataSourceInstanceSettings } from '@grafana/data';
import { DEFAULT_QUERY, SarimaDataSourceOptions, SarimaQuery } from './types';

/**
 * Backend-less data source. Query execution (upstream Prometheus, worker pool, frames) is the subject of
 * issue #5; until it lands every query returns an explicit error instead of empty data, so nobody mistakes
 * an unfinished build for "no anomalies".
 */
export class SarimaDataSource extends DataSourceApi<SarimaQuery, SarimaDataSourceOptions> {
  constructor(instanceSettings: DataSourceInstanceSettings<SarimaDataSourceOptions>) {
    super(instanceSettings);
  }

  getDefaultQuery(): Partial<SarimaQuery> {
    return DEFAULT_QUERY;
  }

  async query(_request: DataQueryRequest<SarimaQuery>): Promise<DataQueryResponse> {
    return { data: [], error: { message: 'Tidemark SARIMA: query execution is not available in this build yet.' } };
  }

  async testDatasource() {
    return { status: 'error', message: 'Tidemark SARIMA: query execution is not available in this build yet.' };
  }
}
