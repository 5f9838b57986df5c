import { type DataFrame, dateTime, type DataQueryRequest, type ScopedVars } from '@grafana/data';
import fixture from '../../tests/fixtures/datasource/prometheus-frames.json';
import { fakeTemplateSrv } from './testing/fakes';
import { buildUpstreamRequest, framesToSeries, interpolateExpr, upstreamErrorMessage } from './upstream';

const frames = fixture.frames as unknown as DataFrame[];

describe('framesToSeries', () => {
  it('should make one input per series with labels, times, values and the reported step', () => {
    const series = framesToSeries(frames, 60_000);
    expect(series.map((s) => s.key)).toEqual(['up{job="api"}', 'up{job="db"}', 'up{job="new"}']);
    expect(series[0].labels).toEqual({ __name__: 'up', job: 'api' });
    expect(series[0].stepMs).toBe(3_600_000);
    expect(series[0].values).toHaveLength(12);
  });

  it('should disambiguate equal label sets, read nulls and fall back to the requested step', () => {
    const frame = {
      name: 'x',
      length: 2,
      fields: [
        { name: 'Time', type: 'time', config: {}, values: [0, 1] },
        { name: 'Value', type: 'number', config: { displayNameFromDS: 'legend' }, values: [1, null] },
        { name: 'Value', type: 'number', config: { displayNameFromDS: 'legend' }, values: [2, 3] },
      ],
    } as unknown as DataFrame;
    const series = framesToSeries([frame, { ...frame, fields: frame.fields.slice(1) }], 60_000);
    expect(series.map((s) => [s.key, s.stepMs])).toEqual([
      ['legend', 60_000],
      ['legend#2', 60_000],
    ]);
    expect(series[0].values).toEqual([1, null]);
  });
});

describe('interpolateExpr', () => {
  it('should replace dashboard variables but leave step- and range-dependent built-ins for Prometheus', () => {
    const vars: ScopedVars = {
      job: { text: 'api', value: 'api' },
      __interval: { text: '15s', value: '15s' },
      __rate_interval: { text: '1m', value: '1m' },
      __range: { text: '1h', value: '1h' },
    };
    const expr = 'rate(x{job="$job"}[$__rate_interval]) + rate(x[$__interval]) + increase(x[$__range])';
    expect(interpolateExpr(fakeTemplateSrv, expr, vars)).toBe(
      'rate(x{job="api"}[$__rate_interval]) + rate(x[$__interval]) + increase(x[$__range])'
    );
  });
});

describe('buildUpstreamRequest', () => {
  it('should start a training window earlier and step at the resolution', () => {
    const range = { stepMs: 3_600_000, fromMs: 0, toMs: 86_400_000 };
    const request = {
      requestId: 'r1',
      scopedVars: { __interval: { text: '15s', value: '15s' } },
      range: { from: dateTime(43_200_000), to: dateTime(86_400_000) },
    } as unknown as DataQueryRequest;
    const upstream = buildUpstreamRequest(request, 'A', 'up', range);
    expect(upstream.targets).toEqual([
      {
        refId: 'A',
        expr: 'up',
        range: true,
        instant: false,
        interval: '3600s',
        intervalFactor: 1,
        format: 'time_series',
      },
    ]);
    expect(upstream.range.from.valueOf()).toBe(0);
    expect(upstream).toMatchObject({
      intervalMs: 3_600_000,
      interval: '1h',
      maxDataPoints: 25,
      requestId: 'r1-tidemark-A',
    });
    expect(upstream.scopedVars.__interval?.value).toBe('3600s');
  });

  it('should ask for bucket means of the finer step on a history range, around any expression', () => {
    const range = { stepMs: 3_600_000, fromMs: 0, toMs: 86_400_000, meanOfStepMs: 60_000 };
    const request = { requestId: 'r1', scopedVars: {} } as unknown as DataQueryRequest;
    const exprOf = (expr: string) => buildUpstreamRequest(request, 'A', expr, range).targets[0].expr;
    // 1 ms short of the hour: the 60 one-minute instants after t − 1 h, whether the range's start is included
    // (Prometheus 2.x) or not (3.x).
    expect(exprOf('up')).toBe('avg_over_time((up)[3599999ms:60000ms])');
    // Range functions and binary operators stay inside the parentheses; Grafana's step built-ins describe the inner
    // 1-minute step (rate interval max(60 s + 15 s scrape, 4 × 15 s) = 75 s), as in the recent part's query at 1 minute.
    expect(exprOf('sum by (job) (rate(x[$__rate_interval])) / 2')).toBe(
      'avg_over_time((sum by (job) (rate(x[75s])) / 2)[3599999ms:60000ms])'
    );
    expect(exprOf('increase(x[${__interval}]) * 1000 / $__interval_ms + [[__rate_interval_ms]] + $__intervals')).toBe(
      'avg_over_time((increase(x[60s]) * 1000 / 60000 + 75000 + $__intervals)[3599999ms:60000ms])'
    );
    expect(buildUpstreamRequest(request, 'A', 'up', { ...range, meanOfStepMs: undefined }).targets[0].expr).toBe('up');
  });
});

describe('upstreamErrorMessage', () => {
  it.each([
    [{ data: [] }, undefined],
    [{ data: [], error: { message: 'bad_data: parse error' } }, 'bad_data: parse error'],
    [{ data: [], errors: [{ message: 'a' }, { data: { message: 'b' } }] }, 'a; b'],
  ])('should read %p', (response, message) => {
    expect(upstreamErrorMessage(response)).toBe(message);
  });
});
