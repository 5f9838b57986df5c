import { DataSourceJsonData } from '@grafana/data';
import type { DataQuery } from '@grafana/schema';
import type { OrderSetting, SeasonalOrderSetting } from '../contract/fit';

/** Version of the stored query model; `migrateQuery` brings older queries up to it. */
export const QUERY_SCHEMA_VERSION = 1;

/** `queryType` of a query that returns one frame per series (the default). */
export const QUERY_TYPE_SERIES = 'series';
/** `queryType` of an annotation query: anomaly windows as region annotations. */
export const QUERY_TYPE_ANOMALIES = 'anomalies';

/** How much history a model is fitted on: a duration (`14d`) or a number of seasons. */
export type TrainingWindow = { type: 'duration'; duration: string } | { type: 'seasons'; seasons: number };

/**
 * A Tidemark query: a PromQL expression whose series are modelled one by one. Durations are Prometheus-style
 * strings (`30s`, `1h`, `14d`); `'auto'` lets the data source choose.
 */
export interface SarimaQuery extends DataQuery {
  schemaVersion?: number;
  expr: string;
  /** Season length as a duration (`1d`), or `'auto'` (detected from the data). */
  season: string;
  order: OrderSetting | 'auto';
  seasonalOrder: SeasonalOrderSetting | 'auto';
  trainingWindow: TrainingWindow;
  /** Query step (`1h`), or `'auto'`: one season becomes about 24 points. */
  resolution: string;
  /** Forecast past the last observation, as a duration (`0s` = none). */
  horizon: string;
  /** Band levels in percent, [weak, strong]. */
  levelsPct: [number, number];
  /** Consecutive out-of-band points before an anomaly is raised. */
  minConsecutive: number;
  /** Flag only the first point of a run. */
  onsetOnly: boolean;
  /** After an onset, no new onset for this long (duration). */
  holdOff: string;
  /** Refit the model after this much new data (duration); between refits only new points are filtered. */
  refitEvery: string;
  /** Model at most this many series; the rest are named in a notice. */
  seriesLimit: number;
}

/**
 * Defaults for a new query: typing only PromQL gives a useful result. They resolve to the pipeline's
 * `DEFAULT_MODEL_SETTINGS` (SARIMA(1,0,1)(0,1,1), 28-day window refitted daily, 1-day horizon at hourly steps, onset
 * alerts with a 2-day hold-off); `settings.test.ts` checks that they agree.
 */
export const DEFAULT_QUERY: Omit<SarimaQuery, 'refId'> = {
  schemaVersion: QUERY_SCHEMA_VERSION,
  queryType: QUERY_TYPE_SERIES,
  expr: '',
  season: 'auto',
  order: { p: 1, d: 0, q: 1 },
  seasonalOrder: { P: 0, D: 1, Q: 1 },
  trainingWindow: { type: 'duration', duration: '28d' },
  resolution: 'auto',
  horizon: '1d',
  levelsPct: [95, 99],
  minConsecutive: 1,
  onsetOnly: true,
  holdOff: '2d',
  refitEvery: '1d',
  seriesLimit: 20,
};

/** Where fits run. */
export type FitLocation = 'browser' | 'service';

/** Query fields an administrator may preset for new queries of this data source. */
export type QueryDefaults = Partial<
  Pick<SarimaQuery, 'trainingWindow' | 'horizon' | 'levelsPct' | 'seriesLimit' | 'refitEvery' | 'resolution'>
>;

/** Data source settings kept in `jsonData`. */
export interface SarimaDataSourceOptions extends DataSourceJsonData {
  /** UID of the Prometheus-type data source that runs the PromQL. */
  upstreamUid?: string;
  /** Browser worker pool (default) or the companion fit service. */
  fitLocation?: FitLocation;
  /** Base URL of the companion fit service; reached only through the `fitservice` plugin route. */
  serviceUrl?: string;
  /** Per-series fit timeout in seconds (browser workers). */
  fitTimeoutSec?: number;
  /** Defaults for new queries. */
  queryDefaults?: QueryDefaults;
}

/** Settings kept in `secureJsonData`: Grafana's data proxy adds them server-side, the browser never sees them. */
export interface SarimaSecureJsonData {
  /** Bearer token of the companion fit service. */
  serviceToken?: string;
}

/** Path of the plugin route (plugin.json `routes`) that forwards to `serviceUrl` with the bearer token. */
export const SERVICE_ROUTE_PATH = 'fitservice';

/** Default per-series fit timeout. */
export const DEFAULT_FIT_TIMEOUT_SEC = 60;
