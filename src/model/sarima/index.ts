/** Public API of the SARIMA engine. */

export { attachFilterState, fitSarima, fitWithoutState } from './fit';
export type { FitOptions, SarimaFit, SarimaModel } from './fit';
export { absorb, cloneState, predictNext, runFilter } from './filter';
export type { FilterRun, FilterState, OneStep } from './filter';
export { DEFAULT_LEVELS_PCT, forecastSarima } from './forecast';
export { seededNormal, seededUniform, simulateSarima } from './simulate';
export type { SimulateOptions } from './simulate';
export { describeSpec, minimumLength } from './validate';
