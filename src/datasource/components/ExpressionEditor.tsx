import React from 'react';
import type { CoreApp, TimeRange } from '@grafana/data';
import { ErrorBoundary, Text } from '@grafana/ui';
import type { SarimaQuery } from '../types';
import { PlainPromQLField } from './PlainPromQLField';
import { type UpstreamEditorComponent, type UpstreamSource, useUpstreamEditor } from './useUpstreamEditor';

interface Props {
  datasource: UpstreamSource;
  query: SarimaQuery;
  onChange: (query: SarimaQuery) => void;
  onRunQuery: () => void;
  app?: CoreApp;
  range?: TimeRange;
}

/**
 * The Prometheus query model shown to the upstream editor. Tidemark always runs a range query at its own step in
 * time-series format, so those fields are fixed here and their edits ignored; expression, legend and editor mode
 * are Tidemark's.
 */
function toUpstreamQuery(query: SarimaQuery) {
  return {
    refId: query.refId,
    expr: query.expr,
    legendFormat: query.legendFormat,
    editorMode: query.editorMode,
    range: true,
    instant: false,
    exemplar: false,
    format: 'time_series',
  };
}

/** Takes back what Tidemark uses from an upstream editor change. */
function fromUpstreamQuery(query: SarimaQuery, changed: Record<string, unknown>): SarimaQuery {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    ...query,
    expr: text(changed.expr) ?? '',
    legendFormat: text(changed.legendFormat),
    editorMode: text(changed.editorMode),
  };
}

/** PromQL editing: the upstream Prometheus data source's own editor, or plain inputs with a notice saying why. */
export function ExpressionEditor({ datasource, query, onChange, onRunQuery, app, range }: Props) {
  const state = useUpstreamEditor(datasource);
  const plain = (reason?: string) => (
    <PlainPromQLField query={query} onChange={onChange} onRunQuery={onRunQuery} unavailableReason={reason} />
  );
  if (state.status !== 'ready') {
    return plain(state.status === 'unavailable' ? state.reason : undefined);
  }
  const Editor: UpstreamEditorComponent = state.Editor;
  return (
    <ErrorBoundary>
      {({ error }) =>
        error ? (
          plain(`the "${state.upstream.name}" editor failed: ${error.message}`)
        ) : (
          <div data-testid="tidemark-upstream-editor">
            <Editor
              datasource={state.upstream}
              query={toUpstreamQuery(query)}
              onChange={(changed: Record<string, unknown>) => onChange(fromUpstreamQuery(query, changed))}
              onRunQuery={onRunQuery}
              app={app}
              range={range}
            />
            <Text variant="bodySmall" color="secondary">
              Tidemark uses the expression and the legend; it sets the query type, step and format itself.
            </Text>
          </div>
        )
      }
    </ErrorBoundary>
  );
}
