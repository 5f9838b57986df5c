import { DEFAULT_FIT_SETTINGS } from '../contract/settings';
import { toModelSettings } from '../contract/settings/resolve';
import { DEFAULT_MODEL_SETTINGS } from '../model/pipeline/settings';
import { formatDurationMs, parseDurationMs } from './duration';
import { migrateQuery } from './migrate';
import { autoStepMs, resolveQuery } from './settings';
import { DAY_MS, HOUR_MS, MAX_POINTS_PER_QUERY as MAX_POINTS_PER_SERIES } from '../contract/constants';
import { FINE_WARMUP_MS, rangePoints } from '../model/pipeline/fetchPlan';
import type { SarimaQuery } from './types';

/** "Last 24 hours" on a panel ~1,000 pixels wide over Prometheus scraping every 15 s: Grafana's interval is 2 minutes. */
const visible = { fromMs: 100 * DAY_MS, toMs: 101 * DAY_MS, intervalMs: 120_000, minIntervalMs: 15_000 };
const query = (fields: Partial<SarimaQuery>) => migrateQuery({ refId: 'A', expr: 'up', ...fields });

describe('parseDurationMs / formatDurationMs', () => {
  it.each([
    ['0', 0],
    ['500ms', 500],
    ['90s', 90_000],
    ['1h30m', 5_400_000],
    ['14d', 14 * DAY_MS],
    ['1w', 7 * DAY_MS],
  ])('should parse %s', (text, ms) => {
    expect(parseDurationMs(text, 'x')).toBe(ms);
  });

  it.each(['15', '1 h', 'abc', '', '1h-'])('should reject %p naming the setting', (text) => {
    expect(() => parseDurationMs(text, 'horizon')).toThrow(`horizon: "${text}" is not a duration`);
  });

  it.each([
    [0, '0s'],
    [3_600_000, '1h'],
    [90_000, '1m30s'],
    [7 * DAY_MS, '7d'],
    [1500, '1s500ms'],
  ])('should format %p as %p', (ms, text) => {
    expect(formatDurationMs(ms)).toBe(text);
  });
});

describe('autoStepMs', () => {
  it.each([
    ['a daily season', DAY_MS, HOUR_MS],
    ['a weekly season (6h divides a week; 7h is not a nice step)', 7 * DAY_MS, 6 * HOUR_MS],
    ['an hourly season', HOUR_MS, 120_000],
    ['an unknown season (assumed daily)', undefined, HOUR_MS],
  ])('should choose the step for %s', (_case, seasonMs, stepMs) => {
    expect(autoStepMs(seasonMs)).toBe(stepMs);
  });
});

