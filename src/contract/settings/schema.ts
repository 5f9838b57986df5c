/**
 * The one definition of every user-facing setting: name, value schema (TypeBox, hence TypeScript types and JSON
 * Schema), unit, default, range and a one-line description, plus where each can be set. The query model, the
 * fit API, the service's detectors YAML, the CLI flags and service/README.md's table are all derived from
 * {@link SETTINGS}; adding a setting = one entry here + the code that uses it (see /work/coord/schema.md).
 *
 * Defaults are the detector's one configuration scored on NAB (`DEFAULT_DETECTOR_CONFIG`) with a one-day forecast:
 * SARIMA(1,0,1)(0,1,1)[auto season] fitted by CSS on the trailing 28 days, refitted daily, 95%/99% bands, onset
 * alerts with a two-day hold-off. The same for the browser, the service and the CLI.
 */
import { Type } from '@sinclair/typebox';
import {
  ALL_EDGES,
  autoOrDuration,
  autoOrTriple,
  duration,
  integer,
  isPositiveDuration,
  type SettingSpec,
} from './spec';

const spec = <S extends SettingSpec>(entry: S) => entry;
const NO_CLOCK = 'CLI also takes a bare number of model steps (its input need not be evenly timed).';

/** Settings shared by every edge: the model and its anomaly rules. */
export const SHARED_SETTINGS = {
  season: spec({
    label: 'Season',
    schema: autoOrDuration('auto', 'Season length; auto: a day, or a week when three weeks show a weekly season'),
    unit: 'duration',
    expect: 'auto or a duration longer than 0, e.g. 1d',
    refine: (v: string) => v === 'auto' || isPositiveDuration(v),
    edges: ALL_EDGES,
    note: `${NO_CLOCK} YAML: a bare number (the old form) is that many \`step\`s.`,
    cli: { flag: 'season', metavar: 'auto|DURATION|STEPS', parse: 'span' },
  }),
  order: spec({
    label: 'Order (p, d, q)',
    schema: autoOrTriple({ p: 5, d: 2, q: 5 }, { p: 1, d: 0, q: 1 }, 'Non-seasonal ARIMA order, or auto (stepwise)'),
    unit: '',
    expect: 'auto or p, d, q with p, q in 0..5 and d in 0..2',
    edges: ALL_EDGES,
    note: 'YAML: a list [p, d, q]. CLI: P,D,Q; the CLI detector needs explicit orders (no auto).',
    cli: { flag: 'order', metavar: 'P,D,Q', parse: 'triple' },
  }),
  seasonalOrder: spec({
    label: 'Seasonal (P, D, Q)',
    schema: autoOrTriple({ P: 2, D: 1, Q: 2 }, { P: 0, D: 1, Q: 1 }, 'Seasonal order without the period, or auto'),
    unit: '',
    expect: 'auto or P, D, Q with P, Q in 0..2 and D in 0..1',
    edges: ALL_EDGES,
    note: 'YAML: a list [P, D, Q]. CLI: P,D,Q (no auto).',
    cli: { flag: 'seasonal', metavar: 'P,D,Q', parse: 'triple' },
  }),
  levelsPct: spec({
    label: 'Band levels (%)',
    schema: Type.Tuple([Type.Number(), Type.Number()], {
      default: [95, 99],
      description: 'Weak and strong prediction-interval levels',
    }),
    unit: '%',
    expect: '[weak, strong] with 0 < weak < strong < 100',
    refine: ([weak, strong]: [number, number]) => weak > 0 && weak < strong && strong < 100,
    edges: ALL_EDGES,
    yamlKey: 'levels',
    cli: { flag: 'levels', metavar: 'WEAK,STRONG', parse: 'pair' },
    input: { min: 0.5, max: 99.9, step: 0.5 },
  }),
  minConsecutive: spec({
    label: 'Min consecutive',
    schema: integer(1, 1, 1000, 'Out-of-band points in a row before an anomaly is raised'),
    unit: 'points',
    expect: 'an integer from 1 to 1000',
    edges: ALL_EDGES,
    yamlKey: 'anomaly.minConsecutive',
    cli: { flag: 'min-consecutive', metavar: 'N', parse: 'number' },
    input: { min: 1, max: 1000 },
  }),
  onsetOnly: spec({
    label: 'Onset only',
    schema: Type.Boolean({ default: true, description: 'Flag only the first point of each anomalous run' }),
    unit: '',
    expect: 'true or false',
    edges: ALL_EDGES,
    yamlKey: 'anomaly.onsetOnly',
    note: 'CLI: --all-points sets it to false.',
  }),
  holdOff: spec({
    label: 'Hold-off',
    schema: duration(
      '2d',
      'After an anomaly starts, no new one for this long, unless 3× as strong, or new after 8 quiet hours on a series with no other alert that week; then for as long again, a new one needs a share of the last alert’s strength that falls from half to none (0s = none). An activity-stopped alert has its own hold-off: a stop pages even inside a spike’s hold-off, unless the stop itself already paged'
    ),
    unit: 'duration',
    expect: 'a duration, e.g. 2d (0s = none)',
    edges: ALL_EDGES,
    yamlKey: 'anomaly.holdOff',
    cli: { flag: 'hold-off', metavar: 'DURATION', parse: 'text' },
  }),
  refitEvery: spec({
    label: 'Refit every',
    schema: duration('1d', 'Refit after this much new data; in between, only new points are filtered'),
    unit: 'duration',
    expect: 'a duration longer than 0, e.g. 1d',
    refine: isPositiveDuration,
    edges: ALL_EDGES,
    note: NO_CLOCK,
    cli: { flag: 'refit-every', metavar: 'SPAN', parse: 'span' },
  }),
  trainingWindow: spec({
    label: 'Training window',
    schema: duration('28d', 'Trailing history a model is fitted on'),
    unit: 'duration',
    expect: 'a duration longer than 0, e.g. 28d',
    refine: isPositiveDuration,
    edges: ALL_EDGES,
    note: `Query: also a number of seasons. ${NO_CLOCK}`,
    cli: { flag: 'train-window', metavar: 'SPAN', parse: 'span' },
  }),
  horizon: spec({
    label: 'Forecast horizon',
    schema: duration('1d', 'Forecast past the last observation (0s = none)'),
    unit: 'duration',
    expect: 'a duration, e.g. 1d (0s = none)',
    edges: ['query', 'yaml', 'fit'],
    note: 'Not in the CLI detector, which scores one-step-ahead predictions (see leadSteps).',
  }),
  sensitivity: spec({
    label: 'Sensitivity',
    schema: Type.Union(
      [Type.Literal('low'), Type.Literal('medium'), Type.Literal('high'), Type.Number({ exclusiveMinimum: 0 })],
      {
        default: 'medium',
        description:
          'How unusual a point must be to count: low = 5.25, medium = 4.2, high = 3.15 typical errors, or that number',
      }
    ),
    unit: '',
    expect: 'low, medium, high or a number of typical errors above 0',
    edges: ALL_EDGES,
    yamlKey: 'anomaly.sensitivity',
    cli: { flag: 'sensitivity', metavar: 'low|medium|high|Z', parse: 'numberOrText' },
  }),
  direction: spec({
    label: 'Direction',
    schema: Type.Union([Type.Literal('both'), Type.Literal('above'), Type.Literal('below')], {
      default: 'both',
      description: 'Which deviations are flagged: above the expected range, below it, or both',
    }),
    unit: '',
    expect: 'both, above or below',
    edges: ALL_EDGES,
    yamlKey: 'anomaly.direction',
    cli: { flag: 'direction', metavar: 'both|above|below', parse: 'text' },
  }),
  transform: spec({
    label: 'Transform',
    schema: Type.Union(
      [Type.Literal('none'), Type.Literal('auto'), Type.Literal('log'), Type.Number({ minimum: -1, maximum: 2 })],
      {
        default: 'none',
        description:
          'Box-Cox transform of the forecast model: none, log, auto (Guerrero λ in [0, 1] for a series ≥ 0) or a λ',
      }
    ),
    unit: '',
    expect: 'none, auto, log or a Box-Cox λ from -1 to 2',
    edges: ['query', 'yaml', 'fit'],
    note: 'Forecasts and their bands only (the anomaly bands stay untransformed). CLI: `auto --transform`.',
  }),
  method: spec({
    label: 'Method',
    schema: Type.Union([Type.Literal('CSS'), Type.Literal('ML'), Type.Literal('CSS-ML')], {
      default: 'CSS',
      description: 'Estimation method: conditional sum of squares, exact likelihood, or CSS then ML',
    }),
    unit: '',
    expect: 'CSS, ML or CSS-ML',
    edges: ALL_EDGES,
    cli: { flag: 'method', metavar: 'CSS|ML|CSS-ML', parse: 'text' },
  }),
} as const;
