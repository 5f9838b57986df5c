/**
 * Harness mode `demo` (the `npm run demo` preview page): a Prometheus-type data source over the real Prometheus
 * (HarnessPrometheusDataSource), the Tidemark data source from dist/ wrapping it, its QueryEditor, and the frames
 * it returns drawn by the Tidemark panel and by Grafana's stock TimeSeries. URL parameters: preset=<name>,
 * days=<visible days>, to=<end of the visible range, Unix ms; default now: the browser tests pin it to the end of the
 * backfilled history so nothing they check depends on the wall clock>. Tests read `window.harness`: runCount, lastRun ({frames, errors, anomalies}), workers.
 */
import React from 'react';
import type { Root } from 'react-dom/client';
import {
  type DataFrame,
  type DataQueryResponse,
  type DataSourcePlugin,
  dateTime,
  type PanelPlugin,
  rangeUtil,
} from '@grafana/data';
import { config } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';
import { loadAmdModule } from './amd';
import { DemoPage, type DemoState, PRESETS } from './DemoPage';
import { toPanelData, timeRangeOf } from './frames';
import { HarnessPrometheusDataSource } from './promDataSource';
import { registerDataSource } from './services';
import { attachStandInEditor, fetchPrometheusMetricNames } from './standInPromEditor';
import { DAY_MS } from '../../../src/contract/constants';
import { parseBandFieldName } from '../../../src/contract/frame';

type Harness = Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the harness mounts any data source plugin.
type AnyDataSourcePlugin = DataSourcePlugin<any, any, any>;

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

/**
 * The Prometheus stand-in, with the stand-in query editor attached as Grafana attaches a plugin's components, so the
 * demo shows the upstream-editor path (metric names from the real Prometheus); the plain-PromQL fallback has its own
 * check in datasource.checks.ts.
 */
function registerPrometheus(): HarnessPrometheusDataSource {
  const meta = { id: 'prometheus', name: 'Prometheus', type: 'datasource', info: { logos: {} } } as never;
  const settings = { id: 2, uid: 'prometheus', type: 'prometheus', name: 'Prometheus', meta, jsonData: {} } as never;
  const instance = new HarnessPrometheusDataSource(settings, '/api/prom');
  attachStandInEditor(instance, () => fetchPrometheusMetricNames('/api/prom'));
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
    const custom = frame.meta?.custom as
      { windows?: Array<{ startMs: number; endMs: number }>; horizonStartMs?: number } | undefined;
    const windows = (custom?.windows ?? []).map((w) => [w.startMs, w.endMs]);
    const horizonStartMs = custom?.horizonStartMs ?? Number.POSITIVE_INFINITY;
    const flagged = times.filter((_, i) => (flags[i] ?? 0) > 0);
    // The outermost lower band (strongest level): where a count series' bands are floored at 0 it meets the weak one.
    const lowers = frame.fields.filter((f) => parseBandFieldName(f.name)?.bound === 'lower');
    const strongLower = lowers.length > 0 ? Array.from(lowers[lowers.length - 1].values as Array<number | null>) : [];
    return [{ name: frame.name, times, flagged, flags, windows, horizonStartMs, strongLower }];
  });
}

/** The plugins under test, loaded from dist/ the way Grafana loads them, and the data source's plugin.json. */
async function loadPlugins() {
  const { plugin: dsPlugin } = (await loadAmdModule('/dist/datasource/module.js')) as { plugin: AnyDataSourcePlugin };
  const { plugin: panelPlugin } = (await loadAmdModule('/dist/panel/module.js')) as { plugin: PanelPlugin };
  const meta = await (await fetch('/dist/datasource/plugin.json')).json();
  return { dsPlugin, panelPlugin, meta };
}

/** The Tidemark data source over the registered Prometheus (uid `prometheus`), fitting in the browser. */
function registerTidemark(dsPlugin: AnyDataSourcePlugin, meta: { id: string }) {
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
  const datasource = new dsPlugin.DataSourceClass(settings as never);
  registerDataSource(settings as never, datasource);
  return datasource;
}