describe('resolveQuery', () => {
  it('should give useful settings for a query with only PromQL', () => {
    const resolved = resolveQuery(query({}), visible);
    expect(resolved.stepMs).toBe(120_000);
    expect(resolved.modelStepMs).toBe(HOUR_MS);
    expect(resolved.ranges[0]).toEqual({
      fromMs: visible.fromMs - 28 * DAY_MS,
      toMs: resolved.fineFromMs - HOUR_MS,
      stepMs: HOUR_MS,
      // Hourly means of the 2-minute values, as the pipeline averages the fine part (not one sample per hour).
      meanOfStepMs: 120_000,
    });
    expect(resolved.ranges[1]).toEqual({
      fromMs: visible.fromMs - FINE_WARMUP_MS,
      toMs: visible.toMs,
      stepMs: 120_000,
    });
    expect(resolved.outputFromMs).toBe(visible.fromMs);
    // The defaults are the pipeline's own, so a bare PromQL query behaves as the CLI and the service do.
    expect(resolved.settings).toEqual(DEFAULT_FIT_SETTINGS);
    expect(toModelSettings(resolved.settings, resolved.modelStepMs)).toEqual(DEFAULT_MODEL_SETTINGS);
  });

  it('should fetch "Last 1 hour" at the 15 s scrape step: 240 steps visible, the 28-day window hourly', () => {
    const lastHour = { fromMs: visible.toMs - HOUR_MS, toMs: visible.toMs, intervalMs: 2_000, minIntervalMs: 15_000 };
    const resolved = resolveQuery(query({}), lastHour);
    expect(resolved.stepMs).toBe(15_000);
    expect((lastHour.toMs - lastHour.fromMs) / resolved.stepMs).toBe(240);
    // The visible hour plus 2 days of warm-up at 15 s would be 11,761 points, over Prometheus' 11,000: the fine part
    // is cut to the 45 whole hours that fit (10,801 points), the hourly part takes the rest of the 28 days.
    expect(resolved.ranges.map(rangePoints)).toEqual([28 * 24 + 1 - 45, 45 * 240 + 1]);
  });

  it('should keep "Last 7 days" on 15 s data within 11,000 points per query', () => {
    const lastWeek = {
      fromMs: visible.toMs - 7 * DAY_MS,
      toMs: visible.toMs,
      intervalMs: 15_000,
      minIntervalMs: 15_000,
    };
    const resolved = resolveQuery(query({}), lastWeek);
    // Grafana's safe interval: 7 days / 11,000 points is 55 s, rounded up to the next nice step.
    expect(resolved.stepMs).toBe(60_000);
    for (const range of resolved.ranges) {
      expect(rangePoints(range)).toBeLessThanOrEqual(MAX_POINTS_PER_SERIES);
    }
    expect(resolved.ranges[1].fromMs).toBeLessThanOrEqual(lastWeek.fromMs);
  });

  it('should fetch one range at the output step when that is not finer than the model step', () => {
    const resolved = resolveQuery(query({ resolution: '1h' }), visible);
    expect(resolved.ranges).toEqual([{ fromMs: visible.fromMs - 28 * DAY_MS, toMs: visible.toMs, stepMs: HOUR_MS }]);
    expect(resolved.fineFromMs).toBe(resolved.ranges[0].fromMs);
  });

  it('should honour a resolution set in the editor, but not finer than the scrape interval', () => {
    expect(resolveQuery(query({ resolution: '5m' }), visible).stepMs).toBe(300_000);
    expect(resolveQuery(query({ resolution: '5s' }), visible).stepMs).toBe(15_000);
  });

  it('should turn a season and a window in seasons into model steps and milliseconds', () => {
    const resolved = resolveQuery(query({ season: '1d', trainingWindow: { type: 'seasons', seasons: 7 } }), visible);
    expect(toModelSettings(resolved.settings, resolved.modelStepMs).seasonalPeriod).toBe(24);
    expect(resolved.trainingWindowMs).toBe(7 * DAY_MS);
  });

  it.each([
    [{ season: '1d', resolution: '7h' }, 'season 1d is not a whole number (≥ 2) of 7h steps (3.429)'],
    [
      { trainingWindow: { type: 'seasons' as const, seasons: 4 } },
      'training window: 4 seasons needs an explicit season',
    ],
    [
      { season: '1h', resolution: '15s', trainingWindow: { type: 'duration' as const, duration: '30d' } },
      'training window at a 2m step is 20946 points; Prometheus allows 11000',
    ],
    [{ levelsPct: [99, 95] as [number, number] }, 'levelsPct: must be [weak, strong] with 0 < weak < strong < 100'],
    [{ horizon: 'soon' }, 'horizon: must be a duration, e.g. 1d (0s = none), got "soon"'],
    [{ resolution: '0' }, 'resolution: must be auto or a duration longer than 0, e.g. 1h, got "0"'],
    [{ season: '7s' }, 'no automatic step divides the season 7s evenly'],
  ])('should reject %p with a message naming the numbers', (fields, message) => {
    expect(() => resolveQuery(query(fields), visible)).toThrow(message);
  });
});
