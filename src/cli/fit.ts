/** `fit`: fits one SARIMA model of a given order to a CSV series and forecasts it. */
import { fitSarima } from '../model/sarima';
import { FourierTerm, SarimaSpec } from '../model/types';
import { parseIntegers, parseOptions, ParsedOptions } from './args';
import { BATCH_HELP } from './batch';
import { CliCommand } from './command';
import { explainDegenerate } from './degenerate';
import { UsageError } from './errors';
import { readModelSeries } from './input';
import { MAX_SEASON_STEPS } from './limits';
import { COMMON_OPTIONS, commonOptions } from './options';
import { defaultHorizon, modelJson } from './output';

const USAGE = `usage: tidemark fit --input FILE --order p,d,q [options]
  --seasonal P,D,Q,m   seasonal order and period in steps
  --fourier m:K[,m:K]  Fourier regressors: period m with K harmonics
  --no-mean            do not estimate a mean (default: estimate it when d + D = 0)
  --horizon H          forecast steps (default 2·m, or 10 without a season)
  --level L[,L]        interval levels in percent (default 80,95)
  --step DURATION      grid step, e.g. 300, 5m, 1h (default: median spacing)
  --method M           CSS-ML (default), ML or CSS
${BATCH_HELP}`;

/** The `fit` command. */
export const fitCommand: CliCommand = {
  summary: 'fit a SARIMA model of a given order and forecast it',
  usage: USAGE,
  batchOutput: 'json',
  async run(args, io) {
    const options = parseOptions(args, {
      ...COMMON_OPTIONS,
      order: 'string',
      seasonal: 'string',
      fourier: 'string',
      'no-mean': 'boolean',
    });
    const common = commonOptions(options);
    const spec = specFromOptions(options);
    const input = await readModelSeries(io, common.input, common.stepMs);
    const model = explainDegenerate(input.series.values, () =>
      fitSarima(input.series.values, spec, { method: common.method })
    );
    const result = modelJson(model, input, common.horizon ?? defaultHorizon(model.spec), common.levelsPct);
    io.stdout(`${JSON.stringify(result)}\n`);
    return 0;
  },
};

function specFromOptions(options: ParsedOptions): SarimaSpec {
  if (typeof options.order !== 'string') {
    throw new UsageError('missing required option --order (p,d,q)');
  }
  const [p, d, q] = parseIntegers(options.order, 3, 'order', 'p,d,q');
  const [P, D, Q, period] =
    typeof options.seasonal === 'string' ? parseIntegers(options.seasonal, 4, 'seasonal', 'P,D,Q,m') : [0, 0, 0, 1];
  if (period > MAX_SEASON_STEPS) {
    throw new UsageError(`--seasonal period m must be at most ${MAX_SEASON_STEPS} steps, got ${period}`);
  }
  return {
    order: { p, d, q },
    seasonal: { P, D, Q, period },
    includeMean: options['no-mean'] ? false : undefined,
    fourier: typeof options.fourier === 'string' ? parseFourier(options.fourier) : [],
  };
}

function parseFourier(text: string): FourierTerm[] {
  return text.split(',').map((part) => {
    const m = /^\s*(\d+):(\d+)\s*$/.exec(part);
    if (!m || Number(m[1]) < 2 || Number(m[2]) < 1) {
      throw new UsageError(`--fourier must be period:harmonics pairs such as 288:5,2016:3; got "${text}"`);
    }
    return { period: Number(m[1]), harmonics: Number(m[2]) };
  });
}
