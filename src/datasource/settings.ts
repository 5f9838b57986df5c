import { DAY_MS, MAX_POINTS_PER_QUERY } from '../contract/constants';
import { FIT_SETTING_NAMES, fitSettingsProblems, settingProblem, type FitSettings } from '../contract/settings';
import { seasonSteps } from '../contract/settings/resolve';
import { durationMs } from '../contract/settings/spec';
import { SettingsError } from '../model/errors';
import { formatDurationMs } from './duration';
import type { SarimaQuery } from './types';

/** Steps the automatic resolution chooses from: each divides a day, so daily seasons stay whole. */
export const NICE_STEPS_MS = [
  15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000,
  43_200_000, 86_400_000,
];

/** Points per season the automatic resolution aims at: hourly data for a daily season. */
const POINTS_PER_SEASON = 24;
/** With the season unknown, steps are chosen as for the most common season of infrastructure metrics. */
const ASSUMED_SEASON_MS = DAY_MS;

/** A query setting that cannot be used; the message names the setting and the numbers. */
export class QuerySettingsError extends SettingsError {}

/** Everything one target needs to fetch its data and fit it. */
export interface ResolvedQuery {
  stepMs: number;
  trainingWindowMs: number;
  /** Upstream range: the training window before the visible range, then the visible range. */
  fetchFromMs: number;
  fetchToMs: number;
  /** Start of the visible range: points before it are training data only. */
  outputFromMs: number;
  settings: FitSettings;
  seriesLimit: number;
}

/**
 * Turns a (migrated) query and the visible range into a step, an upstream range and the fit settings.
 * @throws QuerySettingsError naming the setting, what it must be and the value (the schema's message)
 */
export function resolveQuery(query: SarimaQuery, visible: { fromMs: number; toMs: number }): ResolvedQuery {
  try {
    return resolveOrThrow(query, visible);
  } catch (error) {
    if (error instanceof SettingsError && !(error instanceof QuerySettingsError)) {
      throw new QuerySettingsError(error.message);
    }
    throw error;
  }
}

function resolveOrThrow(query: SarimaQuery, visible: { fromMs: number; toMs: number }): ResolvedQuery {
  // Every shared setting as the query states it; the training window also has a query-only form (seasons).
  const stated = Object.fromEntries(
    FIT_SETTING_NAMES.filter((name) => name !== 'trainingWindow').map((name) => [name, query[name]])
  );
  const season = query.season;
  const problems = fitSettingsProblems(stated, false);
  const resolutionProblem = settingProblem('resolution', query.resolution);
  if (resolutionProblem) {
    problems.push({ field: 'resolution', message: resolutionProblem });
  }
  if (problems.length > 0) {
    throw new QuerySettingsError(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
  }
  const seasonMs = season === 'auto' ? undefined : (durationMs(season) ?? NaN);
  const trainingWindowMs = trainingWindowToMs(query, seasonMs);
  const stepMs = query.resolution === 'auto' ? autoStepMs(seasonMs) : (durationMs(query.resolution) ?? NaN);
  seasonSteps(season, stepMs);
  const fetchFromMs = visible.fromMs - trainingWindowMs;
  const points = Math.floor((visible.toMs - fetchFromMs) / stepMs) + 1;
  if (points > MAX_POINTS_PER_QUERY) {
    throw new QuerySettingsError(
      `training window plus visible range at a ${formatDurationMs(stepMs)} step is ${points} points; ` +
        `Prometheus allows ${MAX_POINTS_PER_QUERY}: choose a coarser resolution or a shorter window`
    );
  }
  return {
    stepMs,
    trainingWindowMs,
    fetchFromMs,
    fetchToMs: visible.toMs,
    outputFromMs: visible.fromMs,
    seriesLimit: query.seriesLimit,
    settings: { ...stated, trainingWindow: formatDurationMs(trainingWindowMs) } as FitSettings,
  };
}

function trainingWindowToMs(query: SarimaQuery, seasonMs: number | undefined): number {
  const window = query.trainingWindow;
  if (window.type === 'duration') {
    const problem = settingProblem('trainingWindow', window.duration);
    if (problem) {
      throw new QuerySettingsError(`trainingWindow: ${problem}`);
    }
    return durationMs(window.duration) ?? NaN;
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
