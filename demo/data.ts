/**
 * Demo data: seeded synthetic request-rate series with a daily season and three planted events (a spike, a level
 * shift, a slow drift), as history for a Prometheus backfill and as live values for the demo exporter, plus the
 * OpenMetrics text `promtool tsdb create-blocks-from openmetrics` reads.
 *
 * Every value is a pure function of (time, seed, anchor): the history and the live exporter agree at every
 * timestamp. The planted events sit at fixed offsets before the anchor (the end of the backfill), so they are in
 * view whenever the demo starts; recurring live spikes (`DEMO_LIVE_SPIKES`) follow after it, so a running stack
 * sees anomalies happen and its alert rule can fire.
 *
 * Used by `npm run demo` (demo/stack.ts) and by the docker-compose stack's data generator. A live scrape adds
 * `job` and `instance` labels; drop them (`metric_relabel_configs: [{ action: labeldrop, regex: job|instance }]`,
 * as demo/prometheus.ts does) so the live samples continue the backfilled series rather than starting new ones.
 */
import { DAY_MS, HOUR_MS } from '../src/contract/constants';

/** One series: a metric name, its labels and samples (times in Unix milliseconds, in increasing order). */
export interface DemoSeries {
  name: string;
  labels: Record<string, string>;
  timesMs: number[];
  values: number[];
}

/** What `generateDemoSeries` produces. */
export interface DemoSeriesOptions {
  /** Last sample time (Unix ms; rounded down to a multiple of `stepMs`). The events are placed relative to it. */
  endMs: number;
  /** History length in days (a few weeks: promtool writes one block per 2 h of data). */
  days: number;
  /** Sample interval in ms (5 min = 300000 or 1 min = 60000). */
  stepMs: number;
  /** Noise seed; the same seed gives the same values. */
  seed: number;
}

/** The synthetic metric: requests per second of two services. */
export const DEMO_METRIC = 'tidemark_demo_requests_per_second';

/** Planted events, as offsets before the anchor, for tests and the demo page to point at. */
export const DEMO_EVENTS = {
  /** 90-minute spike of +90 req/s, 2.5 days before the anchor (long enough to cover one hourly query step). */
  spike: { startBeforeEndMs: 60 * HOUR_MS, durationMs: 90 * 60_000, heightPerSecond: 90 },
  /** Level shift of +35 req/s from 30 hours before the anchor on (it stays in the live data). */
  levelShift: { startBeforeEndMs: 30 * HOUR_MS, heightPerSecond: 35 },
  /** Linear drift of +2.5 req/s per day from 10 days before the anchor on (it continues in the live data). */
  drift: { startBeforeEndMs: 10 * DAY_MS, perDay: 2.5 },
} as const;

/**
 * Recurring live spikes on `checkout` after the anchor: spike k (k = 0, 1, …) is centred on the whole UTC hour
 * `first + k·everyMs`, where `first` is the first whole hour at least `firstAfterEndMs` after the anchor, and adds
 * `heightPerSecond` from `halfWidthMs` before that hour until `halfWidthMs` after it (end exclusive). The history
 * (times ≤ anchor) never contains one.
 *
 * Why these numbers (the companion service's detectors: hourly steps on whole hours, daily season of 24 steps):
 * - centred on a whole hour, 40 minutes long: exactly one hourly query instant sees the spike, with 20 minutes'
 *   margin for scrape timing (the latest sample at or before the hour lies inside it);
 * - the first at least 30 h after the anchor: the detector does not flag an anomaly one season (24 ± 3 h) after
 *   points it absorbed as anomalous, taking it for their echo (`isEcho` in src/model/detect/backtest.ts), and the
 *   level shift 30 h before the anchor stays flagged for many hours (14 to 26 h in the replays below, by time of
 *   day). Replaying the service's detector with a lone spike as the latest point (10 anchors and seeds), spikes up to 29 h after the
 *   anchor were missed for some anchors, none from 30 to 33 h;
 * - every 10 h: no multiple of 10 h lies within 24 ± 3 h, so no spike sits in another's echo window; the spikes
 *   wander through the day (the same hour recurs every 5 days, never weekly), so the daily season does not learn
 *   them; and one hourly point in ten keeps the bands narrow: in the same replay over the first 15 days (13 anchors
 *   and seeds) 441 of 454 spikes reached the strong band.
 */
