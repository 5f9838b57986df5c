/**
 * Streaming checks in `datasource` mode: `harness.startStream(target, fromMs, toMs)` subscribes to the Tidemark
 * data source's query and records every response in `harness.stream` ({emissions: [{state, series, pending}],
 * done}); `harness.cancelStream()` unsubscribes, as a dashboard does when the query is cancelled or replaced.
 * `harness.workerCounts` counts fit workers created and terminated. A strip on the page shows the series filling.
 */
import type { DataFrame, DataQueryResponse, DataSourceApi } from '@grafana/data';
import { from, type Subscription } from 'rxjs';
import { timeRangeOf } from './frames';

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

/** One square per series, filled as its frame arrives: the screenshot of a panel filling in. */
function drawStrip(emissions: Emission[], total: number) {
  let strip = document.getElementById('harness-stream');
  if (!strip) {
    strip = document.createElement('div');
    strip.id = 'harness-stream';
    strip.dataset.testid = 'harness-stream';
    strip.style.cssText = 'padding:16px;font:13px monospace;color:#ccc;white-space:pre';
    document.body.appendChild(strip);
  }
  const rows = emissions.map((e, i) => {
    const cells = Array.from({ length: total }, (_, k) =>
      k < e.series ? '<span style="color:#73bf69">■</span>' : '<span style="color:#555">□</span>'
    ).join('');
    return `<div>${String(i + 1).padStart(2)} ${e.state?.padEnd(9)} ${cells} ${e.series}/${total}</div>`;
  });
  strip.innerHTML = rows.join('');
}

export function installStreamingApi(harness: Harness, datasource: DataSourceApi) {
  countWorkers(harness);
  let subscription: Subscription | undefined;
  harness.startStream = (target: Record<string, unknown>, fromMs: number, toMs: number, total: number) => {
    const stream = { emissions: [] as Emission[], done: false, error: undefined as string | undefined };
    harness.stream = stream;
    subscription = from(
      datasource.query({
        requestId: 'stream',
        interval: '1h',
        intervalMs: 3_600_000,
        range: timeRangeOf(fromMs, toMs),
        scopedVars: {},
        targets: [target as never],
        timezone: 'utc',
        app: 'dashboard',
        startTime: 0,
      })
    ).subscribe({
      next: (response) => {
        stream.emissions.push(summarize(response));
        drawStrip(stream.emissions, total);
      },
      complete: () => (stream.done = true),
      error: (error: unknown) => (stream.error = String(error)),
    });
  };
  harness.cancelStream = () => subscription?.unsubscribe();
}
