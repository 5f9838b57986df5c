/**
 * Constants shared by the data source, the service, the CLI and the tests: time units, Prometheus's limits and
 * the HTTP paths of the companion service. Plain values, so every layer can use them.
 */

/** Milliseconds per unit: defined in the model (which may import nothing outside itself), shared from here. */
export { DAY_MS, HOUR_MS, MINUTE_MS } from '../model/timeUnits';

/** Prometheus answers at most 11,000 points per series in `query_range` (its `exceeded maximum resolution`). */
export const MAX_POINTS_PER_QUERY = 11_000;

/** Paths of the companion service's HTTP API. */
export const API_PATHS = {
  fit: '/api/v1/fit',
  buildInfo: '/api/v1/status/buildinfo',
  queryRange: '/api/v1/query_range',
  detectors: '/api/v1/tidemark/detectors',
} as const;
