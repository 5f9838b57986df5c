/**
 * Command-line options of the detector, shared by `backtest` and `eval`: `--name value` or `--name=value`.
 */
import { UsageError } from './errors';
import { DEFAULT_DETECTOR_CONFIG, parseSpan, type DetectorConfig } from '../model/detect/config';

/** Help text for the detector options. */
export const DETECTOR_OPTIONS_HELP = `Detector options (defaults = the one generic configuration):
  --bucket DURATION|none     aggregate finer data into bucket means (default 1h)
  --season auto|M            season length in model steps (auto: a day, or a week when detected)
  --order P,D,Q              non-seasonal order (default 1,0,1)
  --seasonal P,D,Q           seasonal order (default 0,1,1)
  --train-window SPAN        trailing training window, points or duration (default 28d)
  --min-train SPAN           data needed before the first fit (default 3d)
  --refit-every SPAN         refit schedule (default 1d)
  --horizon STEPS            predictions made this many steps ahead (default 1)
  --levels WEAK,STRONG       band levels in % (default 95,99)
  --min-score Z              robust |score| needed besides leaving the band (default 4)
  --sustain-window SPAN      moving-sum window of the sustained-deviation test (default 6h; 0 = off)
  --sustain-score Z          its threshold (default 5)
  --scale-window SPAN        errors used for the robust scale (default 14d)
  --min-consecutive N        out-of-band points before an alert (default 1)
  --all-points               alert on every anomalous point instead of onsets only
  --hold-off DURATION        no new onset within this time (default 2d)
  --max-replace SPAN         longest run of anomalous points replaced by predictions (default 6h)
  --gap-suppress SPAN        no alerts this long after missing data (default 6h)
  --method CSS-ML|ML|CSS     estimation method (default CSS)
SPAN: a number of points, or a duration with unit s, m, h, d or w (Prometheus style).`;

/** Parsed command line: detector config, the remaining named options and bare flags. */
export interface ParsedArgs {
  config: DetectorConfig;
  options: Map<string, string>;
  flags: Set<string>;
}

const BOOLEAN_FLAGS = new Set(['all-points', 'json', 'help']);

function triple(text: string, what: string): [number, number, number] {
  const parts = text.split(',').map((s) => Number(s.trim()));
  if (parts.length !== 3 || parts.some((x) => !Number.isInteger(x) || x < 0)) {
    throw new UsageError(`--${what} expects three non-negative integers like 1,0,1, got "${text}"`);
  }
  return [parts[0], parts[1], parts[2]];
}

function positive(text: string, what: string): number {
  const x = Number(text);
  if (!Number.isFinite(x) || x <= 0) {
    throw new UsageError(`--${what} expects a positive number, got "${text}"`);
  }
  return x;
}

function durationMs(text: string, what: string): number {
  const span = parseSpan(text);
  if (!('ms' in span)) {
    throw new UsageError(`--${what} expects a duration like 6h, got "${text}"`);
  }
  return span.ms;
}

type Setter = (c: DetectorConfig, v: string) => void;

const SETTERS: Record<string, Setter> = {
  bucket: (c, v) => (c.bucketMs = v === 'none' ? 0 : durationMs(v, 'bucket')),
  season: (c, v) => (c.season = v === 'auto' ? 'auto' : Math.round(positive(v, 'season'))),
  order: (c, v) => {
    const [p, d, q] = triple(v, 'order');
    c.order = { p, d, q };
  },
  seasonal: (c, v) => {
    const [P, D, Q] = triple(v, 'seasonal');
    c.seasonalOrder = { P, D, Q };
  },
  'train-window': (c, v) => (c.trainWindow = parseSpan(v)),
  'min-train': (c, v) => (c.minTrain = parseSpan(v)),
  'refit-every': (c, v) => (c.refitEvery = parseSpan(v)),
  horizon: (c, v) => (c.horizonSteps = Math.round(positive(v, 'horizon'))),
  levels: (c, v) => {
    const [weak, strong] = v.split(',').map((s) => positive(s, 'levels'));
    if (!(weak < strong && strong < 100)) {
      throw new UsageError(`--levels expects WEAK,STRONG with WEAK < STRONG < 100, got "${v}"`);
    }
    c.levelsPct = [weak, strong];
  },
  'min-score': (c, v) => (c.minScore = positive(v, 'min-score')),
  'sustain-window': (c, v) => (c.sustainWindow = v === '0' ? { points: 0 } : parseSpan(v)),
  'sustain-score': (c, v) => (c.sustainScore = positive(v, 'sustain-score')),
  'scale-window': (c, v) => (c.scaleWindow = parseSpan(v)),
  'min-consecutive': (c, v) => (c.rules = { ...c.rules, minConsecutive: Math.round(positive(v, 'min-consecutive')) }),
  'hold-off': (c, v) => (c.rules = { ...c.rules, holdOffMs: v === '0' ? 0 : durationMs(v, 'hold-off') }),
  'max-replace': (c, v) => (c.maxReplace = v === '0' ? { points: 0 } : parseSpan(v)),
  'gap-suppress': (c, v) => (c.gapSuppress = v === '0' ? { points: 0 } : parseSpan(v)),
  method: (c, v) => {
    if (v !== 'CSS-ML' && v !== 'ML' && v !== 'CSS') {
      throw new UsageError(`--method expects CSS-ML, ML or CSS, got "${v}"`);
    }
    c.method = v;
  },
};

/**
 * Parse `argv` (without the command name). Detector options go into `config`; other `--name value` pairs into
 * `options`; `--json`, `--all-points`, `--help` into `flags`. Throws an Error naming the bad option.
 */
export function parseDetectorArgs(argv: readonly string[], known: readonly string[]): ParsedArgs {
  const config: DetectorConfig = { ...DEFAULT_DETECTOR_CONFIG, rules: { ...DEFAULT_DETECTOR_CONFIG.rules } };
  const options = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      throw new UsageError(`unexpected argument "${arg}"`);
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    if (BOOLEAN_FLAGS.has(name)) {
      flags.add(name);
      if (name === 'all-points') {
        config.rules = { ...config.rules, onsetOnly: false };
      }
      continue;
    }
    const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined) {
      throw new UsageError(`--${name} needs a value`);
    }
    const set = SETTERS[name];
    if (set) {
      set(config, value);
    } else if (known.includes(name)) {
      options.set(name, value);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return { config, options, flags };
}
