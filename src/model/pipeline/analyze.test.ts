import { InsufficientDataError, InvalidSettingsError } from '../errors';
import { simulateSeasonal } from '../testing/random';
import { analyzeSeries } from './analyze';
import { MAX_SCHEDULED_FITS, WARMUP_FITS } from './fitSchedule';
import { bucketFor, DEFAULT_MODEL_SETTINGS } from './settings';
import type { ModelSettings, SeriesInput } from './types';
import { DAY_MS, HOUR_MS } from '../timeUnits';

const START_MS = Date.UTC(2026, 0, 1);
const DAYS = 35;
const SPIKE_INDEX = 32 * 24 + 13;

/** Hourly series with a daily season, noise sd 1, amplitude 10, and one +25 spike on day 32. */
function hourlyInput(hours = DAYS * 24, key = 'a'): SeriesInput {
  const values = simulateSeasonal(hours, { seed: 7, period: 24, amplitude: 10, phi: 0.3, level: 50 });
  if (hours > SPIKE_INDEX) {
    values[SPIKE_INDEX] += 25;
  }
  return {
    key,
    labels: { instance: key },
    timesMs: values.map((_, i) => START_MS + i * HOUR_MS),
    values,
    stepMs: HOUR_MS,
  };
}

const settings: ModelSettings = { ...DEFAULT_MODEL_SETTINGS, trainingWindowMs: 21 * DAY_MS };
const outputFromMs = START_MS + 28 * DAY_MS;

