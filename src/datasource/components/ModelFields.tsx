import React from 'react';
import { InlineField, InlineFieldRow, RadioButtonGroup } from '@grafana/ui';
import type { SarimaQuery, TrainingWindow } from '../types';
import { DurationField, LABEL_WIDTH, NumberInput } from './fields';
import { OrderFields } from './OrderFields';

interface Props {
  query: SarimaQuery;
  onChange: (patch: Partial<SarimaQuery>) => void;
}

const WINDOW_TYPES = [
  { label: 'Duration', value: 'duration' as const },
  { label: 'Seasons', value: 'seasons' as const },
];

/** Season, resolution, horizon, orders and training window. */
export function ModelFields({ query, onChange }: Props) {
  return (
    <>
      <InlineFieldRow>
        <DurationField
          label="Season"
          tooltip="Length of one season (1d, 1w), or auto to detect it from the data"
          value={query.season}
          allowAuto
          onChange={(season) => onChange({ season })}
        />
        <DurationField
          label="Resolution"
          tooltip="Query step; auto makes one season about 24 points (1h for a daily season)"
          value={query.resolution}
          allowAuto
          onChange={(resolution) => onChange({ resolution })}
        />
        <DurationField
          label="Forecast horizon"
          tooltip="How far past the last observation to forecast (0s for none)"
          value={query.horizon}
          onChange={(horizon) => onChange({ horizon })}
        />
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
            onChange(type === 'seasons' ? { type, seasons: 14 } : { type: 'duration', duration: '14d' })
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
