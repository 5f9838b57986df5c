import React from 'react';
import { QueryEditorProps } from '@grafana/data';
import { InlineField, Input } from '@grafana/ui';
import type { SarimaDataSource } from '../datasource';
import { SarimaDataSourceOptions, SarimaQuery } from '../types';

type Props = QueryEditorProps<SarimaDataSource, SarimaQuery, SarimaDataSourceOptions>;

/** Query editor: the PromQL expression to model. */
export function QueryEditor({ query, onChange }: Props) {
  return (
    <InlineField label="PromQL" labelWidth={12} grow>
      <Input
        value={query.expr ?? ''}
        placeholder="sum by (pod) (rate(container_cpu_usage_seconds_total[5m]))"
        onChange={(e) => onChange({ ...query, expr: e.currentTarget.value })}
      />
    </InlineField>
  );
}
