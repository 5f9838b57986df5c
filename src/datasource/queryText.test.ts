import { migrateQuery } from './migrate';
import { queryDisplayText } from './queryText';
import { fakeDataSource } from './testing/fakes';
import { QUERY_SCHEMA_VERSION, type SarimaQuery } from './types';

describe('queryDisplayText', () => {
  it('should describe the expression and the model in one line', () => {
    expect(queryDisplayText(migrateQuery({ refId: 'A', expr: ' rate(x[5m]) ' }))).toBe(
      'rate(x[5m]) · SARIMA(1,0,1)(0,1,1) season auto · trained on 28d · horizon 1d · bands 95/99%'
    );
  });

  it('should name automatic orders, a window in seasons, the legend and a missing expression', () => {
    const query = migrateQuery({
      refId: 'A',
      expr: '',
      order: 'auto',
      seasonalOrder: 'auto',
      season: '1d',
      trainingWindow: { type: 'seasons', seasons: 4 },
      legendFormat: '{{pod}}',
    });
    expect(queryDisplayText(query)).toBe(
      '(no PromQL) · SARIMA auto season 1d · trained on 4 seasons · horizon 1d · bands 95/99% · legend {{pod}}'
    );
    expect(queryDisplayText({ ...query, seasonalOrder: { P: 1, D: 1, Q: 0 } })).toContain('SARIMA(auto)(1,1,0)');
  });
});

describe('SarimaDataSource in Explore', () => {
  const { ds } = fakeDataSource({ upstream: null, jsonData: { queryDefaults: { horizon: '6h' } } });

  it('should show a stored v0 query in the history with the model it runs', () => {
    expect(ds.getQueryDisplayText({ refId: 'A', expr: 'up' } as SarimaQuery)).toBe(
      'up · SARIMA(1,0,1)(0,1,1) season auto · trained on 28d · horizon 1d · bands 95/99%'
    );
  });

  it('should start a new Explore query complete and current, with the data source defaults', () => {
    const query = { refId: 'A', ...ds.getDefaultQuery() } as SarimaQuery;
    expect(migrateQuery(query)).toEqual(query);
    expect(query).toMatchObject({ expr: '', horizon: '6h', schemaVersion: QUERY_SCHEMA_VERSION });
  });
});