describe('analyzeSeries', () => {
  const { analysis, cache } = analyzeSeries(hourlyInput(), settings, { outputFromMs });
  const { points } = analysis;

  it('should return history from outputFromMs on, then the forecast horizon', () => {
    expect(points.timesMs[0]).toBe(outputFromMs);
    expect(points.horizonStart).toBe((DAYS - 28) * 24);
    expect(points.timesMs).toHaveLength(points.horizonStart + settings.horizonSteps);
    expect(points.actual.slice(points.horizonStart).every((v) => v === null)).toBe(true);
    expect(points.forecast.slice(points.horizonStart).every((v) => Number.isFinite(v))).toBe(true);
    const lastHistoryMs = points.timesMs[points.horizonStart - 1];
    expect(points.timesMs[points.horizonStart]).toBe(lastHistoryMs + HOUR_MS);
  });

  it('should draw the strong band outside the weak one, everywhere both exist', () => {
    const [weak, strong] = points.bands;
    expect([weak.levelPct, strong.levelPct]).toEqual(settings.levelsPct);
    for (let i = 0; i < points.timesMs.length; i++) {
      expect(weak.lower[i]).not.toBeNull();
      expect(strong.lower[i]!).toBeLessThan(weak.lower[i]!);
      expect(strong.upper[i]!).toBeGreaterThan(weak.upper[i]!);
    }
  });

  it('should flag the spike as strong, and nothing else', () => {
    const spikeAt = points.timesMs.indexOf(START_MS + SPIKE_INDEX * HOUR_MS);
    expect(points.anomaly[spikeAt]).toBe(2);
    expect(points.score[spikeAt]!).toBeGreaterThan(6);
    expect(points.anomaly.filter((a) => a > 0)).toHaveLength(1);
    expect(analysis.windows).toHaveLength(1);
    const window = analysis.windows[0];
    expect(window.peakMs).toBe(START_MS + SPIKE_INDEX * HOUR_MS);
    expect(window.observed).toBeGreaterThan(window.expectedUpper);
    expect(window.severity).toBe(2);
    expect(window.kind).toBe('deviation');
  });

  it('should summarise the final model with R coefficient names and diagnostics', () => {
    const { model } = analysis;
    expect(model.order).toEqual({ p: 1, d: 0, q: 1 });
    expect(model.seasonalOrder).toEqual({ P: 0, D: 1, Q: 1 });
    expect(model.seasonalPeriod).toBe(24);
    expect(model.coefficients.map((c) => c.name)).toEqual(['ar1', 'ma1', 'sma1']);
    expect(model.coefficients.every((c) => Number.isFinite(c.value) && c.standardError > 0)).toBe(true);
    expect(model.trainingEndMs - model.trainingStartMs).toBe(21 * DAY_MS);
    // A warm-up from the first midnight after the detector's three days of minimum training, then the output range's.
    expect(cache.fits[0].endMs).toBe(START_MS + 3 * DAY_MS);
    const warmUp = cache.fits.filter((fit) => fit.endMs < outputFromMs);
    expect(warmUp.length).toBeLessThanOrEqual(WARMUP_FITS + 1);
    expect(cache.fits.map((fit) => fit.endMs)).toContain(outputFromMs);
    // White-noise residuals of a correct model: the test should not reject at 1%.
    expect(model.ljungBoxPValue).toBeGreaterThan(0.01);
    // Coverage of a 95% band on its own training data; 0.9–0.99 allows for sampling error on 500 points.
    expect(model.trainingCoverage).toBeGreaterThan(0.9);
    expect(model.trainingCoverage).toBeLessThan(0.99);
    expect(model.candidates).toBeUndefined();
  });

  it('should recall cached fits on a refresh instead of refitting', () => {
    const refreshed = analyzeSeries(hourlyInput(DAYS * 24 + 2), settings, { outputFromMs, cached: cache });
    // Two more hours cross one daily refit point (hour 840): exactly one new fit, every earlier one recalled.
    expect(refreshed.cache.fits).toHaveLength(cache.fits.length + 1);
    cache.fits.forEach((fit, i) => expect(refreshed.cache.fits[i]).toBe(fit));
    expect(refreshed.cache.fits[cache.fits.length].endMs).toBe(START_MS + DAYS * DAY_MS);
    const again = analyzeSeries(hourlyInput(DAYS * 24 + 3), settings, { outputFromMs, cached: refreshed.cache });
    expect(again.cache.fits).toHaveLength(refreshed.cache.fits.length);
    const shared = points.horizonStart;
    expect(refreshed.analysis.points.forecast.slice(0, shared)).toEqual(points.forecast.slice(0, shared));
  });

  it('should ignore a cache entry made with other settings', () => {
    const other = { ...settings, levelsPct: [90, 99] as [number, number] };
    const result = analyzeSeries(hourlyInput(), other, { outputFromMs, cached: cache });
    expect(result.cache.fits).not.toBe(cache.fits);
    expect(result.cache.fits.some((fit) => cache.fits.includes(fit))).toBe(false);
  });

  it('should choose orders automatically and rank the candidates', () => {
    const auto = { ...settings, order: 'auto' as const, seasonalOrder: 'auto' as const };
    const result = analyzeSeries(hourlyInput(), auto, { outputFromMs });
    const candidates = result.analysis.model.candidates!;
    expect(candidates.length).toBeGreaterThan(3);
    expect(candidates[0].aicc).not.toBeNull();
    expect(result.analysis.model.seasonalPeriod).toBe(24);
    expect(result.cache.choice?.candidates).toBeDefined();
  });

  it('should keep missing values as null and report repairs as notices', () => {
    const input = hourlyInput();
    const gapAt = 30 * 24 + 5;
    input.values[gapAt] = null;
    const result = analyzeSeries(input, settings, { outputFromMs });
    const i = result.analysis.points.timesMs.indexOf(START_MS + gapAt * HOUR_MS);
    expect(result.analysis.points.actual[i]).toBeNull();
    expect(result.analysis.notices.join(' ')).toMatch(/missing/);
  });

  it('should model sub-5-minute data on bucket means, score every input point and say so', () => {
    const minutes = 4 * 24 * 60;
    const values = simulateSeasonal(minutes, { seed: 3, level: 20 });
    const input: SeriesInput = {
      key: 'm',
      labels: {},
      timesMs: values.map((_, i) => START_MS + i * 60_000),
      values,
      stepMs: 60_000,
    };
    // No season, so the test stays fast; the bucketing rule is the same for any season.
    const nonSeasonal = { seasonalPeriod: 1, seasonalOrder: { P: 0, D: 0, Q: 0 }, horizonSteps: 0 };
    const result = analyzeSeries(input, { ...settings, ...nonSeasonal, trainingWindowMs: 3 * DAY_MS });
    expect(result.analysis.model.aggregation).toBe(60);
    // Issue 13: one output row per input grid point (the model runs on hourly means).
    expect(result.analysis.points.timesMs[1] - result.analysis.points.timesMs[0]).toBe(60_000);
    expect(result.analysis.points.horizonStart).toBe(minutes);
    expect(result.analysis.notices.join(' ')).toMatch(
      /modelled on 3600 s bucket means .* scored at the native 60 s step/
    );
  });

  it('should fit a daily season on hourly buckets, or keep it at most 288 steps when no hourly grid fits', () => {
    expect(bucketFor(HOUR_MS)).toBe(0);
    expect(bucketFor(300_000)).toBe(HOUR_MS);
    expect(bucketFor(60_000)).toBe(HOUR_MS);
    expect(bucketFor(15_000)).toBe(HOUR_MS);
    expect(bucketFor(7_000)).toBe(7_000 * 43);
  });

  it('should recall fits when the query range slides forward by a few hours', () => {
    // A dashboard refresh: the range moves, so the first data point moves too; fits stay at midnight UTC.
    const shifted = hourlyInput(DAYS * 24 + 3);
    const drop = 3;
    const slid: SeriesInput = { ...shifted, timesMs: shifted.timesMs.slice(drop), values: shifted.values.slice(drop) };
    const result = analyzeSeries(slid, settings, { outputFromMs: outputFromMs + drop * HOUR_MS, cached: cache });
    const newFits = result.cache.fits.filter((fit) => !cache.fits.includes(fit));
    // Only the midnight refit the three new hours reached is new, and the warm-up's first fit, which follows the
    // data's start (three days of minimum training) to the next midnight.
    expect(newFits.map((fit) => fit.endMs)).toEqual([START_MS + 4 * DAY_MS, START_MS + DAYS * DAY_MS]);
  });

  it('should place fits at multiples of the refit interval since the epoch', () => {
    expect(cache.fits.every((fit) => fit.endMs % DAY_MS === 0)).toBe(true);
    expect(analysis.model.trainingEndMs % DAY_MS).toBe(0);
  });

  it('should give the whole history bands when no output start is given', () => {
    const { analysis: whole } = analyzeSeries(hourlyInput(), settings);
    // First fit at the first midnight after the minimum of three days of data; bands from there on.
    const firstBand = whole.points.bands[0].lower.findIndex((v) => v !== null);
    expect(whole.points.timesMs[firstBand]).toBe(START_MS + 3 * DAY_MS);
    expect(whole.points.anomaly.filter((a) => a > 0).length).toBeGreaterThanOrEqual(1);
  });

  it('should thin an hourly refit schedule over a long history, keeping the latest refit', () => {
    const hourly = { ...settings, refitEveryMs: HOUR_MS };
    const cold = analyzeSeries(hourlyInput(), hourly);
    const ends = cold.cache.fits.map((fit) => fit.endMs);
    // 32 days of hourly refits would be ~770 fits; the history keeps at most MAX_SCHEDULED_FITS + the latest.
    expect(ends.length).toBeLessThanOrEqual(MAX_SCHEDULED_FITS + 1);
    expect(ends.every((t) => t % HOUR_MS === 0)).toBe(true);
    const lastHourMs = START_MS + (DAYS * 24 - 1) * HOUR_MS;
    expect(ends[ends.length - 1]).toBe(lastHourMs);
    expect(cold.analysis.model.trainingEndMs).toBe(lastHourMs);
    expect(Number.isFinite(cold.analysis.model.ljungBoxPValue)).toBe(true);
    // An hour later, the service's next cycle: the history's fits are recalled, only the new hour is fitted.
    const next = analyzeSeries(hourlyInput(DAYS * 24 + 1), hourly, { cached: cold.cache });
    const added = next.cache.fits.filter((fit) => !cold.cache.fits.includes(fit));
    expect(added.map((fit) => fit.endMs)).toEqual([lastHourMs + HOUR_MS]);
  });

  it('should throw InsufficientDataError naming the numbers when no fit is possible', () => {
    expect(() => analyzeSeries(hourlyInput(30), settings)).toThrow(InsufficientDataError);
    expect(() => analyzeSeries(hourlyInput(30), settings)).toThrow(/needs 72 points on a 3600 s grid.*got 30/);
  });

  it('should reject invalid settings with every problem named', () => {
    const bad = { ...settings, levelsPct: [99, 95] as [number, number], horizonSteps: -1 };
    expect(() => analyzeSeries(hourlyInput(), bad)).toThrow(InvalidSettingsError);
    expect(() => analyzeSeries(hourlyInput(), bad)).toThrow(/levelsPct.*\[99, 95\].*horizonSteps.*-1/);
  });
});

