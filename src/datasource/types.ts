import { DataSourceJsonData } from '@grafana/data';
import type { DataQuery } from '@grafana/schema';
import { DEFAULT_SETTINGS, SETTINGS, settingsAt, type SettingName, type SettingValues } from '../contract/settings';

/** Version of the stored query model; `migrateQuery` brings older queries up to it. */
export const QUERY_SCHEMA_VERSION = 1;

/** `queryType` of a query that returns one frame per series (the default). */
export const QUERY_TYPE_SERIES = 'series';
/** `queryType` of an annotation query: anomaly windows as region annotations. */
export const QUERY_TYPE_ANOMALIES = 'anomalies';

/** How much history a model is fitted on: a duration (`14d`) or a number of seasons. */
export type TrainingWindow = { type: 'duration'; duration: string } | { type: 'seasons'; seasons: number };

/** The settings a query can set (`src/contract/settings`, edge `query`), with their schema types. */
export const QUERY_SETTINGS = settingsAt('query');
type QuerySettingName = Exclude<
  { [K in SettingName]: 'query' extends (typeof SETTINGS)[K]['edges'][number] ? K : never }[SettingName],
  'trainingWindow'
>;

/**
 * A Tidemark query: a PromQL expression whose series are modelled one by one, plus every setting of the settings
 * schema that the query edge has (durations as Prometheus-style text, `'auto'` where the data source may choose).
 * The training window is the one query-specific form: a duration or a number of seasons.
 */
export interface SarimaQuery extends DataQuery, Pick<SettingValues, QuerySettingName> {
  schemaVersion?: number;
  expr: string;
  trainingWindow: TrainingWindow;
  /** Series names as Prometheus' legend: `{{pod}}` becomes the label's value; empty or `__auto`: the label set. */
  legendFormat?: string;
  /** Mode the upstream Prometheus query editor was left in (`code` or `builder`), so it reopens the same way. */
  editorMode?: string;
}

/**
 * Defaults for a new query: typing only PromQL gives a useful result. They are the schema's defaults, the same as
 * the service's and the CLI's (`src/contract/settings/schema.ts`).
 */
export const DEFAULT_QUERY: Omit<SarimaQuery, 'refId'> = {
  ...(Object.fromEntries(QUERY_SETTINGS.map((name) => [name, DEFAULT_SETTINGS[name]])) as Pick<
    SettingValues,
    QuerySettingName
  >),
  schemaVersion: QUERY_SCHEMA_VERSION,
  queryType: QUERY_TYPE_SERIES,
  expr: '',
  trainingWindow: { type: 'duration', duration: DEFAULT_SETTINGS.trainingWindow },
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
