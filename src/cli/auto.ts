/** `auto`: selects a SARIMA model automatically (season, differencing, orders) and forecasts it. */
import { autoForecast } from '../model/autoForecast';
import type { TransformSetting } from '../model/seriesTransform';
import { parseOptions } from './args';
import { BATCH_HELP } from './batch';
import { CliCommand } from './command';
import { explainDegenerate } from './degenerate';
import { UsageError } from './errors';
import { readModelSeries } from './input';
import { MAX_SEASON_STEPS, parseCount } from './limits';
import { COMMON_OPTIONS, commonOptions } from './options';
import { defaultHorizon, modelJson, specJson } from './output';

const USAGE = `usage: tidemark auto --input FILE [options]
  --season auto|m      season length in steps, 1 for none (default auto: detected)
  --horizon H          forecast steps (default 2·m, or 10 without a season)
  --level L[,L]        interval levels in percent (default 80,95)
  --step DURATION      grid step, e.g. 300, 5m, 1h (default: median spacing)
  --method M           method of the final fit: CSS-ML (default), ML or CSS
  --transform T        none (default), auto, log or a Box-Cox λ; forecasts of a series with no
                       negative value stay ≥ 0
  --no-calibration     model bands as they are (default: calibrated by in-sample multi-step errors)
${BATCH_HELP}`;

/** The `auto` command: the chosen model in the `fit` shape plus `selection` and `candidates`. */
export const autoCommand: CliCommand = {
  summary: 'select a SARIMA model automatically and forecast it',
  usage: USAGE,
  batchOutput: 'json',
  async run(args, io) {
    const options = parseOptions(args, {
      ...COMMON_OPTIONS,
      season: 'string',
      transform: 'string',
      'no-calibration': 'boolean',
    });
    const common = commonOptions(options);
    const season = typeof options.season === 'string' ? options.season : 'auto';
    const period = season === 'auto' ? 'auto' : parseCount(season, 'season', 1, MAX_SEASON_STEPS, 'auto');
    const input = await readModelSeries(io, common.input, common.stepMs);
    const transform = parseTransform(typeof options.transform === 'string' ? options.transform : 'none');
    const outcome = explainDegenerate(input.series.values, () =>
      autoForecast(input.series.values, {
        period,
        stepMs: input.series.stepMs,
        method: common.method,
        transform,
        calibrate: options['no-calibration'] !== true,
        horizon: (auto) => common.horizon ?? defaultHorizon(auto.model.spec),
        levelsPct: common.levelsPct,
      })
    );
    const result = outcome.auto;
    const horizon = outcome.forecast.mean.length;
    const model = modelJson(result.model, input, horizon, common.levelsPct, outcome.forecast);
    const output = {
      ...model,
      selection: {
        strategy: result.strategy,
        periods: result.periods,
        d: result.d,
        D: result.D,
        approximation: result.approximation,
        notes: result.notes,
        transform: { setting: outcome.transform.setting, lambda: outcome.transform.lambda },
        nonNegative: outcome.transform.nonNegative,
        calibration: outcome.calibration,
        chosen: outcome.chosen,
        benchmarkScores: outcome.scores,
        season: result.season
          ? { period: result.season.period, strength: result.season.strength, periods: result.season.periods }
          : null,
      },
      candidates: result.candidates.map((c) => ({
        ...specJson(c.spec),
        aicc: c.aicc,
        method: c.method,
        ...(c.error ? { error: c.error } : {}),
      })),
    };
    io.stdout(`${JSON.stringify(output)}\n`);
    return 0;
  },
};

function parseTransform(text: string): TransformSetting {
  if (text === 'auto' || text === 'none' || text === 'log') {
    return text;
  }
  const lambda = Number(text);
  if (text.trim() === '' || !Number.isFinite(lambda)) {
    throw new UsageError(`--transform must be auto, none, log or a number (Box-Cox λ), got "${text}"`);
  }
  return lambda;
}
