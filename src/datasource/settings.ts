import { DAY_MS, MAX_POINTS_PER_QUERY } from '../contract/constants';
import { FIT_SETTING_NAMES, fitSettingsProblems, settingProblem, type FitSettings } from '../contract/settings';
import { seasonSteps } from '../contract/settings/resolve';
import { durationMs } from '../contract/settings/spec';
import { SettingsError } from '../model/errors';
import { autoModelStepMs, type FetchRange, fetchRanges, modelStepFor } from '../model/pipeline/fetchPlan';
import { formatDurationMs } from './duration';
import { outputStepMs, pointLimitProblem } from './step';
import type { SarimaQuery } from './types';
/** With the season unknown, steps are chosen as for the most common season of infrastructure metrics. */
const ASSUMED_SEASON_MS = DAY_MS;

/** A query setting that cannot be used; the message names the setting and the numbers. */
export class QuerySettingsError extends SettingsError {}

/** The dashboard's side of a request: visible range, Grafana's interval and the upstream's minimum interval. */
export interface QueryContext {
  fromMs: number;
  toMs: number;
  /** The request's `intervalMs` (Grafana derives it from the range and maxDataPoints). */
  intervalMs: number;
  /** The upstream's minimum interval (its scrape interval); no output step is finer. */
  minIntervalMs: number;
}

/** Everything one target needs to fetch its data and fit it. */
export interface ResolvedQuery {
  /** Output step: the dashboard's step (or the query's resolution), never finer than the scrape interval. */
  stepMs: number;
  /** Model grid: the seasonal model is fitted at this step (a whole number of output steps). */
  modelStepMs: number;
  trainingWindowMs: number;
  /** Upstream range queries, oldest first: the training window at the model step, then the rest at `stepMs`. */
  ranges: FetchRange[];
  /** Start of the part fetched at the output step (= the first range's start when there is only one). */
  fineFromMs: number;
  /** Start of the visible range: points before it are training data only. */
  outputFromMs: number;
  settings: FitSettings;
  seriesLimit: number;
}

/**
 * Turns a (migrated) query and the visible range into a step, an upstream range and the fit settings.
 * @throws QuerySettingsError naming the setting, what it must be and the value (the schema's message)
 */
export function resolveQuery(query: SarimaQuery, context: QueryContext): ResolvedQuery {
  try {
    return resolveOrThrow(query, context);
  } catch (error) {
    if (error instanceof SettingsError && !(error instanceof QuerySettingsError)) {
      throw new QuerySettingsError(error.message);
    }
    throw error;
  }
}

function resolveOrThrow(query: SarimaQuery, context: QueryContext): ResolvedQuery {
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
  const stepMs = outputStepMs({
    requestIntervalMs: context.intervalMs,
    minIntervalMs: context.minIntervalMs,
    visibleRangeMs: context.toMs - context.fromMs,
    resolutionMs: query.resolution === 'auto' ? undefined : (durationMs(query.resolution) ?? NaN),
  });
  const modelStepMs = modelStepFor(stepMs, autoStepMs(seasonMs), seasonMs ?? ASSUMED_SEASON_MS);
  // Seasons and horizons become steps of the model grid (`modelStepOf` in the fit protocol); check it here by name.
  seasonSteps(season, modelStepMs);
  const visible = { fromMs: context.fromMs, toMs: context.toMs };
  const { ranges, fineFromMs } = fetchRanges({
    output: visible,
    trainingWindowMs,
    fineMs: stepMs,
    modelMs: modelStepMs,
    maxPoints: MAX_POINTS_PER_QUERY,
  });
  const problem = pointLimitProblem(
    ranges[0],
    ranges.length === 1 ? 'training window plus visible range' : 'training window'
  );
  if (problem !== undefined) {
    throw new QuerySettingsError(problem);
  }
  return {
    stepMs,
    modelStepMs,
    trainingWindowMs,
    ranges,
    fineFromMs,
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
 * Automatic model step (`autoModelStepMs`): hourly for a daily season. Without a known season, a daily one is assumed
 * (1h steps), which the season detector can still refine.
 */
export function autoStepMs(knownSeasonMs: number | undefined): number {
  const seasonMs = knownSeasonMs ?? ASSUMED_SEASON_MS;
  const stepMs = autoModelStepMs(seasonMs);
  if (stepMs === undefined) {
    throw new QuerySettingsError(
      `resolution: no automatic step divides the season ${formatDurationMs(seasonMs)} evenly; set the resolution`
    );
  }
  return stepMs;
}
