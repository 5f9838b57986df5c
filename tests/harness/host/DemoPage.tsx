/** The demo page's layout: presets, the Tidemark QueryEditor, errors, the Tidemark panel and the stock graph. */
import React from 'react';
import {
  DashboardCursorSync,
  type DataSourcePlugin,
  EventBusSrv,
  type PanelData,
  type PanelPlugin,
  ThemeContext,
} from '@grafana/data';
import { config } from '@grafana/runtime';
import { LegendDisplayMode } from '@grafana/schema';
import { Alert, Button, GlobalStyles, PanelContextProvider, Stack, Text, TimeSeries } from '@grafana/ui';

/** Queries the demo page offers; the first is shown on load. */
export const PRESETS = [
  {
    name: 'synthetic',
    label: 'Synthetic requests (spike, level shift, drift)',
    query: {
      expr: 'tidemark_demo_requests_per_second',
      season: '1d',
      trainingWindow: { type: 'duration', duration: '14d' },
      horizon: '12h',
      // A short hold-off, so the level shift 30 h after the spike is flagged too.
      holdOff: '6h',
    },
  },
  {
    name: 'nyc_taxi',
    label: 'NYC taxi (NAB, real)',
    // The default settings (season auto: weekly once three weeks show it, 28-day window, 2-day hold-off): the
    // detector `npm run eval` scores on NAB, so the panel shows what the NAB figures measure.
    query: {
      expr: 'tidemark_demo_nyc_taxi_passengers',
      horizon: '12h',
    },
  },
] as const;

export type Preset = (typeof PRESETS)[number];

export interface DemoState {
  query: Record<string, unknown> & { refId: string };
  running: boolean;
  data?: PanelData;
  errors?: string[];
}

interface Props {
  state: DemoState;
  datasource: unknown;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the harness mounts any data source plugin.
  dsPlugin: DataSourcePlugin<any, any, any>;
  panelPlugin: PanelPlugin;
  options: Record<string, unknown>;
  onQuery: (query: DemoState['query']) => void;
  onRun: () => void;
  onPreset: (preset: Preset) => void;
}

const WIDTH = 1100;
const eventBus = new EventBusSrv();
const panelContext = { eventsScope: 'global', eventBus, sync: () => DashboardCursorSync.Crosshair };
const legend = { showLegend: true, displayMode: LegendDisplayMode.List, placement: 'bottom' as const, calcs: [] };

// eslint-disable-next-line max-lines-per-function -- one page layout of the harness, markup only
export function DemoPage({ state, datasource, dsPlugin, panelPlugin, options, onQuery, onRun, onPreset }: Props) {
  const QueryEditor = dsPlugin.components.QueryEditor!;
  const Panel = panelPlugin.panel!;
  const { data } = state;
  const range = data?.timeRange;
  return (
    <ThemeContext.Provider value={config.theme2}>
      <GlobalStyles />
      <PanelContextProvider value={panelContext}>
        <div style={{ padding: 16, width: WIDTH }}>
          <Stack direction="column" gap={2}>
            <Text element="h4">
              Tidemark development harness — the built plugin on a real Prometheus. This is not Grafana.
            </Text>
            <Stack direction="row" gap={1}>
              {PRESETS.map((p) => (
                <Button key={p.name} size="sm" variant="secondary" onClick={() => onPreset(p)}>
                  {p.label}
                </Button>
              ))}
              <Button size="sm" onClick={onRun} disabled={state.running}>
                {state.running ? 'Running…' : 'Run query'}
              </Button>
            </Stack>
            <div data-testid="demo-query-editor">
              <QueryEditor
                datasource={datasource as never}
                query={state.query as never}
                data={data}
                onChange={(q: unknown) => onQuery(q as DemoState['query'])}
                onRunQuery={onRun}
              />
            </div>
            {state.errors?.map((message) => (
              <Alert key={message} title="Query error" severity="error" data-testid="demo-error">
                {message}
              </Alert>
            ))}
            {data && range && data.series.length > 0 && (
              <>
                <Text element="h5">Tidemark bands panel</Text>
                <div data-testid="demo-tidemark-panel" style={{ width: WIDTH, height: 380 }}>
                  <Panel
                    id={1}
                    data={data}
                    timeRange={range}
                    timeZone="utc"
                    options={options}
                    fieldConfig={{ defaults: panelPlugin.fieldConfigDefaults.defaults, overrides: [] }}
                    transparent={false}
                    width={WIDTH}
                    height={380}
                    renderCounter={0}
                    title="Tidemark bands"
                    eventBus={eventBus}
                    onOptionsChange={() => undefined}
                    onFieldConfigChange={() => undefined}
                    replaceVariables={(v: string) => v}
                    onChangeTimeRange={() => undefined}
                  />
                </div>
                <Text element="h5">Grafana’s stock Time series, same frames</Text>
                <div data-testid="demo-stock-panel" style={{ width: WIDTH, height: 300 }}>
                  <TimeSeries
                    frames={data.series}
                    timeRange={range}
                    timeZone="utc"
                    width={WIDTH}
                    height={300}
                    legend={legend}
                  />
                </div>
              </>
            )}
          </Stack>
        </div>
      </PanelContextProvider>
    </ThemeContext.Provider>
  );
}
