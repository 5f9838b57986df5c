/**
 * The data source's flags agree with the backtest's on real data (issue 12 in the product). NAB's nyc_taxi (from
 * ../shared/nab30, read in place) sits in a Prometheus stand-in, shifted as the demo shifts it (so its January 2015
 * blizzard lies in the last 3 days before "now"); a dashboard query with the default settings runs through the real
 * data source (fetch plan, upstream requests, merged ranges, fit protocol, `analyzeSeries`) at several times of day,
 * and its flags in the visible range are compared with the CLI backtest's (`runCheckedBacktest`, the default
 * detector, what `npm run eval` scores) on the whole file, as NAB compares detectors: which labelled windows get an
 * alert, and how many alerts fall outside every window. The blizzard alone is not required of the product by name:
 * what is required is the backtest's verdict, which alerts it at every time of day. The annotation query's regions
 * (the anomaly windows) must span the blizzard's near-zero night and morning where its drop is alerted.
 *
 * Before the pipeline warmed the detector up before the visible range (`fitSchedule.ts`), the product alerted the
 * blizzard at 2 of these 5 times at the hourly step (the demo's), as the demo's browser check showed.
 */
import { type DataFrame, type DataQueryRequest, dateTime } from '@grafana/data';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { lastValueFrom } from 'rxjs';
import { loadNab, type NabFile } from '../cli/nabData';
import { runCheckedBacktest } from '../cli/checkedBacktest';
import { FIELD, parseBandFieldName } from '../contract/frame';
import { DEFAULT_DETECTOR_CONFIG } from '../model/detect/config';
import { analyzeSeries } from '../model/pipeline/analyze';
import { prepareSeries } from '../model/series';
import { fakeDataSource, InProcessFitClient } from './testing/fakes';
import { scrapedUpstream } from './testing/scrapedUpstream';
import { QUERY_TYPE_ANOMALIES, type SarimaQuery } from './types';
import { DAY_MS, HOUR_MS } from '../contract/constants';

const NAB30_DIR = [resolve(__dirname, '../../../shared/nab30'), resolve(__dirname, '../../../../shared/nab30')].find(
  (dir) => existsSync(resolve(dir, 'windows.json'))
);
const describeNab30 = NAB30_DIR ? describe : describe.skip;

const FILE = 'realKnownCause/nyc_taxi.csv';
const SAMPLE_MS = 30 * 60_000;
/** The demo's window end (demo/nab.ts): 2015-01-29 00:00 UTC, two days after the blizzard. */
const WINDOW_END_MS = Date.UTC(2015, 0, 29);
/** "Now" after the window end, in hours: the demo's simulated times of day (tests/browser/demo.checks.ts) and 0.25. */
const NOW_OFFSETS_H = [0.25, 4.25, 10.6, 17.4, 22.85];
const VISIBLE_MS = 3 * DAY_MS;

interface Case {
  nowMs: number;
  /** Added to the file's timestamps: the demo's rule, the window end moved to the last half hour ≤ now. */
  shiftMs: number;
}

const caseAt = (offsetH: number): Case => {
  const nowMs = WINDOW_END_MS + offsetH * HOUR_MS;
  return { nowMs, shiftMs: nowMs - (nowMs % SAMPLE_MS) - WINDOW_END_MS };
};

/** Prometheus holding the shifted file up to now (30-minute samples; a query instant sees the latest). */
function nabUpstream(file: NabFile, { nowMs, shiftMs }: Case) {
  const byTime = new Map(file.timesMs.map((t, i) => [t + shiftMs, file.values[i]]));
  const valueAt = (t: number) => (t <= nowMs ? (byTime.get(t - (t % SAMPLE_MS)) ?? NaN) : NaN);
  return scrapedUpstream([{ labels: { series: 'nyc_taxi' }, valueAt }], SAMPLE_MS);
}

function dashboardRequest(nowMs: number, intervalMs: number, queryType?: string): DataQueryRequest<SarimaQuery> {
  const from = dateTime(nowMs - VISIBLE_MS);
  const to = dateTime(nowMs);
  return {
    requestId: 'nyc',
    interval: `${intervalMs / 1000}s`,
    intervalMs,
    maxDataPoints: Math.round(VISIBLE_MS / intervalMs),
    range: { from, to, raw: { from, to } },
    scopedVars: {},
    // The default query: every setting at its default, as the backtest runs the default detector.
    targets: [{ refId: 'A', expr: 'tidemark_demo_nyc_taxi_passengers', queryType } as SarimaQuery],
    timezone: 'utc',
    app: 'dashboard',
    startTime: 0,
  };
}