describe('analyzeSeries on a count series', () => {
  /** Hourly counts with a deep daily season (nights near 0) and 12 hours of nothing on day 31, like a blizzard. */
  const DROP_INDEX = 31 * 24 + 14;
  const counts = simulateSeasonal(DAYS * 24, { seed: 7, period: 24, amplitude: 40, phi: 0.3, level: 50 }).map((v, i) =>
    i >= DROP_INDEX && i < DROP_INDEX + 12 ? 0 : Math.max(0, Math.round(v))
  );
  const input = (values: number[], key: string): SeriesInput => ({
    key,
    labels: { instance: key },
    timesMs: values.map((_, i) => START_MS + i * HOUR_MS),
    values,
    stepMs: HOUR_MS,
  });
  const shown = analyzeSeries(input(counts, 'count'), settings, { outputFromMs }).analysis.points;
  // The detector is exactly sign-symmetric (scores, flags and bands of −y are those of y mirrored), and −y has
  // negative values so its bands are not floored: they give the unclipped bands and scores of the count series.
  const mirror = analyzeSeries(
    input(
      counts.map((v) => -v),
      'mirror'
    ),
    settings,
    { outputFromMs }
  ).analysis.points;
  const history = Array.from({ length: shown.horizonStart }, (_, i) => i);
  const unclipped = (k: 0 | 1) => ({
    lower: history.map((i) => -mirror.bands[k].upper[i]!),
    upper: history.map((i) => -mirror.bands[k].lower[i]!),
  });

  it('should draw the past predictions and bands of a count series at 0 where they reach below it', () => {
    expect(unclipped(0).lower.filter((v) => v < 0).length).toBeGreaterThan(5);
    const rawForecast = history.map((i) => -mirror.forecast[i]!);
    expect(rawForecast.filter((v) => v < 0).length).toBeGreaterThan(0);
    expect(history.map((i) => shown.forecast[i])).toEqual(rawForecast.map((v) => Math.max(0, v)));
    for (const k of [0, 1] as const) {
      const raw = unclipped(k);
      expect(history.map((i) => shown.bands[k].lower[i])).toEqual(raw.lower.map((v) => Math.max(0, v)));
      expect(history.map((i) => shown.bands[k].upper[i])).toEqual(raw.upper.map((v) => Math.max(0, v)));
    }
  });

  it('should keep the scores and flags of the unclipped bands, the drop flagged', () => {
    expect(mirror.anomaly).toEqual(shown.anomaly);
    expect(shown.anomaly[DROP_INDEX - 28 * 24]).toBeGreaterThan(0);
    for (const i of history) {
      expect(shown.score[i]! + mirror.score[i]!).toBe(0);
    }
  });

  it('should leave the bands of a series with negative values below 0', () => {
    expect(history.filter((i) => mirror.bands[0].upper[i]! < 0).length).toBeGreaterThan(shown.horizonStart / 2);
  });

  it("should floor the drop window's expected range at 0 as its bands are, and keep the mirror's", () => {
    const countWindows = analyzeSeries(input(counts, 'count'), settings, { outputFromMs }).analysis.windows;
    const mirrorWindows = analyzeSeries(
      input(
        counts.map((v) => -v),
        'mirror'
      ),
      settings,
      { outputFromMs }
    ).analysis.windows;
    const dropMs = START_MS + DROP_INDEX * HOUR_MS;
    const drop = countWindows.find((w) => w.startMs <= dropMs + HOUR_MS && w.endMs >= dropMs);
    const mirrored = mirrorWindows.find((w) => w.startMs === drop?.startMs);
    expect(drop).toBeDefined();
    expect(mirrored).toBeDefined();
    // The mirror's upper end is the count's lower end unfloored: below 0, so the floor had something to do.
    expect(-mirrored!.expectedUpper).toBeLessThan(0);
    expect(drop!.expectedLower).toBe(0);
    expect(drop!.expectedUpper).toBe(Math.max(0, -mirrored!.expectedLower));
    expect(drop!.observed).toBe(-mirrored!.observed);
  });
});

