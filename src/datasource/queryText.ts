/** One-line descriptions of a query, for Explore's query history and the query inspector. */
import type { OrderSetting, SeasonalOrderSetting } from '../contract/fit';
import type { SarimaQuery, TrainingWindow } from './types';

function orderText(order: OrderSetting | 'auto', seasonal: SeasonalOrderSetting | 'auto'): string {
  if (order === 'auto' && seasonal === 'auto') {
    return 'SARIMA auto';
  }
  const nonSeasonal = order === 'auto' ? 'auto' : `${order.p},${order.d},${order.q}`;
  const seasonalPart = seasonal === 'auto' ? 'auto' : `${seasonal.P},${seasonal.D},${seasonal.Q}`;
  return `SARIMA(${nonSeasonal})(${seasonalPart})`;
}

function windowText(window: TrainingWindow): string {
  return window.type === 'duration' ? window.duration : `${window.seasons} seasons`;
}

/** `rate(x[5m]) · SARIMA(1,0,1)(0,1,1) season auto · trained on 28d · horizon 1d · bands 95/99%`. */
export function queryDisplayText(query: SarimaQuery): string {
  const parts = [
    query.expr.trim() || '(no PromQL)',
    `${orderText(query.order, query.seasonalOrder)} season ${query.season}`,
    `trained on ${windowText(query.trainingWindow)}`,
    `horizon ${query.horizon}`,
    `bands ${query.levelsPct[0]}/${query.levelsPct[1]}%`,
  ];
  if (query.legendFormat?.trim()) {
    parts.push(`legend ${query.legendFormat.trim()}`);
  }
  return parts.join(' · ');
}
