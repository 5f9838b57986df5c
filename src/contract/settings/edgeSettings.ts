/**
 * Settings that exist at some edges only, each with the reason. Same entry format as `schema.ts`.
 */
import { Type } from '@sinclair/typebox';
import { MAX_HORIZON_STEPS } from '../../model/pipeline/settings';
import { autoOrDuration, duration, integer, isPositiveDuration, number, type SettingSpec } from './spec';

const spec = <S extends SettingSpec>(entry: S) => entry;
const TUNING = 'Detector tuning, CLI only: the data source and the service use the default (scored on NAB).';

/** A length of history at the CLI: a duration, or (no clock needed) a number of model points. */
function span(defaultValue: string, description: string) {
  return Type.Union([duration(defaultValue, description), Type.Integer({ minimum: 0 })], {
    default: defaultValue,
    description,
  });
}
const isPositiveSpan = (v: unknown) => (typeof v === 'number' ? v > 0 : isPositiveDuration(v as string));

/** Settings of one edge: the query's step and series limit, the detectors' step, the CLI's detector tuning. */
export const EDGE_SETTINGS = {
  resolution: spec({
    label: 'Resolution',
    schema: autoOrDuration('auto', 'Query step; auto makes one season about 24 points (1h for a daily season)'),
    unit: 'duration',
    expect: 'auto or a duration longer than 0, e.g. 1h',
    refine: (v: string) => v === 'auto' || isPositiveDuration(v),
    edges: ['query'],
    note: 'The detectors YAML calls its query step `step`.',
  }),
  step: spec({
    schema: duration('1h', 'Query step of a detector'),
    unit: 'duration',
    expect: 'a duration longer than 0, e.g. 1h',
    refine: isPositiveDuration,
    edges: ['yaml'],
    note: 'The query editor calls it `resolution`.',
  }),
  seriesLimit: spec({
    label: 'Series limit',
    schema: integer(20, 1, 500, 'Model at most this many series; the rest are named in a notice'),
    unit: 'series',
    expect: 'an integer from 1 to 500',
    edges: ['query'],
    note: 'The service bounds series by `limits.maxSeriesPerDetector`.',
    input: { min: 1, max: 500 },
  }),
  bucket: spec({
    schema: Type.Union([Type.Literal('none'), duration('1h', '')], {
      default: '1h',
      description: 'Aggregate finer data into bucket means (none = native step)',
    }),
    unit: 'duration',
    expect: 'none or a duration longer than 0, e.g. 1h',
    refine: (v: string) => v === 'none' || isPositiveDuration(v),
    edges: ['cli'],
    note: 'The pipeline chooses the bucket from the step (a daily season of at most 288 steps).',
    cli: { flag: 'bucket', metavar: 'DURATION|none', parse: 'text' },
  }),
  minTrain: spec({
    schema: span('3d', 'Data needed before the first fit'),
    unit: 'duration',
    expect: 'a number of points or a duration longer than 0, e.g. 3d',
    refine: isPositiveSpan,
    edges: ['cli'],
    note: 'The pipeline waits for the training window when the data has it.',
    cli: { flag: 'min-train', metavar: 'SPAN', parse: 'span' },
  }),
  leadSteps: spec({
    schema: integer(1, 1, MAX_HORIZON_STEPS, 'Bands and scores from predictions made this many steps earlier'),
    unit: 'steps',
    expect: `an integer from 1 to ${MAX_HORIZON_STEPS}`,
    edges: ['cli'],
    note: `${TUNING} The flag keeps its old name --horizon.`,
    cli: { flag: 'horizon', metavar: 'STEPS', parse: 'number' },
  }),
  minScore: spec({
    schema: number(4, 0, 1000, 'Robust |score| a point needs besides leaving the band'),
    unit: 'σ',
    expect: 'a number from 0 to 1000',
    edges: ['cli'],
    note: TUNING,
    cli: { flag: 'min-score', metavar: 'Z', parse: 'number' },
  }),
  sustainWindow: spec({
    schema: span('6h', 'Longest window of the sustained-deviation test (0 = off)'),
    unit: 'duration',
    expect: 'a number of points or a duration, e.g. 6h (0 = off)',
    edges: ['cli'],
    note: TUNING,
    cli: { flag: 'sustain-window', metavar: 'SPAN', parse: 'span' },
  }),
  sustainScore: spec({
    schema: number(5, 0, 1000, 'Threshold of the sustained-deviation test'),
    unit: 'σ',
    expect: 'a number from 0 to 1000',
    edges: ['cli'],
    note: TUNING,
    cli: { flag: 'sustain-score', metavar: 'Z', parse: 'number' },
  }),
  scaleWindow: spec({
    schema: span('14d', 'Prediction errors used for the robust scale of the score'),
    unit: 'duration',
    expect: 'a number of points or a duration longer than 0, e.g. 14d',
    refine: isPositiveSpan,
    edges: ['cli'],
    note: TUNING,
    cli: { flag: 'scale-window', metavar: 'SPAN', parse: 'span' },
  }),
  maxReplace: spec({
    schema: span('6h', 'Longest run of anomalous points replaced by their prediction (0 = none)'),
    unit: 'duration',
    expect: 'a number of points or a duration, e.g. 6h (0 = none)',
    edges: ['cli'],
    note: TUNING,
    cli: { flag: 'max-replace', metavar: 'SPAN', parse: 'span' },
  }),
  gapSuppress: spec({
    schema: span('6h', 'No alerts this long after missing data, unless gaps are routine for the series (0 = none)'),
    unit: 'duration',
    expect: 'a number of points or a duration, e.g. 6h (0 = none)',
    edges: ['cli'],
    note: TUNING,
    cli: { flag: 'gap-suppress', metavar: 'SPAN', parse: 'span' },
  }),
} as const;