export const DEMO_LIVE_SPIKES = {
  firstAfterEndMs: 30 * HOUR_MS,
  everyMs: 10 * HOUR_MS,
  halfWidthMs: 20 * 60_000,
  heightPerSecond: 90,
} as const;

/** Centre (a whole UTC hour, Unix ms) of the first live spike after `anchorMs`. */
function firstLiveSpikeMs(anchorMs: number): number {
  return Math.ceil((anchorMs + DEMO_LIVE_SPIKES.firstAfterEndMs) / HOUR_MS) * HOUR_MS;
}

/** Centre (a whole UTC hour, Unix ms) of the first live spike at or after `atMs` for the anchor `anchorMs`. */
export function nextLiveSpikeMs(anchorMs: number, atMs: number): number {
  const first = firstLiveSpikeMs(anchorMs);
  const { everyMs } = DEMO_LIVE_SPIKES;
  return first + Math.max(0, Math.ceil((atMs - first) / everyMs)) * everyMs;
}

/**
 * Centres (whole UTC hours, Unix ms, increasing) of the live spikes of `DEMO_LIVE_SPIKES` for the anchor
 * `anchorMs` that lie in [`fromMs`, `toMs`]: the hourly instants at which a detector sees them.
 */
export function liveSpikeCentresMs(anchorMs: number, fromMs: number, toMs: number): number[] {
  const centres: number[] = [];
  for (let t = nextLiveSpikeMs(anchorMs, fromMs); t <= toMs; t += DEMO_LIVE_SPIKES.everyMs) {
    centres.push(t);
  }
  return centres;
}

/** The live spikes' contribution at `timeMs` (0 outside them, and everywhere up to the anchor). */
function liveSpikeAt(timeMs: number, anchorMs: number): number {
  const { everyMs, halfWidthMs, heightPerSecond } = DEMO_LIVE_SPIKES;
  const first = firstLiveSpikeMs(anchorMs);
  const nearest = first + Math.max(0, Math.round((timeMs - first) / everyMs)) * everyMs;
  return timeMs >= nearest - halfWidthMs && timeMs < nearest + halfWidthMs ? heightPerSecond : 0;
}

interface ServiceShape {
  service: string;
  baseline: number;
  dailyAmplitude: number;
  noiseSd: number;
  /** Only this service carries the planted events; the other is a clean control. */
  events: boolean;
}

const SERVICES: ServiceShape[] = [
  { service: 'checkout', baseline: 120, dailyAmplitude: 50, noiseSd: 4, events: true },
  { service: 'catalog', baseline: 300, dailyAmplitude: 110, noiseSd: 8, events: false },
];

/** A uniform number in (0, 1) from a 32-bit integer hash of (seed, key): no sequential state to replay. */
function hashUniform(seed: number, key: number, salt: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const part of [key & 0xffffffff, Math.floor(key / 2 ** 32), salt]) {
    h = Math.imul(h ^ part, 0x85ebca6b) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
    h = (h ^ (h >>> 16)) >>> 0;
  }
  return (h + 0.5) / 2 ** 32;
}

