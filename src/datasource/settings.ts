import type { ModelSettings } from '../contract/fit';
import { DurationError, formatDurationMs, parseDurationMs } from './duration';
import type { SarimaQuery } from './types';

/** Prometheus refuses range queries with more than 11 000 points per series. */
export const MAX_POINTS_PER_SERIES = 11_000;

/** Steps the automatic resolution chooses from: each divides a day, so daily seasons stay whole. */
export const NICE_STEPS_MS = [
  15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000,
  43_200_000, 86_400_000,
];

/** Points per season the automatic resolution aims at: hourly data for a daily season. */
const POINTS_PER_SEASON = 24;
/** With the season unknown, steps are chosen as for the most common season of infrastructure metrics. */
const ASSUMED_SEASON_MS = 86_400_000;

/** A query setting that cannot be used; the message names the setting and the numbers. */
export class QuerySettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuerySettingsError';
  }
}

/** Everything one target needs to fetch its data and fit it. */
export interface ResolvedQuery {
  stepMs: number;
  trainingWindowMs: number;
  /** Upstream range: the training window before the visible range, then the visible range. */
  fetchFromMs: number;
  fetchToMs: number;
  /** Start of the visible range: points before it are training data only. */
  outputFromMs: number;
  settings: ModelSettings;
  seriesLimit: number;
}

/** Turns a (migrated) query and the visible range into a step, an upstream range and model settings. */
export function resolveQuery(query: SarimaQuery, visible: { fromMs: number; toMs: number }): ResolvedQuery {
  try {
    return resolveOrThrow(query, visible);
  } catch (error) {
    if (error instanceof DurationError) {
      throw new QuerySettingsError(error.message);
    }
    throw error;
  }
}

function resolveOrThrow(query: SarimaQuery, visible: { fromMs: number; toMs: number }): ResolvedQuery {
  const seasonMs = query.season === 'auto' ? undefined : positiveDuration(query.season, 'season');
  const trainingWindowMs = trainingWindowToMs(query, seasonMs);
  const stepMs = query.resolution === 'auto' ? autoStepMs(seasonMs) : positiveDuration(query.resolution, 'resolution');
  const seasonalPeriod = seasonMs === undefined ? 'auto' : seasonSteps(seasonMs, stepMs);
  const fetchFromMs = visible.fromMs - trainingWindowMs;
  const points = Math.floor((visible.toMs - fetchFromMs) / stepMs) + 1;
  if (points > MAX_POINTS_PER_SERIES) {
    throw new QuerySettingsError(
      `training window plus visible range at a ${formatDurationMs(stepMs)} step is ${points} points; ` +
        `Prometheus allows ${MAX_POINTS_PER_SERIES}: choose a coarser resolution or a shorter window`
    );
  }
  validateLevels(query.levelsPct);
  return {
    stepMs,
    trainingWindowMs,
    fetchFromMs,
    fetchToMs: visible.toMs,
    outputFromMs: visible.fromMs,
    seriesLimit: query.seriesLimit,
    settings: {
      seasonalPeriod,
      order: query.order,
      seasonalOrder: query.seasonalOrder,
      levelsPct: [query.levelsPct[0], query.levelsPct[1]],
      minConsecutive: query.minConsecutive,
      onsetOnly: query.onsetOnly,
      holdOffMs: parseDurationMs(query.holdOff, 'hold-off'),
      horizonSteps: Math.ceil(parseDurationMs(query.horizon, 'horizon') / stepMs),
      refitEveryMs: parseDurationMs(query.refitEvery, 'refit interval'),
      trainingWindowMs,
    },
  };
}

function positiveDuration(text: string, field: string): number {
  const ms = parseDurationMs(text, field);
  if (ms <= 0) {
    throw new QuerySettingsError(`${field}: must be longer than 0, got "${text}"`);
  }
  return ms;
}

function trainingWindowToMs(query: SarimaQuery, seasonMs: number | undefined): number {
  const window = query.trainingWindow;
  if (window.type === 'duration') {
    return positiveDuration(window.duration, 'training window');
  }
  if (seasonMs === undefined) {
    throw new QuerySettingsError(
      `training window: ${window.seasons} seasons needs an explicit season; with season "auto" give a duration`
    );
  }
  return window.seasons * seasonMs;
}

/**
 * Automatic step: the nice step closest (on a log scale) to season/24 that divides the season into a whole number
 * of points. Without a known season, a daily one is assumed (1h steps), which the season detector can still refine.
 */
export function autoStepMs(knownSeasonMs: number | undefined): number {
  const seasonMs = knownSeasonMs ?? ASSUMED_SEASON_MS;
  const targetMs = seasonMs / POINTS_PER_SEASON;
  const candidates = NICE_STEPS_MS.filter((s) => seasonMs % s === 0 && seasonMs / s >= 2);
  if (candidates.length === 0) {
    throw new QuerySettingsError(
      `resolution: no automatic step divides the season ${formatDurationMs(seasonMs)} evenly; set the resolution`
    );
  }
  let best = candidates[0];
  for (const candidate of candidates) {
    if (Math.abs(Math.log(candidate / targetMs)) < Math.abs(Math.log(best / targetMs))) {
      best = candidate;
    }
  }
  return best;
}

function seasonSteps(seasonMs: number, stepMs: number): number {
  const steps = seasonMs / stepMs;
  if (!Number.isInteger(steps) || steps < 2) {
    throw new QuerySettingsError(
      `season ${formatDurationMs(seasonMs)} is not a whole number (≥ 2) of ${formatDurationMs(stepMs)} steps ` +
        `(${Number(steps.toFixed(3))}); choose a resolution that divides it`
    );
  }
  return steps;
}

function validateLevels([weakPct, strongPct]: [number, number]): void {
  if (!(weakPct > 0 && weakPct < strongPct && strongPct < 100)) {
    throw new QuerySettingsError(
      `band levels: need 0 < weak < strong < 100 percent, got weak ${weakPct}%, strong ${strongPct}%`
    );
  }
}
