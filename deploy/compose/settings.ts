/**
 * Settings of the compose stack's demo metric source, shared by the backfill init step (`backfill.ts`) and the
 * live exporter (`exporter.ts`), read from the environment that docker-compose.yaml sets. Both sides must agree
 * on seed, step and anchor, or the live values would not continue the backfilled history.
 */

/** Everything the two demo processes read from the environment; units are in the names. */
export interface DemoStackSettings {
  /** Noise seed of `generateDemoSeries` / `demoValuesAt`. */
  seed: number;
  /** Days of history written by the backfill. */
  historyDays: number;
  /** Sample interval of the backfilled history, ms. */
  stepMs: number;
  /** File holding the anchor (Unix ms, end of the backfilled history); the backfill writes it, the exporter reads it. */
  anchorFile: string;
  /** Prometheus TSDB directory the backfill writes blocks into. */
  dataDir: string;
  /**
   * Largest block promtool may write, hours. promtool rounds it down to a TSDB block range (2 h · 3^k: 2, 6, 18,
   * 54, 162 h); 54 h blocks turn 28 days into 13 blocks instead of 336 two-hour ones.
   */
  maxBlockHours: number;
  /** TCP port of the exporter's /metrics. */
  port: number;
  /**
   * `job` and `instance` that Prometheus attaches when it scrapes the exporter. The backfilled series carry the same
   * two labels, so history and live scrapes form one series instead of two overlapping ones.
   */
  scrapeLabels: { job: string; instance: string };
}

/** Defaults, the values docker-compose.yaml sets as well. */
export const DEFAULT_SETTINGS: DemoStackSettings = {
  seed: 7,
  historyDays: 28,
  stepMs: 300_000,
  anchorFile: '/var/lib/tidemark-demo/anchor-ms',
  dataDir: '/prometheus',
  maxBlockHours: 54,
  port: 9100,
  scrapeLabels: { job: 'demo', instance: 'demo:9100' },
};

/** A setting is missing its expected form; the message names the variable and the value. */
export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

function positiveInt(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') {
    return fallback;
  }
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) {
    throw new SettingsError(`${name} must be a positive integer, got ${JSON.stringify(text)}`);
  }
  return value;
}

function text(env: Record<string, string | undefined>, name: string, fallback: string): string {
  const value = env[name];
  return value === undefined || value === '' ? fallback : value;
}

/**
 * Reads the settings: `DEMO_SEED`, `DEMO_HISTORY_DAYS`, `DEMO_STEP_SECONDS`, `DEMO_ANCHOR_FILE`,
 * `PROMETHEUS_DATA_DIR`, `DEMO_MAX_BLOCK_HOURS`, `DEMO_PORT`, `DEMO_SCRAPE_JOB`, `DEMO_SCRAPE_INSTANCE`; unset ones
 * take `DEFAULT_SETTINGS`. Throws `SettingsError` on a malformed number.
 */
export function readSettings(env: Record<string, string | undefined>): DemoStackSettings {
  const d = DEFAULT_SETTINGS;
  return {
    seed: positiveInt(env, 'DEMO_SEED', d.seed),
    historyDays: positiveInt(env, 'DEMO_HISTORY_DAYS', d.historyDays),
    stepMs: positiveInt(env, 'DEMO_STEP_SECONDS', d.stepMs / 1000) * 1000,
    anchorFile: text(env, 'DEMO_ANCHOR_FILE', d.anchorFile),
    dataDir: text(env, 'PROMETHEUS_DATA_DIR', d.dataDir),
    maxBlockHours: positiveInt(env, 'DEMO_MAX_BLOCK_HOURS', d.maxBlockHours),
    port: positiveInt(env, 'DEMO_PORT', d.port),
    scrapeLabels: {
      job: text(env, 'DEMO_SCRAPE_JOB', d.scrapeLabels.job),
      instance: text(env, 'DEMO_SCRAPE_INSTANCE', d.scrapeLabels.instance),
    },
  };
}