/** Standard normal noise for one (seed, time, series) via Box–Muller on two hashed uniforms. */
function noise(seed: number, timeMs: number, series: number): number {
  const u1 = hashUniform(seed, timeMs, 2 * series + 1);
  const u2 = hashUniform(seed, timeMs, 2 * series + 2);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** The planted and live events' contribution at `timeMs` for an anchor (end of history) `anchorMs`. */
function eventsAt(timeMs: number, anchorMs: number): number {
  const { spike, levelShift, drift } = DEMO_EVENTS;
  let value = 0;
  const spikeStart = anchorMs - spike.startBeforeEndMs;
  if (timeMs >= spikeStart && timeMs < spikeStart + spike.durationMs) {
    value += spike.heightPerSecond;
  }
  if (timeMs >= anchorMs - levelShift.startBeforeEndMs) {
    value += levelShift.heightPerSecond;
  }
  const driftStart = anchorMs - drift.startBeforeEndMs;
  if (timeMs > driftStart) {
    value += (drift.perDay * (timeMs - driftStart)) / DAY_MS;
  }
  return value + liveSpikeAt(timeMs, anchorMs);
}

function valueOf(shape: ServiceShape, index: number, timeMs: number, anchorMs: number, seed: number): number {
  // Daily season peaking mid-afternoon UTC, with a second harmonic for a sharper morning ramp.
  const phase = (2 * Math.PI * (timeMs % DAY_MS)) / DAY_MS;
  const season = shape.dailyAmplitude * (Math.sin(phase - Math.PI / 2 - 0.6) + 0.3 * Math.sin(2 * phase));
  const events = shape.events ? eventsAt(timeMs, anchorMs) : 0;
  const value = shape.baseline + season + events + shape.noiseSd * noise(seed, timeMs, index);
  // Two decimals keep the OpenMetrics file small; a rate is never negative.
  return Math.max(0, Math.round(value * 100) / 100);
}

/**
 * The synthetic demo series over `days` days ending at `endMs` (rounded down to the step), one sample per
 * `stepMs`. Returns one `DemoSeries` per service of `DEMO_METRIC` (`{service="checkout"}` carries the events of
 * `DEMO_EVENTS`; `{service="catalog"}` is a clean control). The live spikes come after `endMs`, so none is here.
 * @example generateDemoSeries({ endMs: Date.now(), days: 21, stepMs: 300_000, seed: 7 })
 */
export function generateDemoSeries({ endMs, days, stepMs, seed }: DemoSeriesOptions): DemoSeries[] {
  if (!(stepMs > 0 && days > 0)) {
    throw new RangeError(`generateDemoSeries: need stepMs > 0 and days > 0, got stepMs ${stepMs}, days ${days}`);
  }
  const anchorMs = endMs - (endMs % stepMs);
  const count = Math.floor((days * DAY_MS) / stepMs);
  const timesMs = Array.from({ length: count }, (_, i) => anchorMs - (count - 1 - i) * stepMs);
  return SERVICES.map((shape, index) => ({
    name: DEMO_METRIC,
    labels: { service: shape.service },
    timesMs,
    values: timesMs.map((t) => valueOf(shape, index, t, anchorMs, seed)),
  }));
}

/**
 * Live values at `timeMs` that continue the history generated with the same `seed` and `anchorMs` (the `endMs`
 * given to `generateDemoSeries`, rounded down to its step) — what the demo exporter serves on each scrape. After the
 * anchor `checkout` also carries the live spikes of `DEMO_LIVE_SPIKES`.
 */
export function demoValuesAt(
  timeMs: number,
  anchorMs: number,
  seed: number
): Array<{ name: string; labels: Record<string, string>; value: number }> {
  return SERVICES.map((shape, index) => ({
    name: DEMO_METRIC,
    labels: { service: shape.service },
    value: valueOf(shape, index, timeMs, anchorMs, seed),
  }));
}

function labelText(labels: Record<string, string>): string {
  const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${escape(v)}"`);
  return pairs.length > 0 ? `{${pairs.join(',')}}` : '';
}

/**
 * OpenMetrics text of `series` for `promtool tsdb create-blocks-from openmetrics`: gauges, each metric family's
 * lines together, each series' samples in time order, timestamps in seconds, terminated by `# EOF` (promtool
 * requires it). Write everything into ONE file: promtool 2.42 slows down with the number of blocks it writes.
 */
export function toOpenMetrics(series: DemoSeries[]): string {
  const families = new Map<string, DemoSeries[]>();
  for (const s of series) {
    families.set(s.name, [...(families.get(s.name) ?? []), s]);
  }
  const lines: string[] = [];
  for (const [name, members] of families) {
    lines.push(`# TYPE ${name} gauge`);
    for (const s of members) {
      const prefix = `${name}${labelText(s.labels)} `;
      const order = s.timesMs.map((_, i) => i).sort((a, b) => s.timesMs[a] - s.timesMs[b]);
      for (const i of order) {
        if (Number.isFinite(s.values[i])) {
          lines.push(`${prefix}${s.values[i]} ${s.timesMs[i] / 1000}`);
        }
      }
    }
  }
  lines.push('# EOF');
  return `${lines.join('\n')}\n`;
}

/** Prometheus text exposition (no timestamps: Prometheus stamps the scrape) of live values, for the exporter. */
export function toExposition(samples: Array<{ name: string; labels: Record<string, string>; value: number }>) {
  const lines: string[] = [];
  const typed = new Set<string>();
  for (const s of samples) {
    if (!typed.has(s.name)) {
      typed.add(s.name);
      lines.push(`# TYPE ${s.name} gauge`);
    }
    lines.push(`${s.name}${labelText(s.labels)} ${s.value}`);
  }
  return `${lines.join('\n')}\n`;
}
