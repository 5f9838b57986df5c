import React from 'react';
import { InlineField, InlineFieldRow } from '@grafana/ui';
import { SETTINGS } from '../../contract/settings';
import type { SarimaQuery } from '../types';
import { LABEL_WIDTH, NumberInput } from './fields';
import { SettingField } from './SettingField';

interface Props {
  query: SarimaQuery;
  onChange: (patch: Partial<SarimaQuery>) => void;
}

/** Band levels, anomaly rules (sensitivity, direction), refit interval, estimation method and series limit. */
export function DetectionFields({ query, onChange }: Props) {
  return (
    <>
      <InlineFieldRow>
        <BandLevels query={query} onChange={onChange} />
        <SettingField name="minConsecutive" query={query} onChange={onChange} />
        <SettingField name="method" query={query} onChange={onChange} />
      </InlineFieldRow>
      <InlineFieldRow>
        <SettingField name="onsetOnly" query={query} onChange={onChange} />
        <SettingField name="holdOff" query={query} onChange={onChange} />
        <SettingField name="refitEvery" query={query} onChange={onChange} />
        <SettingField name="seriesLimit" query={query} onChange={onChange} />
      </InlineFieldRow>
      <InlineFieldRow>
        <SettingField name="sensitivity" query={query} onChange={onChange} />
        <SettingField name="direction" query={query} onChange={onChange} />
      </InlineFieldRow>
    </>
  );
}

function BandLevels({ query, onChange }: Props) {
  const [weakPct, strongPct] = query.levelsPct;
  const { label, input, schema } = SETTINGS.levelsPct;
  return (
    <>
      <InlineField label={label} labelWidth={LABEL_WIDTH} tooltip={schema.description}>
        <NumberInput
          label="weak level"
          value={weakPct}
          {...input}
          onChange={(v) => onChange({ levelsPct: [v, strongPct] })}
        />
      </InlineField>
      <NumberInput
        label="strong level"
        value={strongPct}
        {...input}
        onChange={(v) => onChange({ levelsPct: [weakPct, v] })}
      />
    </>
  );
}
