/**
 * Defaults of the analysis pipeline and the mapping of public settings (words, durations) to the detector's
 * configuration (model-grid spans).
 */
import { DEFAULT_DETECTOR_CONFIG, withSensitivity, type DetectorConfig } from '../detect/config';
import { InvalidSettingsError } from '../errors';
import { modelStepFor } from './fetchPlan';
import type { ArimaOrder } from '../types';
import type { ModelSettings, SeasonalOrderSetting } from './types';
import { DAY_MS, HOUR_MS } from '../timeUnits';

/**
 * Longest forecast horizon in steps: the one bound of the pipeline's `horizonSteps`, the CLI's `--horizon` and the
 * detector's lead. 1e7 steps took 28 s and 2.4 GB before failing (a mistyped horizon must not reach the engine).
 */
export const MAX_HORIZON_STEPS = 10_000;

/** Longest daily season, in steps, modelled at native resolution when no hourly grid fits the step. */
export const MAX_DAILY_STEPS = 288;

/**
 * Defaults: the detector's one configuration (`DEFAULT_DETECTOR_CONFIG`, scored on NAB) with a one-day forecast
 * horizon at hourly resolution. A user who types only a PromQL expression gets SARIMA(1,0,1)(0,1,1)[1 day]
 * (weekly when three weeks show a weekly season), refitted daily on the trailing 28 days.
 */
export const DEFAULT_MODEL_SETTINGS: ModelSettings = {
  seasonalPeriod: 'auto',
  order: { ...DEFAULT_DETECTOR_CONFIG.order },
  seasonalOrder: { ...DEFAULT_DETECTOR_CONFIG.seasonalOrder },
  levelsPct: [DEFAULT_DETECTOR_CONFIG.levelsPct[0], DEFAULT_DETECTOR_CONFIG.levelsPct[1]],
  minConsecutive: DEFAULT_DETECTOR_CONFIG.rules.minConsecutive,
  onsetOnly: DEFAULT_DETECTOR_CONFIG.rules.onsetOnly,
  holdOffMs: DEFAULT_DETECTOR_CONFIG.rules.holdOffMs,
  horizonSteps: 24,
  refitEveryMs: DAY_MS,
  trainingWindowMs: 28 * DAY_MS,
  method: DEFAULT_DETECTOR_CONFIG.method,
  transform: 'none',
  sensitivity: 'medium',
  direction: DEFAULT_DETECTOR_CONFIG.direction,
};

/**
 * Bucket width of the model grid for data at `stepMs` (0 = native resolution): hourly for anything finer that
 * divides an hour (a daily season of 24 steps, as the detector was tuned on NAB; the fine points are still scored
 * at their own step), the same grid the data source and the service fetch their training windows on
 * (`fetchPlan.ts`). A step that divides no hourly grid is averaged into buckets keeping a day ≤ {@link MAX_DAILY_STEPS}.
 */
export function bucketFor(stepMs: number): number {
  const modelMs = modelStepFor(stepMs, HOUR_MS, DAY_MS);
  if (modelMs > stepMs) {
    return modelMs;
  }
  const stepsPerDay = DAY_MS / stepMs;
  return stepsPerDay <= MAX_DAILY_STEPS ? 0 : stepMs * Math.ceil(stepsPerDay / MAX_DAILY_STEPS);
}

/** Orders to fit: the settings', or those chosen by automatic selection when a setting is 'auto'. */
export interface ResolvedOrders {
  order: ArimaOrder;
  seasonalOrder: SeasonalOrderSetting;
  /** Season length in model steps, or 'auto' for the detector's calendar rule. */
  season: number | 'auto';
}

/**
 * The detector configuration for `settings` on a grid of `modelStepMs` with `bucketMs` aggregation.
 * `minTrainPoints` is when the first fit happens (the pipeline waits for the full training window when the
 * data has it, so the first model the user sees is trained like every later one).
 */
export function detectorConfig(
  settings: ModelSettings,
  orders: ResolvedOrders,
  bucketMs: number,
  minTrainPoints: number
): DetectorConfig {
  const base = withSensitivity(DEFAULT_DETECTOR_CONFIG, settings.sensitivity ?? 'medium');
  return {
    ...base,
    direction: settings.direction ?? base.direction,
    bucketMs,
    season: orders.season,
    order: orders.order,
    seasonalOrder: orders.seasonalOrder,
    trainWindow: { ms: settings.trainingWindowMs },
    minTrain: { points: minTrainPoints },
    refitEvery: { ms: settings.refitEveryMs },
    levelsPct: settings.levelsPct,
    method: settings.method,
    rules: {
      ...base.rules,
      minConsecutive: settings.minConsecutive,
      onsetOnly: settings.onsetOnly,
      holdOffMs: settings.holdOffMs,
    },
  };
}

/**
 * Checks settings that no later step would reject with a clear message.
 * @throws InvalidSettingsError naming the setting and its value
 */
export function validateSettings(settings: ModelSettings): void {
  const [weak, strong] = settings.levelsPct;
  const problems: string[] = [];
  if (!(weak > 0 && weak < 100 && strong > 0 && strong < 100 && weak < strong)) {
    problems.push(`levelsPct must be [weak, strong] with 0 < weak < strong < 100, got [${weak}, ${strong}]`);
  }
  const positive: Array<[string, number]> = [
    ['trainingWindowMs', settings.trainingWindowMs],
    ['refitEveryMs', settings.refitEveryMs],
    ['minConsecutive', settings.minConsecutive],
  ];
  for (const [name, value] of positive) {
    if (!(Number.isFinite(value) && value > 0)) {
      problems.push(`${name} must be a positive number, got ${value}`);
    }
  }
  const horizonSteps = settings.horizonSteps;
  if (!(Number.isInteger(horizonSteps) && horizonSteps >= 0 && horizonSteps <= MAX_HORIZON_STEPS)) {
    problems.push(`horizonSteps must be an integer from 0 to ${MAX_HORIZON_STEPS}, got ${horizonSteps}`);
  }
  if (!(settings.holdOffMs >= 0)) {
    problems.push(`holdOffMs must be ≥ 0, got ${settings.holdOffMs}`);
  }
  const period = settings.seasonalPeriod;
  if (period !== 'auto' && !(Number.isInteger(period) && period >= 1)) {
    problems.push(`seasonalPeriod must be 'auto' or an integer ≥ 1, got ${period}`);
  }
  if (problems.length > 0) {
    throw new InvalidSettingsError(problems.join('; '));
  }
}
