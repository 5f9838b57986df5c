/**
 * The resolved service configuration: what `loadConfig` returns after validating the detectors file. Secrets
 * (tokens, passwords) are resolved here and live only in these objects; nothing logs them.
 */
import type { FitSettings } from '../../src/contract/settings';

export interface UpstreamConfig {
  /** Base URL of the upstream Prometheus; comes only from the config file (no endpoint accepts a URL). */
  url: string;
  timeoutMs: number;
  /** `Authorization` header value (bearer or basic), or undefined. Never logged. */
  authorization?: string;
}

export interface ServerConfig {
  /** Bearer token required on every endpoint except `/metrics`; undefined = open. */
  authToken?: string;
  /** Bearer token required on `/metrics`; undefined = open. */
  metricsToken?: string;
  /** Allowed CORS origins; empty = CORS off. */
  corsOrigins: string[];
}

export interface LimitsConfig {
  /** Worker threads fitting models. */
  threads: number;
  /** `POST /api/v1/fit` requests waiting for admission before the next one is answered 429. */
  maxQueue: number;
  /** Cost budget (point·models, `admission.ts`) of API fits in flight; a request costing more is answered 413. */
  maxFitCost: number;
  /** A fit running longer is aborted (its worker is terminated) and reported as a TimeoutError. */
  fitTimeoutMs: number;
  maxBodyBytes: number;
  maxPointsPerSeries: number;
  maxSeriesPerRequest: number;
  maxSeriesPerDetector: number;
}

/** One detector of the file: its query, step and training window, and the settings every fit of it uses. */
export interface DetectorDefinition {
  name: string;
  query: string;
  stepMs: number;
  trainingWindowMs: number;
  settings: FitSettings;
}

export interface ServiceConfig {
  upstream?: UpstreamConfig;
  server: ServerConfig;
  limits: LimitsConfig;
  detectors: DetectorDefinition[];
}
