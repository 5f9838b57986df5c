import React, { useMemo } from 'react';
import type { QueryEditorProps } from '@grafana/data';
import { Stack } from '@grafana/ui';
import type { SarimaDataSource } from '../datasource';
import { migrateQuery } from '../migrate';
import type { SarimaDataSourceOptions, SarimaQuery } from '../types';
import { DetectionFields } from './DetectionFields';
import { Diagnostics } from './Diagnostics';
import { ExpressionEditor } from './ExpressionEditor';
import { ModelFields } from './ModelFields';
import { useDebouncedCallback } from './useDebouncedCallback';

type Props = QueryEditorProps<SarimaDataSource, SarimaQuery, SarimaDataSourceOptions>;

/** Wait this long after the last edit of a model setting before refitting. */
export const REFIT_DEBOUNCE_MS = 800;

/** Query editor: PromQL (the upstream's own editor), model and detection settings, diagnostics of the last run. */
export function QueryEditor({ datasource, query, onChange, onRunQuery, data, app, range }: Props) {
  const current = useMemo(() => migrateQuery(query), [query]);
  const refitSoon = useDebouncedCallback(onRunQuery, REFIT_DEBOUNCE_MS);
  const update = (patch: Partial<SarimaQuery>) => {
    onChange({ ...current, ...patch });
    refitSoon();
  };
  return (
    <Stack direction="column" gap={0.5}>
      <ExpressionEditor
        datasource={datasource}
        query={current}
        onChange={onChange}
        onRunQuery={onRunQuery}
        app={app}
        range={range}
      />
      <ModelFields query={current} onChange={update} />
      <DetectionFields query={current} onChange={update} />
      <Diagnostics frames={data?.series} refId={current.refId} />
    </Stack>
  );
}
