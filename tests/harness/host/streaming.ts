/**
 * Streaming checks in `datasource` mode: `harness.startStream(target, fromMs, toMs)` subscribes to the Tidemark
 * data source's query and records every response in `harness.stream` ({emissions: [{state, series, pending}],
 * done}); `harness.cancelStream()` unsubscribes, as a dashboard does when the query is cancelled or replaced.
 * `harness.workerCounts` counts fit workers created and terminated. Above the editor, the Tidemark bands panel
 * draws every response and a progress line shows the series filling in. The panel data keep `structureRev` 1 on
 * every response (`toPanelData`), the worst case of a host: the panel must still draw the series added since.
 */
import type { DataFrame, DataQueryResponse, DataSourceApi, PanelPlugin, TimeRange } from '@grafana/data';
import { config } from '@grafana/runtime';
import { createRoot, type Root } from 'react-dom/client';
import { from, type Subscription } from 'rxjs';
import { loadAmdModule } from './amd';
import { timeRangeOf, toPanelData } from './frames';
import { type PanelState, renderMeasured } from './panelMode';

type Harness = Record<string, unknown>;

interface Emission {
  state?: string;
  /** Series frames so far (notice-only frames excluded). */
  series: number;
  /** The progress notice, if any. */
  pending?: string;
}

function countWorkers(harness: Harness) {
  const counts = { created: 0, terminated: 0 };
  harness.workerCounts = counts;
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      counts.created++;
    }

    terminate() {
      counts.terminated++;
      super.terminate();
    }
  };
}

function summarize(response: DataQueryResponse): Emission {
  const frames = response.data as DataFrame[];
  const notice = frames.flatMap((f) => f.meta?.notices ?? []).find((n) => n.text.includes('fitted'));
  return { state: response.state, series: frames.filter((f) => f.fields.length > 0).length, pending: notice?.text };
}

/** A container above the editor: the progress line and the Tidemark panel drawing the frames so far. */
function streamContainer(): { line: HTMLElement; root: Root } {
  const container = document.createElement('div');
  container.dataset.testid = 'harness-stream';
  const line = document.createElement('div');
  line.style.cssText = 'padding:8px 16px;font:13px monospace;color:#ccc;white-space:pre';
  const panel = document.createElement('div');
  container.append(line, panel);
  document.body.prepend(container);
  return { line, root: createRoot(panel) };
}

/** One square per series, filled as its frame arrives. */
function progressLine(emission: Emission, count: number, total: number): string {
  const cells = Array.from({ length: total }, (_, k) => (k < emission.series ? '■' : '□')).join('');
  return `response ${count} ${emission.state?.padEnd(9)} ${cells} ${emission.series}/${total}`;
}

/** Draws each response in the Tidemark panel, as a dashboard panel redraws on every response. */
async function panelDrawer(range: TimeRange) {
  const { plugin } = (await loadAmdModule('/dist/panel/module.js')) as { plugin: PanelPlugin };
  const options = await plugin.onPanelMigration!({ options: {} } as never);
  const { line, root } = streamContainer();
  return (response: DataQueryResponse, emission: Emission, count: number, total: number) => {
    line.textContent = progressLine(emission, count, total);
    const data = toPanelData(plugin, response.data, range, config.theme2);
    const state: PanelState = {
      plugin,
      data: { ...data, state: response.state ?? data.state },
      options,
      timeRange: range,
      theme: config.theme2,
      width: 900,
      height: 360,
      stock: false,
    };
    void renderMeasured(root, state, () => undefined);
  };
}

export function installStreamingApi(harness: Harness, datasource: DataSourceApi) {
  countWorkers(harness);
  let subscription: Subscription | undefined;
  harness.startStream = async (target: Record<string, unknown>, fromMs: number, toMs: number, total: number) => {
    const stream = { emissions: [] as Emission[], done: false, error: undefined as string | undefined };
    harness.stream = stream;
    const range = timeRangeOf(fromMs, toMs);
    const draw = await panelDrawer(range);
    subscription = from(
      datasource.query({
        requestId: 'stream',
        interval: '1h',
        intervalMs: 3_600_000,
        range,
        scopedVars: {},
        targets: [target as never],
        timezone: 'utc',
        app: 'dashboard',
        startTime: 0,
      })
    ).subscribe({
      next: (response) => {
        const emission = summarize(response);
        stream.emissions.push(emission);
        draw(response, emission, stream.emissions.length, total);
      },
      complete: () => (stream.done = true),
      error: (error: unknown) => (stream.error = String(error)),
    });
  };
  harness.cancelStream = () => subscription?.unsubscribe();
}
