import React from 'react';
import { InlineField, InlineFieldRow, RadioButtonGroup } from '@grafana/ui';
import { DEFAULT_SETTINGS } from '../../contract/settings';
import type { SarimaQuery, TrainingWindow } from '../types';
import { DurationField, LABEL_WIDTH, NumberInput } from './fields';
import { OrderFields } from './OrderFields';
import { SettingField } from './SettingField';

interface Props {
  query: SarimaQuery;
  onChange: (patch: Partial<SarimaQuery>) => void;
}

const WINDOW_TYPES = [
  { label: 'Duration', value: 'duration' as const },
  { label: 'Seasons', value: 'seasons' as const },
];

/** Season, resolution, horizon, forecast transform, orders and training window. */
export function ModelFields({ query, onChange }: Props) {
  return (
    <>
      <InlineFieldRow>
        <SettingField name="season" query={query} onChange={onChange} />
        <SettingField name="resolution" query={query} onChange={onChange} />
        <SettingField name="horizon" query={query} onChange={onChange} />
        <SettingField name="transform" query={query} onChange={onChange} />
      </InlineFieldRow>
      <OrderFields query={query} onChange={onChange} />
      <TrainingWindowFields window={query.trainingWindow} onChange={(trainingWindow) => onChange({ trainingWindow })} />
    </>
  );
}

function TrainingWindowFields({ window, onChange }: { window: TrainingWindow; onChange: (w: TrainingWindow) => void }) {
  return (
    <InlineFieldRow>
      <InlineField label="Training window" labelWidth={LABEL_WIDTH} tooltip="History the model is fitted on">
        <RadioButtonGroup
          options={WINDOW_TYPES}
          value={window.type}
          onChange={(type) =>
            onChange(
              type === 'seasons'
                ? { type, seasons: 14 }
                : { type: 'duration', duration: DEFAULT_SETTINGS.trainingWindow }
            )
          }
        />
      </InlineField>
      {window.type === 'seasons' ? (
        <NumberInput
          label="seasons"
          value={window.seasons}
          min={2}
          onChange={(seasons) => onChange({ type: 'seasons', seasons })}
        />
      ) : (
        <DurationField
          label="Duration"
          tooltip="e.g. 14d"
          value={window.duration}
          onChange={(duration) => onChange({ type: 'duration', duration })}
        />
      )}
    </InlineFieldRow>
  );
}
