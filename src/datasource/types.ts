import { DataSourceJsonData } from '@grafana/data';
import type { DataQuery } from '@grafana/schema';

/** A Tidemark query: a PromQL expression whose series are modelled one by one. */
export interface SarimaQuery extends DataQuery {
  expr: string;
}

/** Defaults for a new query. */
export const DEFAULT_QUERY: Partial<SarimaQuery> = {
  expr: '',
};

/** Data source settings kept in `jsonData`. */
export interface SarimaDataSourceOptions extends DataSourceJsonData {
  /** UID of the Prometheus-type data source that runs the PromQL. */
  upstreamUid?: string;
}