/** The data source's one frame for the default query (or its annotation query: `anomalies`). */
async function productFrame(file: NabFile, c: Case, intervalMs: number, queryType?: string): Promise<DataFrame> {
  const fitClient = new InProcessFitClient((input, settings, options) =>
    analyzeSeries(input, settings, { outputFromMs: options.outputFromMs })
  );
  const { ds } = fakeDataSource({ upstream: nabUpstream(file, c), fitClient });
  const response = await lastValueFrom(ds.query(dashboardRequest(c.nowMs, intervalMs, queryType)));
  expect(response.errors).toEqual([]);
  return (response.data as DataFrame[])[0];
}

/** Flag times of the data source's one frame, in the visible range. */
async function productFlags(file: NabFile, c: Case, intervalMs: number): Promise<number[]> {
  const frame = await productFrame(file, c, intervalMs);
  const time = frame.fields.find((f) => f.name === FIELD.time)!.values as number[];
  const anomaly = frame.fields.find((f) => f.name === FIELD.anomaly)!.values as Array<number | null>;
  return time.filter((t, i) => (anomaly[i] ?? 0) > 0 && t >= c.nowMs - VISIBLE_MS);
}

/** Flag times of the backtest over the shifted file up to now, in the visible range. */
function backtestFlags(file: NabFile, { nowMs, shiftMs }: Case): number[] {
  const kept = file.timesMs.map((t) => t + shiftMs <= nowMs);
  const series = prepareSeries(
    file.timesMs.filter((_, i) => kept[i]).map((t) => t + shiftMs),
    file.values.filter((_, i) => kept[i]),
    { stepMs: SAMPLE_MS }
  );
  const detection = runCheckedBacktest(series, DEFAULT_DETECTOR_CONFIG);
  return detection.timesMs.filter((t, i) => detection.anomaly[i] > 0 && t >= nowMs - VISIBLE_MS);
}

/** NAB's view of flags: the labelled windows alerted (indices) and the count of alerts outside every window. */
function nabVerdict(flagsMs: number[], file: NabFile, shiftMs: number): { windows: number[]; outside: number } {
  const windowOf = (t: number) => file.windows.findIndex((w) => t >= w.startMs + shiftMs && t <= w.endMs + shiftMs);
  const hit = flagsMs.map(windowOf);
  return { windows: [...new Set(hit.filter((w) => w >= 0))], outside: hit.filter((w) => w < 0).length };
}

