import React, { useState } from 'react';
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
  if (schema.anyOf && !choices) {
    return <ChoiceOrNumberField name={name} label={label} entry={entry} value={value} onCommit={set} />;
  }
  const problem = typeof value === 'string' && !choices ? settingProblem(name, value) : undefined;
  return (
    <SchemaInlineField label={label} entry={entry} problem={problem}>
      {schema.type === 'boolean' ? (
        <InlineSwitch aria-label={label} value={value as boolean} onChange={() => set(!value)} />
      ) : schema.type === 'integer' || schema.type === 'number' ? (
        <NumberInput label={label} value={value as number} {...entry.input} onChange={set} />
      ) : choices ? (
        <RadioButtonGroup options={choices.map((c) => ({ label: String(c), value: c }))} value={value} onChange={set} />
      ) : (
        <Input width={12} value={value as string} aria-label={label} onChange={(e) => set(e.currentTarget.value)} />
      )}
    </SchemaInlineField>
  );
}

interface SchemaInlineFieldProps {
  label: string;
  entry: SettingSpec;
  problem: string | undefined;
  children: React.ReactElement;
}

/** The row every setting sits in: its label, the schema's description as tooltip, the schema's message when invalid. */
function SchemaInlineField({ label, entry, problem, children }: SchemaInlineFieldProps) {
  return (
    <InlineField
      label={label}
      labelWidth={LABEL_WIDTH}
      tooltip={entry.schema.description}
      invalid={problem !== undefined}
      error={problem}
    >
      {children}
    </InlineField>
  );
}

/** The typed text as the setting's value: a number when it reads as one (sensitivity 3.5, a Box-Cox λ), else text. */
function parseChoiceOrNumber(text: string): unknown {
  const trimmed = text.trim();
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}

interface ChoiceOrNumberProps {
  name: PlainSetting;
  label: string;
  entry: SettingSpec;
  value: unknown;
  onCommit: (value: unknown) => void;
}

/**
 * A setting that is one of a few words or a number (sensitivity low/medium/high or 3.5; transform none/auto/log or λ).
 * The text is committed on blur, so a half-typed number ("3.") is not rounded away while typing.
 */
function ChoiceOrNumberField({ name, label, entry, value, onCommit }: ChoiceOrNumberProps) {
  const [text, setText] = useState(String(value ?? ''));
  const problem = settingProblem(name, parseChoiceOrNumber(text), text);
  return (
    <SchemaInlineField label={label} entry={entry} problem={problem}>
      <Input
        width={12}
        value={text}
        aria-label={label}
        placeholder={entry.expect}
        onChange={(e) => setText(e.currentTarget.value)}
        onBlur={() => {
          if (problem === undefined) {
            onCommit(parseChoiceOrNumber(text));
          }
        }}
      />
    </SchemaInlineField>
  );
}
