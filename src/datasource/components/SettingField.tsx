import React from 'react';
import { InlineField, InlineSwitch, Input, RadioButtonGroup } from '@grafana/ui';
import { SETTINGS, settingProblem, type SettingName } from '../../contract/settings';
import type { SettingSpec } from '../../contract/settings/spec';
import type { SarimaQuery } from '../types';
import { LABEL_WIDTH, NumberInput } from './fields';

/** Query settings with one plain value (not the orders, the levels or the training window, which have their own). */
type PlainSetting = Exclude<
  keyof SarimaQuery & SettingName,
  'order' | 'seasonalOrder' | 'levelsPct' | 'trainingWindow'
>;

interface Props {
  name: PlainSetting;
  query: SarimaQuery;
  onChange: (patch: Partial<SarimaQuery>) => void;
}

/**
 * The editor input of one setting, all from the settings schema: label, tooltip (its description), kind (switch,
 * number with the schema's bounds, choice, or text checked with the schema's message).
 */
export function SettingField({ name, query, onChange }: Props) {
  const entry = SETTINGS[name] as SettingSpec;
  const label = entry.label ?? name;
  const value = query[name] as unknown;
  const set = (next: unknown) => onChange({ [name]: next } as Partial<SarimaQuery>);
  const schema = entry.schema as { type?: string; anyOf?: Array<{ const?: unknown }> };
  const choices = schema.anyOf?.every((v) => v.const !== undefined) ? schema.anyOf.map((v) => v.const) : undefined;
  const problem = typeof value === 'string' && !choices ? settingProblem(name, value) : undefined;
  return (
    <InlineField
      label={label}
      labelWidth={LABEL_WIDTH}
      tooltip={entry.schema.description}
      invalid={problem !== undefined}
      error={problem}
    >
      {schema.type === 'boolean' ? (
        <InlineSwitch aria-label={label} value={value as boolean} onChange={() => set(!value)} />
      ) : schema.type === 'integer' || schema.type === 'number' ? (
        <NumberInput label={label} value={value as number} {...entry.input} onChange={set} />
      ) : choices ? (
        <RadioButtonGroup options={choices.map((c) => ({ label: String(c), value: c }))} value={value} onChange={set} />
      ) : (
        <Input width={12} value={value as string} aria-label={label} onChange={(e) => set(e.currentTarget.value)} />
      )}
    </InlineField>
  );
}
