import React from 'react';
import { Field, FieldSet, Input } from '@grafana/ui';
import { DEFAULT_QUERY, type QueryDefaults } from '../types';
import { durationProblem, NumberInput } from './fields';

interface Props {
  defaults: QueryDefaults;
  onChange: (defaults: QueryDefaults) => void;
}

/** Defaults for new queries of this data source; existing queries keep their own settings. */
export function QueryDefaultsFields({ defaults, onChange }: Props) {
  const window = defaults.trainingWindow?.type === 'duration' ? defaults.trainingWindow.duration : '';
  const windowProblem = window === '' ? undefined : durationProblem(window, false);
  const horizon = defaults.horizon ?? '';
  const horizonProblem = horizon === '' ? undefined : durationProblem(horizon, false);
  const defaultWindow = DEFAULT_QUERY.trainingWindow.type === 'duration' ? DEFAULT_QUERY.trainingWindow.duration : '';
  return (
    <FieldSet label="Defaults for new queries">
      <Field label="Training window" invalid={windowProblem !== undefined} error={windowProblem}>
        <Input
          aria-label="Default training window"
          width={12}
          placeholder={defaultWindow}
          value={window}
          onChange={(e) => {
            const duration = e.currentTarget.value.trim();
            onChange({ ...defaults, trainingWindow: duration ? { type: 'duration', duration } : undefined });
          }}
        />
      </Field>
      <Field label="Forecast horizon" invalid={horizonProblem !== undefined} error={horizonProblem}>
        <Input
          aria-label="Default forecast horizon"
          width={12}
          placeholder={DEFAULT_QUERY.horizon}
          value={horizon}
          onChange={(e) => onChange({ ...defaults, horizon: e.currentTarget.value.trim() || undefined })}
        />
      </Field>
      <Field label="Series limit">
        <NumberInput
          label="Default series limit"
          value={defaults.seriesLimit ?? DEFAULT_QUERY.seriesLimit}
          min={1}
          max={500}
          onChange={(seriesLimit) => onChange({ ...defaults, seriesLimit })}
        />
      </Field>
    </FieldSet>
  );
}