describeNab30('nyc_taxi through the data source vs the backtest (default settings, last 3 days)', () => {
  const file = NAB30_DIR ? loadNab(NAB30_DIR).find((f) => f.name === FILE) : undefined;
  const blizzard = file
    ? file.windows.findIndex((w) => w.startMs <= Date.UTC(2015, 0, 27) && w.endMs >= Date.UTC(2015, 0, 27))
    : -1;

  it.each(NOW_OFFSETS_H)(
    'should alert the windows the backtest alerts, at the hourly step, now = window end + %s h',
    async (offsetH) => {
      const c = caseAt(offsetH);
      const expected = nabVerdict(backtestFlags(file!, c), file!, c.shiftMs);
      // The premise: the backtest alerts the blizzard at every time of day (issue 12's phase study).
      expect(expected.windows).toContain(blizzard);
      const flags = await productFlags(file!, c, HOUR_MS);
      const iso = flags.map((t) => new Date(t - c.shiftMs).toISOString().slice(0, 16));
      expect({ ...nabVerdict(flags, file!, c.shiftMs), flags: iso }).toEqual({ ...expected, flags: iso });
    }
  );

  it.each([4.25, 22.85])(
    'should do the same at the native 30-minute step (mixed grid), now = window end + %s h',
    async (offsetH) => {
      const c = caseAt(offsetH);
      const expected = nabVerdict(backtestFlags(file!, c), file!, c.shiftMs);
      const flags = await productFlags(file!, c, SAMPLE_MS);
      const iso = flags.map((t) => new Date(t - c.shiftMs).toISOString().slice(0, 16));
      expect({ ...nabVerdict(flags, file!, c.shiftMs), flags: iso }).toEqual({ ...expected, flags: iso });
    }
  );

  // The demo's drawing: the one-step bands over the blizzard's history reached −7,000 passengers (99 %) and the
  // one-step forecast −2,700, while the forecast past the end was already floored at 0. A count's past predictions
  // and bands are now floored the same way, for display.
  it('should draw the past predictions and bands of the passenger count no lower than 0, through the blizzard', async () => {
    const c = caseAt(4.25);
    const frame = await productFrame(file!, c, HOUR_MS);
    const time = frame.fields.find((f) => f.name === FIELD.time)!.values as number[];
    const bands = frame.fields.filter((f) => parseBandFieldName(f.name) !== null || f.name === FIELD.forecast);
    expect(bands).toHaveLength(5);
    const night = time.findIndex((t) => t - c.shiftMs === Date.UTC(2015, 0, 27, 2));
    expect(night).toBeGreaterThan(0);
    for (const band of bands) {
      const values = band.values as Array<number | null>;
      expect(values.filter((v) => v !== null && v < 0)).toEqual([]);
      expect(values[night]).not.toBeNull();
    }
  });

  // The early page (`hygiene.ts`) depends on a week of flags and alerts, which the paths see differently: the backtest
  // runs every test at 30 minutes over the whole file, the product at 1 h the hourly test only, and at 30 min the fine
  // tests from 2 days before the view, with the hourly test's alerts before that (`backtest.ts` fineAlerts). At
  // minScore 4 the backtest paged the blizzard's aftermath early at 28 Jan 07:00 (now = window end + 4.25 h) and the
  // product did not; at the default 4.2 none of them pages early at any of the simulated times.

  /** The product's regions in file time, and its alerts in the blizzard's NAB window below the expected range. */
  async function blizzardRegions(c: Case, intervalMs: number) {
    const inFile = (t: number) => t - c.shiftMs;
    const label = file!.windows[blizzard];
    const flags = (await productFlags(file!, c, intervalMs)).map(inFile);
    const frame = await productFrame(file!, c, intervalMs, QUERY_TYPE_ANOMALIES);
    const field = <T>(name: string) => frame.fields.find((f) => f.name === name)!.values as T[];
    const [ends, titles] = [field<number>('timeEnd'), field<string>('title')];
    const regions = field<number>('time').map((t, i) => ({
      startMs: inFile(t),
      endMs: inFile(ends[i]),
      title: titles[i],
    }));
    const below = regions.filter((r) => r.title.includes('below range'));
    const alerts = flags.filter(
      (t) => t >= label.startMs && t <= label.endMs && below.some((r) => r.startMs <= t && t <= r.endMs)
    );
    return { regions, alerts };
  }

  /** A region over part of the blizzard's near-zero night and morning, 27 Jan 00:00–14:00. */
  const overlapsMorning = (r: { startMs: number; endMs: number }) =>
    r.startMs <= Date.UTC(2015, 0, 27, 14) && r.endMs >= Date.UTC(2015, 0, 27);

  // Issue 12 must-have 4: the region of the drop's alert lasts through the near-zero night and morning of 27 Jan
  // (passengers < 600 from 23:00 to 08:00, half the usual until the evening). Before, it ended at 22:30–00:00 on
  // 26 Jan: the band expected before the drop reaches below 0 at night, so 8–109 passengers were "inside" it.
  // At 22.85 h hourly the drop was a known limit until the early page (`hygiene.ts`): the morning rush's alert above
  // the range (26 Jan 07:00–07:30) held it off, so it had no alert and no region. At the default 4.2 it alerts at 17:30.
  it.each([
    [0.25, HOUR_MS],
    [4.25, HOUR_MS],
    [10.6, HOUR_MS],
    [17.4, HOUR_MS],
    [22.85, HOUR_MS],
    [4.25, SAMPLE_MS],
    [22.85, SAMPLE_MS],
  ])(
    'should annotate the blizzard as one region from its alert to 27 Jan 14:00, now = window end + %s h, step %s ms',
    async (offsetH, stepMs) => {
      const { regions, alerts } = await blizzardRegions(caseAt(offsetH), stepMs);
      expect(alerts.length).toBeGreaterThan(0);
      const morning = regions.filter(overlapsMorning);
      expect(morning).toHaveLength(1);
      const [region] = morning;
      expect(region.startMs).toBeLessThanOrEqual(alerts[0]);
      expect(region.startMs).toBeLessThan(Date.UTC(2015, 0, 27));
      expect(region.endMs).toBeGreaterThanOrEqual(Date.UTC(2015, 0, 27, 14));
    }
  );
});
