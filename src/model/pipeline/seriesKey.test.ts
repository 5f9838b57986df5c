import { seriesKey } from './seriesKey';

describe('seriesKey', () => {
  it('should write sorted name="value" pairs, the form the service persists', () => {
    expect(seriesKey({ job: 'api', __name__: 'up', instance: 'x:9090' })).toBe(
      '{__name__="up",instance="x:9090",job="api"}'
    );
    expect(seriesKey({})).toBe('{}');
  });

  it('should escape quotes, backslashes and newlines in values so that distinct sets stay distinct', () => {
    expect(seriesKey({ a: 'x",b="y' })).toBe('{a="x\\",b=\\"y"}');
    expect(seriesKey({ a: 'x",b="y' })).not.toBe(seriesKey({ a: 'x', b: 'y' }));
    expect(seriesKey({ a: 'l1\nl2\\' })).toBe('{a="l1\\nl2\\\\"}');
  });
});
