import React from 'react';
import type { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { Field, Input, SecretInput } from '@grafana/ui';
import type { SarimaDataSourceOptions, SarimaSecureJsonData } from '../types';

type Props = DataSourcePluginOptionsEditorProps<SarimaDataSourceOptions, SarimaSecureJsonData>;

/**
 * URL and bearer token of the companion fit service. The token goes to `secureJsonData`: Grafana's data proxy adds
 * it to requests on the `fitservice` route server-side, so browsers never see it.
 */
export function ServiceFields({ options, onOptionsChange }: Props) {
  const configured = Boolean(options.secureJsonFields?.serviceToken);
  return (
    <>
      <Field label="Service URL" description="Base URL of the fit service as Grafana's server reaches it" required>
        <Input
          aria-label="Service URL"
          width={40}
          placeholder="http://tidemark-service:9464"
          value={options.jsonData.serviceUrl ?? ''}
          onChange={(e) =>
            onOptionsChange({ ...options, jsonData: { ...options.jsonData, serviceUrl: e.currentTarget.value.trim() } })
          }
        />
      </Field>
      <Field label="Bearer token" description="Optional; sent by Grafana's server as Authorization: Bearer">
        <SecretInput
          aria-label="Bearer token"
          width={40}
          isConfigured={configured}
          value={options.secureJsonData?.serviceToken ?? ''}
          onChange={(e) =>
            onOptionsChange({
              ...options,
              secureJsonData: { ...options.secureJsonData, serviceToken: e.currentTarget.value },
            })
          }
          onReset={() =>
            onOptionsChange({
              ...options,
              secureJsonFields: { ...options.secureJsonFields, serviceToken: false },
              secureJsonData: { ...options.secureJsonData, serviceToken: '' },
            })
          }
        />
      </Field>
    </>
  );
}
