/** Options shared by the model commands: input, step, horizon, levels, method. */
import { FitOptions } from '../model/sarima';
import { parseDurationMs, parseLevels, ParsedOptions, requireString, OptionTable } from './args';
import { UsageError } from './errors';
import { MAX_HORIZON_STEPS, parseCount } from './limits';
import { METHODS } from './output';

/** Option table entries every model command accepts. */
export const COMMON_OPTIONS: OptionTable = {
  input: 'string',
  step: 'string',
  horizon: 'string',
  level: 'string',
  method: 'string',
};

/** Parsed common options. */
export interface CommonOptions {
  input: string;
  stepMs?: number;
  horizon?: number;
  levelsPct: number[];
  method?: NonNullable<FitOptions['method']>;
}

/** Reads the common options; `--level` defaults to 80,95. */
export function commonOptions(options: ParsedOptions): CommonOptions {
  const method = options.method as string | undefined;
  if (method !== undefined && !METHODS.includes(method as never)) {
    throw new UsageError(`--method must be one of ${METHODS.join(', ')}, got "${method}"`);
  }
  return {
    input: requireString(options, 'input'),
    stepMs: typeof options.step === 'string' ? parseDurationMs(options.step, 'step') : undefined,
    horizon:
      typeof options.horizon === 'string' ? parseCount(options.horizon, 'horizon', 1, MAX_HORIZON_STEPS) : undefined,
    levelsPct: typeof options.level === 'string' ? parseLevels(options.level) : [80, 95],
    method: method as CommonOptions['method'],
  };
}
