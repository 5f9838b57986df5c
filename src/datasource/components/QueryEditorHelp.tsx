import React from 'react';
import type { QueryEditorHelpProps } from '@grafana/data';
import { Button, Stack, Text } from '@grafana/ui';
import type { SarimaQuery } from '../types';

/** Example expressions, each with why it suits per-series modelling. */
export const HELP_EXAMPLES = [
  {
    title: 'Request rate per service',
    expr: 'sum by (service) (rate(http_requests_total[5m]))',
    text: 'One model per service. Aggregate first: each series returned is fitted separately, and a model per pod is rarely what you want.',
  },
  {
    title: 'Latency percentile',
    expr: 'histogram_quantile(0.95, sum by (le, service) (rate(http_request_duration_seconds_bucket[5m])))',
    text: 'Quantiles are noisy at short rate windows; 5m or more gives the model a smoother signal.',
  },
  {
    title: 'A dashboard variable',
    expr: 'sum by (pod) (rate(container_cpu_usage_seconds_total{namespace=~"$namespace"}[5m]))',
    text: 'Multi-value and All selections become an escaped regex alternation, as in a Prometheus query.',
  },
];

/** Query help (Explore's "?" and the dashboard query editor's help): examples and how Tidemark reads a query. */
export function QueryEditorHelp({ query, onClickExample }: QueryEditorHelpProps<SarimaQuery>) {
  return (
    <Stack direction="column" gap={2}>
      <Text element="h3">Tidemark query help</Text>
      <Text color="secondary">
        The PromQL runs on the upstream Prometheus over the training window plus the visible range, at the model&apos;s
        step. Every series it returns gets its own SARIMA model, forecast, expected ranges and anomaly flags, up to the
        series limit. Name series with Legend, e.g. {'{{pod}}'}, as in Prometheus.
      </Text>
      {HELP_EXAMPLES.map((example) => (
        <Stack key={example.title} direction="column" gap={0.5}>
          <Text weight="medium">{example.title}</Text>
          <code>{example.expr}</code>
          <Text color="secondary" variant="bodySmall">
            {example.text}
          </Text>
          <div>
            <Button size="sm" variant="secondary" onClick={() => onClickExample({ ...query, expr: example.expr })}>
              Use this query
            </Button>
          </div>
        </Stack>
      ))}
    </Stack>
  );
}
