import React from 'react';
import type { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { DataSourcePicker } from '@grafana/runtime';
import { Field, FieldSet, RadioButtonGroup } from '@grafana/ui';
import {
  DEFAULT_FIT_TIMEOUT_SEC,
  type FitLocation,
  type SarimaDataSourceOptions,
  type SarimaSecureJsonData,
} from '../types';
import { PROMETHEUS_COMPATIBLE_TYPES } from '../upstreamTypes';
import { NumberInput } from './fields';
import { QueryDefaultsFields } from './QueryDefaultsFields';
import { ServiceFields } from './ServiceFields';

type Props = DataSourcePluginOptionsEditorProps<SarimaDataSourceOptions, SarimaSecureJsonData>;

const LOCATIONS: Array<{ label: string; value: FitLocation; description: string }> = [
  { label: 'Browser', value: 'browser', description: 'Web Workers in each viewer’s browser; nothing to deploy' },
  { label: 'Fit service', value: 'service', description: 'The self-hosted Tidemark companion service' },
];

/** Settings page: upstream Prometheus, where fits run, and defaults for new queries. */
export function ConfigEditor({ options, onOptionsChange }: Props) {
  const { jsonData } = options;
  const update = (patch: Partial<SarimaDataSourceOptions>) =>
    onOptionsChange({ ...options, jsonData: { ...jsonData, ...patch } });
  const location = jsonData.fitLocation ?? 'browser';
  return (
    <>
      <FieldSet label="Prometheus">
        <Field
          label="Data source"
          description="Prometheus or a compatible data source (Mimir, Thanos, Amazon, Azure, VictoriaMetrics) that runs the PromQL of every query; its series are modelled one by one"
        >
          <DataSourcePicker
            type={PROMETHEUS_COMPATIBLE_TYPES}
            current={jsonData.upstreamUid ?? null}
            noDefault
            width={40}
            onChange={(ds) => update({ upstreamUid: ds.uid })}
          />
        </Field>
      </FieldSet>
      <FieldSet label="Where fits run">
        <Field label="Location" description={LOCATIONS.find((l) => l.value === location)?.description}>
          <RadioButtonGroup options={LOCATIONS} value={location} onChange={(fitLocation) => update({ fitLocation })} />
        </Field>
        {location === 'service' ? (
          <ServiceFields options={options} onOptionsChange={onOptionsChange} />
        ) : (
          <Field label="Fit timeout (seconds)" description="A fit running longer is stopped and its worker restarted">
            <NumberInput
              label="fit timeout"
              value={jsonData.fitTimeoutSec ?? DEFAULT_FIT_TIMEOUT_SEC}
              min={1}
              max={600}
              onChange={(fitTimeoutSec) => update({ fitTimeoutSec })}
            />
          </Field>
        )}
      </FieldSet>
      <QueryDefaultsFields
        defaults={jsonData.queryDefaults ?? {}}
        onChange={(queryDefaults) => update({ queryDefaults })}
      />
    </>
  );
}
