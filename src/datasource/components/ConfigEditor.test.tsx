import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import type { DataSourceSettings } from '@grafana/data';
import type { SarimaDataSourceOptions, SarimaSecureJsonData } from '../types';
import { ConfigEditor } from './ConfigEditor';

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  // The real picker needs Grafana's data source service; this stand-in records its filter and offers one choice.
  DataSourcePicker: (props: { type: string | string[]; onChange: (ds: { uid: string }) => void }) => (
    <button onClick={() => props.onChange({ uid: 'prom-uid' })}>{`pick ${[props.type].flat().join(',')}`}</button>
  ),
}));

type Settings = DataSourceSettings<SarimaDataSourceOptions, SarimaSecureJsonData>;

function renderConfig(jsonData: SarimaDataSourceOptions, secureJsonFields: Record<string, boolean> = {}) {
  const onOptionsChange = jest.fn();
  const options = { jsonData, secureJsonFields, secureJsonData: {} } as unknown as Settings;
  render(<ConfigEditor options={options} onOptionsChange={onOptionsChange} />);
  return onOptionsChange;
}

describe('ConfigEditor', () => {
  it('should pick the upstream among Prometheus-compatible data sources', () => {
    const onOptionsChange = renderConfig({});
    fireEvent.click(
      screen.getByText(
        'pick prometheus,grafana-amazonprometheus-datasource,grafana-azureprometheus-datasource,' +
          'victoriametrics-metrics-datasource'
      )
    );
    expect(onOptionsChange).toHaveBeenCalledWith(expect.objectContaining({ jsonData: { upstreamUid: 'prom-uid' } }));
  });

  it('should default to browser fits with a timeout and no service fields', () => {
    renderConfig({});
    expect(screen.getByLabelText('fit timeout')).toHaveValue(60);
    expect(screen.queryByLabelText('Service URL')).not.toBeInTheDocument();
  });

  it('should keep the service URL in jsonData and the token in secureJsonData', () => {
    const onOptionsChange = renderConfig({ fitLocation: 'service', serviceUrl: 'http://fit:9464' });
    fireEvent.change(screen.getByLabelText('Bearer token'), { target: { value: 's3cret' } });
    expect(onOptionsChange).toHaveBeenLastCalledWith(
      expect.objectContaining({
        secureJsonData: { serviceToken: 's3cret' },
        jsonData: expect.not.objectContaining({ serviceToken: expect.anything() }),
      })
    );
    fireEvent.change(screen.getByLabelText('Service URL'), { target: { value: ' http://other:1 ' } });
    expect(onOptionsChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ jsonData: { fitLocation: 'service', serviceUrl: 'http://other:1' } })
    );
  });

  it('should set defaults for new queries', () => {
    const onOptionsChange = renderConfig({});
    fireEvent.change(screen.getByLabelText('Default forecast horizon'), { target: { value: '1d' } });
    expect(onOptionsChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ jsonData: { queryDefaults: { horizon: '1d' } } })
    );
  });
});
