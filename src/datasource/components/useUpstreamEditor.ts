import { type ComponentType, useEffect, useState } from 'react';
import type { DataSourceApi, QueryEditorProps } from '@grafana/data';
import type { DataQuery } from '@grafana/schema';

export type UpstreamEditorComponent = ComponentType<QueryEditorProps<any, any, any>>;

export type UpstreamEditorState =
  | { status: 'loading' }
  | { status: 'ready'; upstream: DataSourceApi<DataQuery>; Editor: UpstreamEditorComponent }
  | { status: 'unavailable'; reason: string };

/** What the editor needs from the Tidemark data source. */
export interface UpstreamSource {
  getUpstream?: () => Promise<DataSourceApi<DataQuery>>;
}

/**
 * The upstream Prometheus data source's own query editor. Grafana attaches a plugin's components to the instances
 * its DataSourceSrv returns, so the Prometheus instance carries `components.QueryEditor` (with the code editor's
 * autocomplete and the metrics browser, fed by its language provider).
 */
export function useUpstreamEditor(datasource: UpstreamSource): UpstreamEditorState {
  const [state, setState] = useState<UpstreamEditorState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    const settle = (next: UpstreamEditorState) => current && setState(next);
    if (typeof datasource.getUpstream !== 'function') {
      settle({ status: 'unavailable', reason: 'this data source instance cannot reach an upstream' });
      return;
    }
    datasource.getUpstream().then(
      (upstream) => {
        const Editor = upstream.components?.QueryEditor as UpstreamEditorComponent | undefined;
        settle(
          Editor
            ? { status: 'ready', upstream, Editor }
            : { status: 'unavailable', reason: `the data source "${upstream.name}" offers no query editor` }
        );
      },
      (error: unknown) =>
        settle({ status: 'unavailable', reason: error instanceof Error ? error.message : String(error) })
    );
    return () => {
      current = false;
    };
  }, [datasource]);
  return state;
}
