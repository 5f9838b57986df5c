import { migrateQuery } from './migrate';
import { queryDisplayText } from './queryText';

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
