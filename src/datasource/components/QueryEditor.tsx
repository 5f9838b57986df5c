import React, { useMemo } from 'react';
import type { QueryEditorProps } from '@grafana/data';
import { InlineField, Input, Stack } from '@grafana/ui';
import type { SarimaDataSource } from '../datasource';
import { migrateQuery } from '../migrate';
import type { SarimaDataSourceOptions, SarimaQuery } from '../types';
import { DetectionFields } from './DetectionFields';
import { Diagnostics } from './Diagnostics';
import { LABEL_WIDTH } from './fields';
import { ModelFields } from './ModelFields';
import { useDebouncedCallback } from './useDebouncedCallback';

type Props = QueryEditorProps<SarimaDataSource, SarimaQuery, SarimaDataSourceOptions>;

/** Wait this long after the last edit of a model setting before refitting. */
export const REFIT_DEBOUNCE_MS = 800;

/** Query editor: PromQL, model and detection settings, and the diagnostics of the last run. */
export function QueryEditor({ query, onChange, onRunQuery, data }: Props) {
  const current = useMemo(() => migrateQuery(query), [query]);
  const refitSoon = useDebouncedCallback(onRunQuery, REFIT_DEBOUNCE_MS);
  const update = (patch: Partial<SarimaQuery>) => {
    onChange({ ...current, ...patch });
    refitSoon();
  };
  return (
    <Stack direction="column" gap={0.5}>
      <InlineField
        label="PromQL"
        labelWidth={LABEL_WIDTH}
        grow
        tooltip="Every series it returns is modelled separately"
      >
        <Input
          aria-label="PromQL"
          value={current.expr}
          placeholder="sum by (pod) (rate(container_cpu_usage_seconds_total[5m]))"
          onChange={(e) => onChange({ ...current, expr: e.currentTarget.value })}
          onBlur={onRunQuery}
        />
      </InlineField>
      <ModelFields query={current} onChange={update} />
      <DetectionFields query={current} onChange={update} />
      <Diagnostics frames={data?.series} refId={current.refId} />
    </Stack>
  );
}
