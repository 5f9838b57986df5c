/** `auto`: selects a SARIMA model automatically (season, differencing, orders) and forecasts it. */
import { autoSarima } from '../model/auto';
import { parseOptions } from './args';
import { CliCommand } from './command';
import { explainDegenerate } from './degenerate';
import { readModelSeries } from './input';
import { MAX_SEASON_STEPS, parseCount } from './limits';
import { COMMON_OPTIONS, commonOptions } from './options';
import { defaultHorizon, modelJson, specJson } from './output';

const USAGE = `usage: tidemark auto --input FILE [options]
  --season auto|m      season length in steps, 1 for none (default auto: detected)
  --horizon H          forecast steps (default 2·m, or 10 without a season)
  --level L[,L]        interval levels in percent (default 80,95)
  --step DURATION      grid step, e.g. 300, 5m, 1h (default: median spacing)
  --method M           method of the final fit: CSS-ML (default), ML or CSS`;

/** The `auto` command: the chosen model in the `fit` shape plus `selection` and `candidates`. */
export const autoCommand: CliCommand = {
  summary: 'select a SARIMA model automatically and forecast it',
  usage: USAGE,
  async run(args, io) {
    const options = parseOptions(args, { ...COMMON_OPTIONS, season: 'string' });
    const common = commonOptions(options);
    const season = typeof options.season === 'string' ? options.season : 'auto';
    const period = season === 'auto' ? 'auto' : parseCount(season, 'season', 1, MAX_SEASON_STEPS, 'auto');
    const input = await readModelSeries(io, common.input, common.stepMs);
    const result = explainDegenerate(input.series.values, () =>
      autoSarima(input.series.values, { period, stepMs: input.series.stepMs, method: common.method })
    );
    const model = modelJson(result.model, input, common.horizon ?? defaultHorizon(result.model.spec), common.levelsPct);
    const output = {
      ...model,
      selection: {
        strategy: result.strategy,
        periods: result.periods,
        d: result.d,
        D: result.D,
        approximation: result.approximation,
        notes: result.notes,
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
