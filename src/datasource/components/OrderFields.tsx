import React from 'react';
import { InlineField, InlineFieldRow, InlineSwitch } from '@grafana/ui';
import type { OrderSetting, SeasonalOrderSetting } from '../../contract/fit';
import type { SarimaQuery } from '../types';
import { LABEL_WIDTH, NumberInput } from './fields';

interface Props {
  query: SarimaQuery;
  onChange: (patch: Partial<SarimaQuery>) => void;
}

/** Used when the analyst turns "auto" off: the detector's default model, a good start for most metrics. */
const MANUAL_ORDER: OrderSetting = { p: 1, d: 0, q: 1 };
const MANUAL_SEASONAL_ORDER: SeasonalOrderSetting = { P: 0, D: 1, Q: 1 };

/** Non-seasonal and seasonal orders, each "auto" or three numbers. */
export function OrderFields({ query, onChange }: Props) {
  const { order, seasonalOrder } = query;
  return (
    <InlineFieldRow>
      <InlineField label="Order (p, d, q)" labelWidth={LABEL_WIDTH} tooltip="Non-seasonal ARIMA order, or auto">
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
            max={k === 'd' ? 2 : 5}
            onChange={(v) => onChange({ order: { ...order, [k]: v } })}
          />
        ))}
      <InlineField label="Seasonal (P, D, Q)" labelWidth={LABEL_WIDTH} tooltip="Seasonal order, or auto">
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
            max={k === 'D' ? 1 : 2}
            onChange={(v) => onChange({ seasonalOrder: { ...seasonalOrder, [k]: v } })}
          />
        ))}
    </InlineFieldRow>
  );
}
