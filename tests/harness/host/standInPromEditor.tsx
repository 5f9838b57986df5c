/**
 * Stands in for Grafana's Prometheus query editor (PromQueryEditorByApp) on the harness's Prometheus data source,
 * as Grafana attaches a plugin's components to its instances: a code field with metric-name autocomplete from the
 * instance's language provider, a metrics browser, and the Legend option. Only what the Tidemark editor relies on.
 */
import React, { useEffect, useState } from 'react';
import type { DataSourceApi, QueryEditorProps } from '@grafana/data';
import { Button, InlineField, Input, Stack, TextArea } from '@grafana/ui';
import type { DataQuery } from '@grafana/schema';

/** The stand-in language provider: metric names, as Prometheus' provider fetches them for autocomplete. */
interface StandInLanguageProvider {
  fetchMetricNames(): Promise<string[]>;
}

interface PromQueryLike extends DataQuery {
  expr?: string;
  legendFormat?: string;
  editorMode?: string;
}

type Props = QueryEditorProps<DataSourceApi & { languageProvider?: StandInLanguageProvider }, PromQueryLike>;

/** The metric name being typed at the end of the expression. */
function typedWord(expr: string): string {
  return /[a-zA-Z_:][\w:]*$/.exec(expr)?.[0] ?? '';
}

function StandInPromQueryEditor({ datasource, query, onChange, onRunQuery }: Props) {
  const [metrics, setMetrics] = useState<string[]>([]);
  const [browsing, setBrowsing] = useState(false);
  useEffect(() => {
    void datasource.languageProvider?.fetchMetricNames().then(setMetrics);
  }, [datasource]);
  const expr = query.expr ?? '';
  const word = typedWord(expr);
  const suggestions = word ? metrics.filter((m) => m.startsWith(word) && m !== word).slice(0, 6) : [];
  const setExpr = (next: string) => onChange({ ...query, expr: next, editorMode: 'code' });
  return (
    <Stack direction="column" gap={0.5}>
      <div data-testid="stand-in-prom-editor">
        <Button size="sm" variant="secondary" icon="book-open" onClick={() => setBrowsing(!browsing)}>
          Metrics browser
        </Button>
        <TextArea
          aria-label="Prometheus code editor"
          rows={2}
          value={expr}
          onChange={(e) => setExpr(e.currentTarget.value)}
          onBlur={onRunQuery}
        />
      </div>
      {suggestions.length > 0 && (
        <ul data-testid="stand-in-suggestions" role="listbox">
          {suggestions.map((m) => (
            <li key={m} role="option" aria-selected={false} onClick={() => setExpr(expr.slice(0, -word.length) + m)}>
              {m}
            </li>
          ))}
        </ul>
      )}
      {browsing && (
        <div data-testid="stand-in-metrics-browser">
          {metrics.map((m) => (
            <Button key={m} size="sm" variant="secondary" fill="text" onClick={() => (setExpr(m), setBrowsing(false))}>
              {m}
            </Button>
          ))}
        </div>
      )}
      <InlineField label="Legend" labelWidth={20}>
        <Input
          aria-label="Prometheus legend"
          width={40}
          value={query.legendFormat ?? ''}
          onChange={(e) => onChange({ ...query, legendFormat: e.currentTarget.value })}
          onBlur={onRunQuery}
        />
      </InlineField>
    </Stack>
  );
}

/** Gives a harness Prometheus instance the stand-in editor and a language provider, as Grafana's plugin loader would. */
export function attachStandInEditor(instance: DataSourceApi, fetchMetricNames: () => Promise<string[]>): void {
  instance.components = { QueryEditor: StandInPromQueryEditor } as never;
  instance.languageProvider = { fetchMetricNames } satisfies StandInLanguageProvider;
}

/** Metric names of a real Prometheus, through the preview server's proxy at `baseUrl`. */
export async function fetchPrometheusMetricNames(baseUrl: string): Promise<string[]> {
  const response = await fetch(`${baseUrl}/api/v1/label/__name__/values`);
  const body = (await response.json()) as { data?: string[] };
  return body.data ?? [];
}
