/**
 * Harness modes for the data source plugin: `datasource` mounts its QueryEditor with a real DataSource instance,
 * `config` its ConfigEditor. URL parameters: jsonData=<JSON>, query=<JSON>, upstreamEditor=none, series=<count>.
 * State is exposed on `window.harness` (`query`, `runCount`, `dataSourceOptions`, `stream`) so a test can drive the
 * editor and assert what it produced.
 */
import React from 'react';
import type { Root } from 'react-dom/client';
import { DataSourceInstanceSettings, DataSourcePlugin, DataSourcePluginMeta, ThemeContext } from '@grafana/data';
import { config } from '@grafana/runtime';
import { GlobalStyles } from '@grafana/ui';
import { loadAmdModule } from './amd';
import { HarnessPrometheusDataSource } from './promDataSource';
import { registerDataSource } from './services';
import { attachStandInEditor } from './standInPromEditor';
import { installStreamingApi } from './streaming';
import { SyntheticPrometheus } from './syntheticPrometheus';

type Harness = Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the harness mounts any data source plugin.
type AnyDataSourcePlugin = DataSourcePlugin<any, any, any>;

function settingsFor(meta: DataSourcePluginMeta, jsonData: Record<string, unknown>): DataSourceInstanceSettings {
  return {
    id: 1,
    uid: 'tidemark',
    type: meta.id,
    name: 'Tidemark',
    meta,
    jsonData,
    // Grafana's data proxy path of the instance; its `fitservice` route reaches a fit service when a check serves one.
    url: '/api/datasources/proxy/uid/tidemark',
    access: 'proxy',
    readOnly: false,
  };
}

/** Metric names the stand-in Prometheus editor offers (no Prometheus server in this mode). */
const STAND_IN_METRICS = ['http_requests_total', 'http_request_duration_seconds_bucket', 'node_load1', 'up'];

/**
 * A Prometheus data source in the registry (uid `prometheus`) carrying the stand-in query editor, as Grafana's
 * instances carry their plugin's components; `upstreamEditor=none` leaves it without one. A synthetic Prometheus
 * (uid `synthetic`, `series` URL parameter, default 50) answers the streaming checks.
 */
function registerPrometheus(params: URLSearchParams) {
  const meta = {
    id: 'prometheus',
    name: 'Prometheus',
    type: 'datasource',
    info: { logos: {} },
  } as DataSourcePluginMeta;
  const settings = { ...settingsFor(meta, {}), id: 2, uid: 'prometheus', name: 'Prometheus' };
  const prometheus = new HarnessPrometheusDataSource(settings, '/api/prom');
  if (params.get('upstreamEditor') !== 'none') {
    attachStandInEditor(prometheus, async () => STAND_IN_METRICS);
  }
  registerDataSource(settings, prometheus);
  const synthetic = { ...settingsFor(meta, {}), id: 3, uid: 'synthetic', name: 'Synthetic' };
  registerDataSource(synthetic, new SyntheticPrometheus(synthetic, Number(params.get('series') ?? 50)));
}

export async function mountDataSourceMode(root: Root, mode: string, params: URLSearchParams, harness: Harness) {
  const { plugin } = (await loadAmdModule('/dist/datasource/module.js')) as { plugin: AnyDataSourcePlugin };
  const meta = (await (await fetch('/dist/datasource/plugin.json')).json()) as DataSourcePluginMeta;
  const jsonData = JSON.parse(params.get('jsonData') ?? '{}');
  const settings = settingsFor(meta, jsonData);
  const instance = new plugin.DataSourceClass(settings);
  registerPrometheus(params);
  registerDataSource(settings, instance);
  installStreamingApi(harness, instance);
  const theme = config.theme2;
  harness.query = JSON.parse(params.get('query') ?? '{"refId":"A"}');
  harness.runCount = 0;
  harness.dataSourceOptions = { ...settings, secureJsonFields: {}, jsonData };

  const render = () => {
    const editor =
      mode === 'config' ? (
        <ConfigView plugin={plugin} harness={harness} render={render} />
      ) : (
        <QueryView plugin={plugin} instance={instance} harness={harness} render={render} />
      );
    root.render(
      <ThemeContext.Provider value={theme}>
        <GlobalStyles />
        <div data-testid="harness-editor" style={{ padding: 16, width: 900 }}>
          {editor}
        </div>
      </ThemeContext.Provider>
    );
  };
  render();
}

interface ViewProps {
  plugin: AnyDataSourcePlugin;
  harness: Harness;
  render: () => void;
}

/** Records the editors' output on `window.harness` (the tests' evidence), outside React's render-purity rules. */
function record(harness: Harness, key: string, value: unknown): void {
  harness[key] = value;
}

function QueryView({ plugin, instance, harness, render }: ViewProps & { instance: unknown }) {
  const QueryEditor = plugin.components.QueryEditor;
  if (!QueryEditor) {
    return <div>The data source has no QueryEditor.</div>;
  }
  return (
    <QueryEditor
      datasource={instance as never}
      query={harness.query as never}
      onChange={(query: unknown) => {
        record(harness, 'query', query);
        render();
      }}
      onRunQuery={() => {
        record(harness, 'runCount', Number(harness.runCount) + 1);
      }}
    />
  );
}

function ConfigView({ plugin, harness, render }: ViewProps) {
  const ConfigEditor = plugin.components.ConfigEditor;
  if (!ConfigEditor) {
    return <div>The data source has no ConfigEditor.</div>;
  }
  return (
    <ConfigEditor
      options={harness.dataSourceOptions as never}
      onOptionsChange={(options: unknown) => {
        record(harness, 'dataSourceOptions', options);
        render();
      }}
    />
  );
}
