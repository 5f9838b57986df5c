/**
 * Named errors of the numerical core. Every message names the problem and the numbers involved, so a
 * caller can show it as is (STYLE.md §6).
 */

/** Base class of every error thrown by `src/model/`. */
export class ModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** An order or option is out of range, e.g. a negative p or a seasonal period of 1 with P > 0. */
export class InvalidOrderError extends ModelError {}

/** The series is too short for the requested model; the message names the minimum length. */
export class InsufficientDataError extends ModelError {}

/**
 * Every candidate model failed to fit (the automatic search, the season-structure choice, the benchmarks); the
 * message names the candidates' failures. Callers that have a simpler model to offer fall back on this error only.
 */
export class NoModelFittedError extends ModelError {}

/** The input series is malformed: non-finite values, unsorted or duplicate timestamps, and the like. */
export class InvalidSeriesError extends ModelError {}

/** The series (after differencing) has no variance, so no likelihood can be formed. */
export class ConstantSeriesError extends ModelError {}

/** The optimizer did not converge from any start; the message names the starts and the best objective. */
export class ConvergenceError extends ModelError {}

/** Base class of the errors for a setting that cannot be used (value, unit, or a combination of settings). */
export class SettingsError extends ModelError {}

/** One or more settings are invalid; the message names each setting, what it must be, and the value given. */
export class InvalidSettingsError extends SettingsError {}

/** A season that is not a whole number (≥ 2) of model steps, or a bucket that is not a multiple of the step. */
export class StepMismatchError extends SettingsError {}

/** The regressors (e.g. Fourier terms) are collinear on this series, so no regression can be fitted. */
export class CollinearRegressorsError extends ModelError {}
