/**
 * Data source types the Tidemark data source can wrap: Grafana's Prometheus data source and the ones that speak the
 * same query API and language (Amazon Managed Service for Prometheus, Azure Monitor managed service for Prometheus,
 * VictoriaMetrics). Mimir, Thanos and Cortex are added as type `prometheus` and need no entry of their own.
 */
export const PROMETHEUS_COMPATIBLE_TYPES = [
  'prometheus',
  'grafana-amazonprometheus-datasource',
  'grafana-azureprometheus-datasource',
  'victoriametrics-metrics-datasource',
];
