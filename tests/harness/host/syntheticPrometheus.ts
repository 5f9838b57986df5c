/**
 * A Prometheus-type data source answering any range query with `count` generated hourly series (daily cycle, a
 * level per series, seeded noise), shaped like Grafana's Prometheus frames. For the streaming checks: many series
 * without a Prometheus server.
 */
import { of, type Observable } from 'rxjs';
import {
  type DataFrame,
  type DataQueryRequest,
  type DataQueryResponse,
  DataSourceApi,
  type DataSourceInstanceSettings,
  FieldType,
  LoadingState,
} from '@grafana/data';
import type { DataQuery } from '@grafana/schema';
import { DAY_MS } from '../../../src/contract/constants';

/** Park–Miller generator: the same noise on every run. */
function seeded(seed: number): () => number {
  let state = seed % 2_147_483_647 || 1;
  return () => ((state = (state * 48_271) % 2_147_483_647) / 2_147_483_647) * 2 - 1;
}

function seriesFrame(index: number, timesMs: number[], stepMs: number, refId: string): DataFrame {
  const noise = seeded(index + 1);
  const values = timesMs.map((t) => 100 + 10 * index + 20 * Math.sin((2 * Math.PI * (t % DAY_MS)) / DAY_MS) + noise());
  const labels = { __name__: 'synthetic_load', series: `s${String(index).padStart(2, '0')}` };
  return {
    name: `synthetic_load{series="${labels.series}"}`,
    refId,
    length: timesMs.length,
    fields: [
      { name: 'Time', type: FieldType.time, config: { interval: stepMs }, values: timesMs },
      { name: 'Value', type: FieldType.number, labels, config: {}, values },
    ],
  };
}

export class SyntheticPrometheus extends DataSourceApi<DataQuery> {
  constructor(
    settings: DataSourceInstanceSettings,
    private readonly count: number
  ) {
    super(settings);
  }

  query(request: DataQueryRequest<DataQuery>): Observable<DataQueryResponse> {
    const stepMs = Math.max(request.intervalMs, 60_000);
    const fromMs = Math.ceil(request.range.from.valueOf() / stepMs) * stepMs;
    const timesMs: number[] = [];
    for (let t = fromMs; t <= request.range.to.valueOf(); t += stepMs) {
      timesMs.push(t);
    }
    const refId = request.targets[0]?.refId ?? 'A';
    const data = Array.from({ length: this.count }, (_, i) => seriesFrame(i, timesMs, stepMs, refId));
    return of({ data, state: LoadingState.Done });
  }

  async testDatasource() {
    return { status: 'success', message: 'synthetic' };
  }
}
