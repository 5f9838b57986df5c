import React from 'react';
import { Alert, InlineField, Input } from '@grafana/ui';
import type { SarimaQuery } from '../types';
import { LABEL_WIDTH } from './fields';

interface Props {
  query: SarimaQuery;
  onChange: (query: SarimaQuery) => void;
  onRunQuery: () => void;
  /** Why the upstream's own editor is not shown; no notice while it is still loading. */
  unavailableReason?: string;
}

/** Plain PromQL and legend inputs: the fallback when the upstream Prometheus editor cannot be shown. */
export function PlainPromQLField({ query, onChange, onRunQuery, unavailableReason }: Props) {
  return (
    <>
      {unavailableReason && (
        <Alert severity="info" title="Plain text editing" data-testid="tidemark-plain-promql-notice">
          The Prometheus query editor (autocomplete, metrics browser) is not available: {unavailableReason}.
        </Alert>
      )}
      <InlineField
        label="PromQL"
        labelWidth={LABEL_WIDTH}
        grow
        tooltip="Every series it returns is modelled separately"
      >
        <Input
          aria-label="PromQL"
          value={query.expr}
          placeholder="sum by (pod) (rate(container_cpu_usage_seconds_total[5m]))"
          onChange={(e) => onChange({ ...query, expr: e.currentTarget.value })}
          onBlur={onRunQuery}
        />
      </InlineField>
      <InlineField
        label="Legend"
        labelWidth={LABEL_WIDTH}
        tooltip="Series names as in Prometheus: {{label}} becomes the label's value; empty: the label set"
      >
        <Input
          aria-label="Legend"
          width={40}
          value={query.legendFormat ?? ''}
          placeholder="{{pod}}"
          onChange={(e) => onChange({ ...query, legendFormat: e.currentTarget.value })}
          onBlur={onRunQuery}
        />
      </InlineField>
    </>
  );
}