/** Everything one demo page works with. */
interface DemoSession {
  root: Root;
  harness: Harness;
  state: DemoState;
  datasource: ReturnType<typeof registerTidemark>;
  dsPlugin: AnyDataSourcePlugin;
  panelPlugin: PanelPlugin;
  options: Record<string, unknown>;
  prometheus: HarnessPrometheusDataSource;
  visibleDays: number;
  /**
   * Page parameter `maxDataPoints`: the request's interval as Grafana derives it from the range and the panel's
   * points (`rangeUtil.calculateInterval`), so the data source answers at the dashboard's step; null: 1 hour.
   */
  maxDataPoints: number | null;
  /** Pinned end of the visible range (Unix ms), or null to follow the clock. */
  pinnedToMs: number | null;
}

/** Draws the demo page for the current state; its buttons run `run`. */
function renderPage(session: DemoSession, run: () => Promise<void>): void {
  const { root, state } = session;
  root.render(
    <DemoPage
      state={state}
      datasource={session.datasource}
      dsPlugin={session.dsPlugin}
      panelPlugin={session.panelPlugin}
      options={session.options}
      onQuery={(query) => ((state.query = query), renderPage(session, run))}
      onRun={() => void run()}
      onPreset={(p) => ((state.query = { ...state.query, ...p.query }), void run())}
    />
  );
}

/** Queries the last `visibleDays` days through the Tidemark data source, as a dashboard panel would. */
function queryVisibleRange(session: DemoSession, range: ReturnType<typeof timeRangeOf>): Promise<DataQueryResponse> {
  const { interval, intervalMs } =
    session.maxDataPoints === null
      ? { interval: '1h', intervalMs: 3_600_000 }
      : rangeUtil.calculateInterval(range, session.maxDataPoints);
  return lastValueFrom(
    session.datasource.query({
      requestId: `demo-${Number(session.harness.runCount) + 1}`,
      interval,
      intervalMs,
      ...(session.maxDataPoints === null ? {} : { maxDataPoints: session.maxDataPoints }),
      range,
      scopedVars: {},
      targets: [session.state.query],
      timezone: 'utc',
      app: 'dashboard',
      startTime: Date.now(),
    })
  );
}

/** One run: query, draw the frames, and record the outcome in `window.harness` (the tests' evidence). */
async function runQuery(session: DemoSession, render: () => void): Promise<void> {
  const { harness, state } = session;
  const toMs = session.pinnedToMs ?? Date.now();
  const range = timeRangeOf(toMs - session.visibleDays * DAY_MS, toMs);
  state.running = true;
  render();
  const t0 = performance.now();
  const response = await queryVisibleRange(session, range);
  state.running = false;
  state.data = toPanelData(session.panelPlugin, response.data, range, config.theme2);
  state.errors = (response.errors ?? []).map((e: { message?: string }) => e.message ?? 'error');
  harness.timeRange = { fromMs: range.from.valueOf(), toMs: range.to.valueOf() };
  harness.lastRun = {
    ms: performance.now() - t0,
    frames: response.data.length,
    errors: state.errors,
    anomalies: anomaliesOf(response.data),
    prometheusQueries: session.prometheus.queryCount,
  };
  harness.runCount = Number(harness.runCount) + 1;
  render();
}

/** Loads the plugins, registers both data sources, mounts the page and runs the first query. */
export async function mountDemoMode(root: Root, params: URLSearchParams, harness: Harness) {
  instrumentWorkers(harness);
  const { dsPlugin, panelPlugin, meta } = await loadPlugins();
  const prometheus = registerPrometheus();
  const datasource = registerTidemark(dsPlugin, meta);
  const preset = PRESETS.find((p) => p.name === params.get('preset')) ?? PRESETS[0];
  const visibleDays = Number(params.get('days') ?? 3);
  const maxDataPoints = params.has('maxDataPoints') ? Number(params.get('maxDataPoints')) : null;
  const pinnedToMs = params.has('to') ? Number(params.get('to')) : null;
  if (pinnedToMs !== null && !Number.isFinite(pinnedToMs)) {
    throw new Error(`demo page: to=${params.get('to')} is not a Unix time in milliseconds`);
  }
  const options = await panelPlugin.onPanelMigration!({ options: {} } as never);
  const state: DemoState = { query: { ...datasource.getDefaultQuery(), ...preset.query, refId: 'A' }, running: false };
  harness.runCount = 0;
  const session: DemoSession = {
    root,
    harness,
    state,
    datasource,
    dsPlugin,
    panelPlugin,
    options,
    prometheus,
    visibleDays,
    maxDataPoints,
    pinnedToMs,
  };
  const run = () => runQuery(session, () => renderPage(session, run));
  harness.runQuery = run;
  harness.dateTime = dateTime;
  await run();
}
