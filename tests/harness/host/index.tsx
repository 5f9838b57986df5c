/**
 * Harness host: plays Grafana for the built plugin. It provides the shared modules to an AMD loader, installs the
 * runtime services and a theme, loads `dist/…/module.js` and renders the plugin with fixture data.
 *
 * URL parameters: mode=panel|stock|bench|datasource|config|demo|refresh (demo, refresh: see their files), fixture=<tests/fixtures/frames name>, theme=dark|light,
 * width, height, options=<JSON merged into the panel options>, variables=<JSON dashboard variables (TestVariable[])>. Everything the tests need is on `window.harness`.
 */
import { createRoot } from 'react-dom/client';
import { createTheme, PanelPlugin } from '@grafana/data';
import { installAmd, loadAmdModule } from './amd';
import { mountDataSourceMode } from './datasourceMode';
import { mountDemoMode } from './demoMode';
import { mountRefreshMode } from './refreshMode';
import { loadFixture, sliceFrames, timeRangeOf, toPanelData } from './frames';
import { afterPaint, panZoom, PanelState, renderMeasured } from './panelMode';
import { installServices } from './services';
import { registerSharedModules } from './shared';
import { benchFrames } from './bench';

const params = new URLSearchParams(location.search);
const mode = params.get('mode') ?? 'panel';
const theme = createTheme({ colors: { mode: params.get('theme') === 'light' ? 'light' : 'dark' } });

interface HarnessApi {
  ready: boolean;
  error?: string;
  sharedModules: string[];
  firstRenderMs?: number;
  overridesMs?: number;
  setTimeRange?: (fromMs: number, toMs: number) => Promise<number>;
  setOptions?: (options: Record<string, unknown>) => Promise<number>;
  [key: string]: unknown;
}

const harness: HarnessApi = { ready: false, sharedModules: [] };
(window as unknown as { harness: HarnessApi }).harness = harness;

async function mountPanel(root: ReturnType<typeof createRoot>) {
  const { plugin } = (await loadAmdModule('/dist/panel/module.js')) as { plugin: PanelPlugin };
  const fixture = mode === 'bench' ? benchFrames(params) : await loadFixture(params.get('fixture') ?? 'single');
  const timeRange = timeRangeOf(fixture.timeRange.fromMs, fixture.timeRange.toMs);
  const t0 = performance.now();
  const data = toPanelData(plugin, fixture.frames, timeRange, theme);
  harness.overridesMs = performance.now() - t0;
  const defaults = await plugin.onPanelMigration!({ options: {} } as never);
  const extra = JSON.parse(params.get('options') ?? '{}');
  const state: PanelState = {
    plugin,
    data,
    options: { ...defaults, ...extra },
    timeRange,
    theme,
    width: Number(params.get('width') ?? 900),
    height: Number(params.get('height') ?? 400),
    stock: mode === 'stock' || params.get('stock') === '1',
  };
  const onRange = (fromMs: number, toMs: number) => void harness.setTimeRange!(fromMs, toMs);
  // Like a dashboard time-range change: the query runs again and returns the frames for the new range (prepared
  // before the clock starts, as Grafana's query runner does), then the panel re-renders.
  harness.setTimeRange = (fromMs, toMs) => {
    state.timeRange = timeRangeOf(fromMs, toMs);
    state.data = toPanelData(plugin, sliceFrames(fixture.frames, fromMs, toMs), state.timeRange, theme);
    harness.timeRange = { fromMs, toMs };
    return renderMeasured(root, state, onRange);
  };
  harness.setOptions = (options) => {
    state.options = { ...state.options, ...options };
    return renderMeasured(root, state, onRange);
  };
  harness.panZoom = (steps: number) => panZoom(harness.setTimeRange!, fixture.timeRange, steps);
  harness.timeRange = fixture.timeRange;
  harness.firstRenderMs = await renderMeasured(root, state, onRange);
  await afterPaint();
}

async function main() {
  harness.sharedModules = registerSharedModules();
  // Theme colours for the pixel checks, resolved by @grafana/data here rather than by the plugin under test.
  harness.colorByName = (name: string) => theme.visualization.getColorByName(name);
  harness.background = theme.colors.background.primary;
  installAmd();
  installServices(theme, JSON.parse(params.get('variables') ?? '[]'));
  document.body.style.background = theme.colors.background.primary;
  const root = createRoot(document.getElementById('root')!);
  if (mode === 'demo') {
    await mountDemoMode(root, params, harness);
  } else if (mode === 'refresh') {
    await mountRefreshMode(params, harness);
  } else if (mode === 'datasource' || mode === 'config') {
    await mountDataSourceMode(root, mode, params, harness);
  } else {
    await mountPanel(root);
  }
  harness.ready = true;
  document.body.dataset.ready = 'true';
}

main().catch((error: unknown) => {
  harness.error = error instanceof Error ? `${error.message}\n${error.stack}` : String(error);
  document.body.dataset.ready = 'error';
  console.error(error);
});
