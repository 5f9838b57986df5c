import React from 'react';
import { InlineField, InlineFieldRow, InlineSwitch } from '@grafana/ui';
import type { OrderSetting, SeasonalOrderSetting } from '../../contract/fit';
import { DEFAULT_SETTINGS, SETTINGS } from '../../contract/settings';
import type { SarimaQuery } from '../types';
import { LABEL_WIDTH, NumberInput } from './fields';

interface Props {
  query: SarimaQuery;
  onChange: (patch: Partial<SarimaQuery>) => void;
}

/** Used when the analyst turns "auto" off: the schema's default model, a good start for most metrics. */
const MANUAL_ORDER = DEFAULT_SETTINGS.order as OrderSetting;
const MANUAL_SEASONAL_ORDER = DEFAULT_SETTINGS.seasonalOrder as SeasonalOrderSetting;

/** Largest value of each order part, from the schema (`order` p, d, q; `seasonalOrder` P, D, Q). */
function partMaximum(name: 'order' | 'seasonalOrder', part: string): number {
  const variants = SETTINGS[name].schema.anyOf as Array<{ properties?: Record<string, { maximum?: number }> }>;
  return variants.find((v) => v.properties)?.properties?.[part]?.maximum ?? 0;
}

/** Non-seasonal and seasonal orders, each "auto" or three numbers. */
export function OrderFields({ query, onChange }: Props) {
  const { order, seasonalOrder } = query;
  return (
    <InlineFieldRow>
      <InlineField label={SETTINGS.order.label} labelWidth={LABEL_WIDTH} tooltip={SETTINGS.order.schema.description}>
        <InlineSwitch
          label="auto"
          showLabel
          value={order === 'auto'}
          onChange={() => onChange({ order: order === 'auto' ? MANUAL_ORDER : 'auto' })}
        />
      </InlineField>
      {order !== 'auto' &&
        (['p', 'd', 'q'] as const).map((k) => (
          <NumberInput
            key={k}
            label={k}
            value={order[k]}
            max={partMaximum('order', k)}
            onChange={(v) => onChange({ order: { ...order, [k]: v } })}
          />
        ))}
      <InlineField
        label={SETTINGS.seasonalOrder.label}
        labelWidth={LABEL_WIDTH}
        tooltip={SETTINGS.seasonalOrder.schema.description}
      >
        <InlineSwitch
          label="auto"
          showLabel
          value={seasonalOrder === 'auto'}
          onChange={() => onChange({ seasonalOrder: seasonalOrder === 'auto' ? MANUAL_SEASONAL_ORDER : 'auto' })}
        />
      </InlineField>
      {seasonalOrder !== 'auto' &&
        (['P', 'D', 'Q'] as const).map((k) => (
          <NumberInput
            key={k}
            label={k}
            value={seasonalOrder[k]}
            max={partMaximum('seasonalOrder', k)}
            onChange={(v) => onChange({ seasonalOrder: { ...seasonalOrder, [k]: v } })}
          />
        ))}
    </InlineFieldRow>
  );
}
