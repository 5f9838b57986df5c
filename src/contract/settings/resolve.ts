/**
 * From the edge form of the settings (durations as text) to the pipeline's `ModelSettings` on one series' step:
 * the one place where a season becomes `seasonalPeriod` steps.
 */
import { StepMismatchError } from '../../model/errors';
import { formatDurationMs } from '../../model/duration';
import type { ModelSettings } from '../../model/pipeline/types';
import { fitSettingsProblems, throwIfProblems, type FitSettings } from './index';
import { durationMs } from './spec';

/** Milliseconds of a duration setting that passed the schema check. */
const ms = (text: string) => durationMs(text) ?? NaN;

/**
 * Season length in steps of `stepMs`, or 'auto'.
 * @throws StepMismatchError when the season is not a whole number (≥ 2) of steps
 */
export function seasonSteps(season: string, stepMs: number): number | 'auto' {
  if (season === 'auto') {
    return 'auto';
  }
  const steps = ms(season) / stepMs;
  if (!Number.isInteger(steps) || steps < 2) {
    throw new StepMismatchError(
      `season ${season} is not a whole number (≥ 2) of ${formatDurationMs(stepMs)} steps ` +
        `(${Number(steps.toFixed(3))}); choose a step that divides it`
    );
  }
  return steps;
}

/** The pipeline settings that need no clock: every one but the season and the horizon (steps of the series' step). */
type ClockFreeModelSettings = Omit<ModelSettings, 'seasonalPeriod' | 'horizonSteps'>;

/**
 * The pipeline settings of `settings` apart from the season and the horizon, unchecked: a new shared setting
 * reaches the pipeline (and the CLI detector, which has no clock) through the spread without an edit here.
 */
export function clockFreeModelSettings(settings: FitSettings): ClockFreeModelSettings {
  const { season, holdOff, refitEvery, trainingWindow, horizon, ...rest } = settings;
  return {
    ...rest,
    levelsPct: [settings.levelsPct[0], settings.levelsPct[1]],
    holdOffMs: ms(holdOff),
    refitEveryMs: ms(refitEvery),
    trainingWindowMs: ms(trainingWindow),
  };
}

/**
 * The pipeline settings for a series sampled every `stepMs`. Checks `settings` against the schema first, so a
 * fit never starts on a value no edge would accept.
 * @throws InvalidSettingsError naming every invalid setting; StepMismatchError for a season the step does not divide
 */
export function toModelSettings(settings: FitSettings, stepMs: number): ModelSettings {
  throwIfProblems(fitSettingsProblems(settings as Record<string, unknown>, true), 'settings.');
  return {
    ...clockFreeModelSettings(settings),
    seasonalPeriod: seasonSteps(settings.season, stepMs),
    horizonSteps: Math.ceil(ms(settings.horizon) / stepMs),
  };
}
