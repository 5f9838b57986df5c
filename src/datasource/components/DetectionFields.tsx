import React from 'react';
import { InlineField, InlineFieldRow, InlineSwitch } from '@grafana/ui';
import type { SarimaQuery } from '../types';
import { DurationField, LABEL_WIDTH, NumberInput } from './fields';

interface Props {
  query: SarimaQuery;
  onChange: (patch: Partial<SarimaQuery>) => void;
}

/** Band levels, anomaly rules, refit interval and series limit. */
export function DetectionFields({ query, onChange }: Props) {
  return (
    <>
      <BandRow query={query} onChange={onChange} />
      <RuleRow query={query} onChange={onChange} />
    </>
  );
}

function BandRow({ query, onChange }: Props) {
  const [weakPct, strongPct] = query.levelsPct;
  return (
    <InlineFieldRow>
      <InlineField
        label="Band levels (%)"
        labelWidth={LABEL_WIDTH}
        tooltip="Weak and strong prediction-interval levels"
      >
        <NumberInput
          label="weak level"
          value={weakPct}
          min={1}
          max={99.9}
          step={0.5}
          onChange={(v) => onChange({ levelsPct: [v, strongPct] })}
        />
      </InlineField>
      <NumberInput
        label="strong level"
        value={strongPct}
        min={1}
        max={99.9}
        step={0.5}
        onChange={(v) => onChange({ levelsPct: [weakPct, v] })}
      />
      <InlineField
        label="Min consecutive"
        labelWidth={LABEL_WIDTH}
        tooltip="Out-of-band points in a row before an anomaly is raised"
      >
        <NumberInput
          label="min consecutive"
          value={query.minConsecutive}
          min={1}
          onChange={(minConsecutive) => onChange({ minConsecutive })}
        />
      </InlineField>
    </InlineFieldRow>
  );
}

function RuleRow({ query, onChange }: Props) {
  return (
    <InlineFieldRow>
      <InlineField
        label="Onset only"
        labelWidth={LABEL_WIDTH}
        tooltip="Flag only the first point of each anomalous run"
      >
        <InlineSwitch value={query.onsetOnly} onChange={() => onChange({ onsetOnly: !query.onsetOnly })} />
      </InlineField>
      <DurationField
        label="Hold-off"
        tooltip="After an anomaly starts, no new one for this long"
        value={query.holdOff}
        onChange={(holdOff) => onChange({ holdOff })}
      />
      <DurationField
        label="Refit every"
        tooltip="Refit after this much new data; in between, refreshes only filter the new points"
        value={query.refitEvery}
        onChange={(refitEvery) => onChange({ refitEvery })}
      />
      <InlineField label="Series limit" labelWidth={LABEL_WIDTH} tooltip="Model at most this many series">
        <NumberInput
          label="series limit"
          value={query.seriesLimit}
          min={1}
          max={500}
          onChange={(seriesLimit) => onChange({ seriesLimit })}
        />
      </InlineField>
    </InlineFieldRow>
  );
}