describe('analyzeSeries on 5-minute data with one negative sample', () => {
  // Counts at 5 minutes (modelled on hourly bucket means), nights at 0, a 12-hour drop on day 25 and, in it, one sample
  // of −1 next to a 5: that bucket's mean stays ≥ 0, so the model grid has no negative value, the input does.
  const PER_HOUR = 12;
  const hourly = simulateSeasonal(30 * 24, { seed: 7, period: 24, amplitude: 40, phi: 0.3, level: 25 });
  const values = hourly.flatMap((v) =>
    Array.from({ length: PER_HOUR }, (_, k) => Math.max(0, Math.round(v + (k % 3) - 1)))
  );
  const drop = (25 * 24 + 14) * PER_HOUR;
  values.fill(0, drop, drop + 12 * PER_HOUR);
  const negative = drop + 2 * PER_HOUR + 3;
  values[negative] = -1;
  values[negative + 1] = 5;
  const stepMs = HOUR_MS / PER_HOUR;
  const input: SeriesInput = {
    key: 'n',
    labels: {},
    timesMs: values.map((_, i) => START_MS + i * stepMs),
    values,
    stepMs,
  };
  const { points } = analyzeSeries(input, DEFAULT_MODEL_SETTINGS, { outputFromMs: START_MS + 20 * DAY_MS }).analysis;

  it('should draw the sample the detector left unflagged inside its band, not below a band floored at 0', () => {
    const row = points.timesMs.indexOf(START_MS + negative * stepMs);
    expect(points.actual[row]).toBe(-1);
    expect(points.anomaly[row]).toBe(0);
    expect(points.bands[0].lower[row]!).toBeLessThanOrEqual(-1);
  });
});
