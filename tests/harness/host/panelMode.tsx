/** Harness modes that render a panel: the built plugin (`panel`), a stock Grafana graph (`stock`), the benchmark. */
import React, { useLayoutEffect, useRef } from 'react';
import { flushSync } from 'react-dom';
import type { Root } from 'react-dom/client';
import {
  DashboardCursorSync,
  DataFrame,
  getFieldDisplayName,
  EventBusSrv,
  GrafanaTheme2,
  PanelData,
  PanelPlugin,
  ThemeContext,
  TimeRange,
} from '@grafana/data';
import { LegendDisplayMode, type VizLegendOptions } from '@grafana/schema';
import { GlobalStyles, PanelContextProvider, TimeSeries, TooltipPlugin2, type UPlotConfigBuilder } from '@grafana/ui';
import { timeRangeOf } from './frames';

export interface PanelState {
  plugin: PanelPlugin;
  data: PanelData;
  options: Record<string, unknown>;
  timeRange: TimeRange;
  theme: GrafanaTheme2;
  width: number;
  height: number;
  stock: boolean;
}

const eventBus = new EventBusSrv();
const panelContext = { eventsScope: 'global', eventBus, sync: () => DashboardCursorSync.Crosshair };
let renderCounter = 0;

/**
 * Exposes the stock graph's uPlot instance to the browser checks as `harness.valueToY(value, displayName)`: the
 * page y of a value on the value scale of the named field (uPlot series i is field i of the aligned frame).
 */
function PlotProbe({ builder, alignedFrame }: { builder: UPlotConfigBuilder; alignedFrame: DataFrame }) {
  const frame = useRef(alignedFrame);
  useLayoutEffect(() => {
    frame.current = alignedFrame;
  });
  useLayoutEffect(() => {
    builder.addHook('init', (u) => {
      const harness = (window as unknown as { harness: Record<string, unknown> }).harness;
      harness.valueToY = (value: number, displayName: string) => {
        const index = frame.current.fields.findIndex((f) => getFieldDisplayName(f, frame.current) === displayName);
        const scale = index > 0 ? u.series[index].scale : undefined;
        if (!scale) {
          throw new Error(`harness: no plotted field named ${displayName}`);
        }
        return u.over.getBoundingClientRect().top + u.valToPos(value, scale);
      };
    });
  }, [builder]);
  return null;
}

function Stock({ state }: { state: PanelState }) {
  const { data, timeRange, width, height } = state;
  const legend: VizLegendOptions = {
    showLegend: true,
    displayMode: LegendDisplayMode.List,
    placement: 'bottom',
    calcs: [],
  };
  return (
    <TimeSeries frames={data.series} timeRange={timeRange} timeZone="utc" width={width} height={height} legend={legend}>
      {(builder, alignedFrame) => (
        <>
          <TooltipPlugin2 config={builder} hoverMode={1} render={() => null} />
          <PlotProbe builder={builder} alignedFrame={alignedFrame} />
        </>
      )}
    </TimeSeries>
  );
}

function element(state: PanelState, onRange: (fromMs: number, toMs: number) => void) {
  const Panel = state.plugin.panel!;
  const { data, options, timeRange, theme, width, height } = state;
  const body = state.stock ? (
    <Stock state={state} />
  ) : (
    <Panel
      id={1}
      data={{ ...data, timeRange }}
      timeRange={timeRange}
      timeZone="utc"
      options={options}
      fieldConfig={{ defaults: state.plugin.fieldConfigDefaults.defaults, overrides: [] }}
      transparent={false}
      width={width}
      height={height}
      renderCounter={renderCounter++}
      title="Tidemark bands"
      eventBus={eventBus}
      onOptionsChange={() => undefined}
      onFieldConfigChange={() => undefined}
      replaceVariables={(value: string) => value}
      onChangeTimeRange={(range) => onRange(range.from, range.to)}
    />
  );
  return (
    <ThemeContext.Provider value={theme}>
      <GlobalStyles />
      <PanelContextProvider value={panelContext}>
        <div
          data-testid="harness-panel"
          style={{ width, height, padding: 0, background: theme.colors.background.primary }}
        >
          {body}
        </div>
      </PanelContextProvider>
    </ThemeContext.Provider>
  );
}

/** Renders synchronously and waits for uPlot's draw (queued as a microtask); returns the elapsed ms. */
export async function renderMeasured(root: Root, state: PanelState, onRange: (fromMs: number, toMs: number) => void) {
  const t0 = performance.now();
  flushSync(() => root.render(element(state, onRange)));
  await Promise.resolve();
  await Promise.resolve();
  return performance.now() - t0;
}

/** Waits for two animation frames, i.e. until the browser has painted what was drawn. */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/**
 * Bench loop: `steps` range changes zooming in to a fifth of the range, then `steps` pans to the right. Each
 * reports the render time (as renderMeasured) and the time until the next animation frame after it.
 */
export async function panZoom(
  setTimeRange: (fromMs: number, toMs: number) => Promise<number>,
  range: { fromMs: number; toMs: number },
  steps: number
) {
  const span = range.toMs - range.fromMs;
  const out: Array<{ renderMs: number; toFrameMs: number }> = [];
  const change = async (fromMs: number, toMs: number) => {
    await nextFrame();
    const t0 = performance.now();
    const renderMs = await setTimeRange(fromMs, toMs);
    await nextFrame();
    out.push({ renderMs, toFrameMs: performance.now() - t0 });
  };
  for (let i = 1; i <= steps; i++) {
    await change(range.toMs - span * (1 - (0.8 * i) / steps), range.toMs);
  }
  for (let i = 1; i <= steps; i++) {
    const fromMs = range.fromMs + (span * 0.5 * i) / steps;
    await change(fromMs, fromMs + span * 0.2);
  }
  return out;
}

export { timeRangeOf };
