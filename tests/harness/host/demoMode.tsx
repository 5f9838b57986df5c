/**
 * Harness mode `demo` (the `npm run demo` preview page): a Prometheus-type data source over the real Prometheus
 * (HarnessPrometheusDataSource), the Tidemark data source from dist/ wrapping it, its QueryEditor, and the frames
 * it returns drawn by the Tidemark panel and by Grafana's stock TimeSeries. URL parameters: preset=<name>,
 * days=<visible days>. Tests read `window.harness`: runCount, lastRun ({frames, errors, anomalies}), workers.
 */
import React from 'react';
import type { Root } from 'react-dom/client';
import {
  type DataFrame,
  type DataQueryResponse,
  type DataSourcePlugin,
  dateTime,
  type PanelPlugin,
} from '@grafana/data';
import { config } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';
import { loadAmdModule } from './amd';
import { DemoPage, type DemoState, PRESETS } from './DemoPage';
import { toPanelData, timeRangeOf } from './frames';
import { HarnessPrometheusDataSource } from './promDataSource';
import { registerDataSource } from './services';

type Harness = Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the harness mounts any data source plugin.
type AnyDataSourcePlugin = DataSourcePlugin<any, any, any>;

const DAY_MS = 86_400_000;

/** Counts workers and the messages they post back, installed before the plugin loads (the tests' evidence). */
function instrumentWorkers(harness: Harness) {
  const workers: Array<{ url: string; messages: number }> = [];
  harness.workers = workers;
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      const entry = { url: String(url), messages: 0 };
      workers.push(entry);
      this.addEventListener('message', () => entry.messages++);
    }
  };
}

function registerPrometheus(): HarnessPrometheusDataSource {
  const meta = { id: 'prometheus', name: 'Prometheus', type: 'datasource', info: { logos: {} } } as never;
  const settings = { id: 2, uid: 'prometheus', type: 'prometheus', name: 'Prometheus', meta, jsonData: {} } as never;
  const instance = new HarnessPrometheusDataSource(settings, '/api/prom');
  registerDataSource(settings, instance);
  return instance;
}

function anomaliesOf(frames: DataFrame[]) {
  return frames.flatMap((frame) => {
    const time = frame.fields.find((f) => f.name === 'time');
    const anomaly = frame.fields.find((f) => f.name === 'anomaly');
    if (!time || !anomaly) {
      return [];
    }
    const times = Array.from(time.values as number[]);
    const flags = Array.from(anomaly.values as Array<number | null>);
    return [{ name: frame.name, times, flagged: times.filter((_, i) => (flags[i] ?? 0) > 0), flags }];
  });
}

export async function mountDemoMode(root: Root, params: URLSearchParams, harness: Harness) {
  instrumentWorkers(harness);
  const { plugin: dsPlugin } = (await loadAmdModule('/dist/datasource/module.js')) as { plugin: AnyDataSourcePlugin };
  const { plugin: panelPlugin } = (await loadAmdModule('/dist/panel/module.js')) as { plugin: PanelPlugin };
  const meta = await (await fetch('/dist/datasource/plugin.json')).json();
  const prometheus = registerPrometheus();
  const jsonData = { upstreamUid: 'prometheus', fitLocation: 'browser' };
  const settings = {
    id: 1,
    uid: 'tidemark',
    type: meta.id,
    name: 'Tidemark',
    meta,
    jsonData,
    access: 'proxy' as const,
    readOnly: true,
  };
  const datasource = new dsPlugin.DataSourceClass(settings);
  registerDataSource(settings as never, datasource);
  const preset = PRESETS.find((p) => p.name === params.get('preset')) ?? PRESETS[0];
  const visibleDays = Number(params.get('days') ?? 3);
  const options = await panelPlugin.onPanelMigration!({ options: {} } as never);
  const state: DemoState = { query: { ...datasource.getDefaultQuery(), ...preset.query, refId: 'A' }, running: false };
  harness.runCount = 0;

  const render = () =>
    root.render(
      <DemoPage
        state={state}
        datasource={datasource}
        dsPlugin={dsPlugin}
        panelPlugin={panelPlugin}
        options={options}
        onQuery={(query) => ((state.query = query), render())}
        onRun={() => void run()}
        onPreset={(p) => ((state.query = { ...state.query, ...p.query }), void run())}
      />
    );

  const run = async () => {
    const toMs = Date.now();
    const range = timeRangeOf(toMs - visibleDays * DAY_MS, toMs);
    state.running = true;
    render();
    const t0 = performance.now();
    const response: DataQueryResponse = await lastValueFrom(
      datasource.query({
        requestId: `demo-${Number(harness.runCount) + 1}`,
        interval: '1h',
        intervalMs: 3_600_000,
        range,
        scopedVars: {},
        targets: [state.query],
        timezone: 'utc',
        app: 'dashboard',
        startTime: Date.now(),
      })
    );
    state.running = false;
    state.data = toPanelData(panelPlugin, response.data, range, config.theme2);
    state.errors = (response.errors ?? []).map((e: { message?: string }) => e.message ?? 'error');
    harness.timeRange = { fromMs: range.from.valueOf(), toMs: range.to.valueOf() };
    harness.lastRun = {
      ms: performance.now() - t0,
      frames: response.data.length,
      errors: state.errors,
      anomalies: anomaliesOf(response.data),
      prometheusQueries: prometheus.queryCount,
    };
    harness.runCount = Number(harness.runCount) + 1;
    render();
  };
  harness.runQuery = run;
  harness.dateTime = dateTime;
  await run();
}
