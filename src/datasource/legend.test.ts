import { type DataFrame } from '@grafana/data';
import { lastValueFrom } from 'rxjs';
import { seriesName } from './legend';
import { fakeDataSource, queryRequest } from './testing/fakes';

describe('seriesName', () => {
  const labels = { __name__: 'up', job: 'api', pod: 'p-1' };

  it.each([
    [undefined, 'up{job="api", pod="p-1"}'],
    ['', 'up{job="api", pod="p-1"}'],
    ['__auto', 'up{job="api", pod="p-1"}'],
    ['{{job}}', 'api'],
    ['{{ job }}/{{pod}} ({{__name__}})', 'api/p-1 (up)'],
  ])('should name the series for legend %p as %p', (legend, name) => {
    expect(seriesName(labels, 'key', legend)).toBe(name);
  });
});

describe('SarimaDataSource legend format', () => {
  it('should name every frame and its drawn fields by the legend, failed series included', async () => {
    const { ds } = fakeDataSource();
    const target = {
      expr: 'up',
      resolution: '1h',
      trainingWindow: { type: 'duration' as const, duration: '6h' },
      horizon: '2h',
      legendFormat: '{{job}} $suffix',
    };
    const response = await lastValueFrom(
      ds.query(queryRequest([target], { suffix: { text: 'service', value: 'service' } }))
    );
    const frames = response.data as DataFrame[];
    expect(frames.map((f) => f.name)).toEqual(['api service', 'db service', 'new service']);
    const names = frames[0].fields.map((f) => f.config.displayName).filter(Boolean);
    expect(names).toContain('api service');
    expect(names).toContain('api service forecast');
    expect(frames[2].meta?.notices?.[0].text).toMatch(/^new service: InsufficientDataError/);
  });
});
