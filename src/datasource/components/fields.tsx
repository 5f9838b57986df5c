import React from 'react';
import { InlineField, Input } from '@grafana/ui';
import { parseDurationMs } from '../duration';

/** Label width shared by the editor rows, so the fields line up. */
export const LABEL_WIDTH = 20;

/** Why `text` is not a usable duration (or `auto` when allowed), or undefined when it is. */
export function durationProblem(text: string, allowAuto: boolean): string | undefined {
  if (allowAuto && text === 'auto') {
    return undefined;
  }
  try {
    parseDurationMs(text, 'value');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.replace(/^value: /, '') : String(error);
  }
}

interface DurationFieldProps {
  label: string;
  tooltip: string;
  value: string;
  allowAuto?: boolean;
  onChange: (value: string) => void;
}

/** A duration (`1h`, `14d`) input that flags a value it cannot read. */
export function DurationField({ label, tooltip, value, allowAuto = false, onChange }: DurationFieldProps) {
  const problem = durationProblem(value, allowAuto);
  return (
    <InlineField
      label={label}
      labelWidth={LABEL_WIDTH}
      tooltip={tooltip}
      invalid={problem !== undefined}
      error={problem}
    >
      <Input
        width={12}
        value={value}
        placeholder={allowAuto ? 'auto' : '1h'}
        aria-label={label}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    </InlineField>
  );
}

interface NumberInputProps {
  label: string;
  value: number;
  min?: number;
  max?: number;
  step?: number;
  width?: number;
  onChange: (value: number) => void;
}

/** A number input that only reports finite values within [min, max]. */
export function NumberInput({ label, value, min = 0, max, step = 1, width = 8, onChange }: NumberInputProps) {
  return (
    <Input
      type="number"
      width={width}
      aria-label={label}
      value={value}
      min={min}
      max={max}
      step={step}
      onChange={(e) => {
        const next = Number(e.currentTarget.value);
        if (
          e.currentTarget.value !== '' &&
          Number.isFinite(next) &&
          next >= min &&
          (max === undefined || next <= max)
        ) {
          onChange(next);
        }
      }}
    />
  );
}
