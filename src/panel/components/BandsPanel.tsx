import React from 'react';
import { PanelProps } from '@grafana/data';
import { PanelDataErrorView } from '@grafana/runtime';
import { BandsPanelOptions } from '../options';

type Props = PanelProps<BandsPanelOptions>;

/** Bands panel. Drawing lands with issue #6; until then it shows Grafana's standard data view message. */
export function BandsPanel({ data, id, fieldConfig }: Props) {
  return (
    <PanelDataErrorView
      panelId={id}
      fieldConfig={fieldConfig}
      data={data}
      message="Band drawing is not available in this build yet."
    />
  );
}
