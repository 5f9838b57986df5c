import { type DataQueryRequest } from '@grafana/data';
import { lastValueFrom } from 'rxjs';
import { fakeDataSource, fakeUpstream, queryRequest } from './testing/fakes';

function setup(tags: Record<string, unknown> = {}) {
  const upstream = fakeUpstream();
  Object.assign(upstream.api, tags);
  return fakeDataSource({ upstream });
}

describe('SarimaDataSource ad-hoc filters', () => {
  it('should offer the upstream’s label keys and values in either of its answer shapes', async () => {
    const calls: unknown[] = [];
    const { ds } = setup({
      getTagKeys: async (options: unknown) => (calls.push(options), [{ text: 'job' }]),
      getTagValues: async (options: unknown) => (calls.push(options), { data: [{ text: 'api' }] }),
    });
    const filters = [{ key: 'env', operator: '=', value: 'prod' }];
    expect(await ds.getTagKeys({ filters })).toEqual({ data: [{ text: 'job' }] });
    expect(await ds.getTagValues({ key: 'job', filters })).toEqual({ data: [{ text: 'api' }] });
    expect(calls).toEqual([{ filters }, { key: 'job', filters }]);
  });

  it('should offer no keys when the upstream has no ad-hoc support', async () => {
    expect(await setup().ds.getTagKeys({ filters: [] })).toEqual({ data: [] });
  });

  it('should pass the dashboard’s filters to the upstream query, which applies them to the PromQL', async () => {
    const { ds, upstream } = setup();
    const filters = [{ key: 'job', operator: '=~', value: 'api|db' }];
    const request: DataQueryRequest = {
      ...queryRequest([{ expr: 'up', resolution: '1h', trainingWindow: { type: 'duration', duration: '6h' } }]),
      filters,
    };
    await lastValueFrom(ds.query(request as never));
    expect(upstream.requests[0].filters).toEqual(filters);
  });
});
