/**
 * Deterministic synthetic Tidemark frames (DataFrameDTO JSON, per src/contract/frame.ts) for the harness pages,
 * the screenshot tests and the render benchmark. Values follow a daily sine with seeded noise; the "model" is the
 * true mean with the true noise σ, so bands are exact normal quantiles and anomalies sit where they are injected.
 * Used by generateFixtures.ts (committed JSON under tests/fixtures/frames/; `syntheticAnalysis` also feeds the data
 * source's own frame conversion for the stock-panel fixture) and by the harness bench mode.
 */
import type { ModelSummary, SeriesAnalysis } from '../../src/contract/fit';
import { bandFieldName, FIELD, FRAME_CONTRACT_VERSION, TidemarkFrameMeta } from '../../src/contract/frame';
import { fakeSeriesAnalysis, type FakeModel } from '../../src/contract/testing/fakeAnalyzer';

/** Standard normal quantiles for the two band levels used here. */
const Z_BY_LEVEL: Record<number, number> = { 95: 1.959964, 99: 2.575829 };

export interface InjectedAnomaly {
  index: number;
  length: number;
  /** Offset in noise σ; between the two z values gives a weak anomaly, beyond the strong z a strong one. */
  sigmas: number;
}

export interface SyntheticSeriesSpec {
  key: string;
  labels: Record<string, string>;
  startMs: number;
  stepMs: number;
  /** Observed points; the horizon follows them. */
  points: number;
  horizon: number;
  periodSteps: number;
  level: number;
  amplitude: number;
  noiseSigma: number;
  seed: number;
  anomalies: InjectedAnomaly[];
}

/** The fields of a DataFrameDTO as `toDataFrame` reads them. */
export interface FieldDTO {
  name: string;
  type: 'time' | 'number';
  values: Array<number | null>;
  labels?: Record<string, string>;
  config?: Record<string, unknown>;
}

export interface FrameDTO {
  name?: string;
  refId: string;
  meta?: { custom?: Record<string, unknown> };
  fields: FieldDTO[];
}

/** Mulberry32: a small seeded PRNG, so fixtures are byte-identical on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

const round = (v: number) => Math.round(v * 1000) / 1000;

const [WEAK_PCT, STRONG_PCT] = [95, 99];

/**
 * One series as the pipeline would analyse it: history with injected anomalies, then a forecast horizon with
 * widening bands, through the shared fake analyzer with the generating model (the true mean and σ) as its "fit".
 */
export function syntheticAnalysis(spec: SyntheticSeriesSpec): SeriesAnalysis {
  const rand = prng(spec.seed);
  const offsets = new Map<number, number>();
  for (const a of spec.anomalies) {
    for (let i = a.index; i < a.index + a.length; i++) {
      offsets.set(i, a.sigmas);
    }
  }
  const indexOf = (timeMs: number) => Math.round((timeMs - spec.startMs) / spec.stepMs);
  const meanAt = (i: number) => spec.level + spec.amplitude * Math.sin((2 * Math.PI * i) / spec.periodSteps);
  const timesMs = Array.from({ length: spec.points }, (_, i) => spec.startMs + i * spec.stepMs);
  const values = timesMs.map((_, i) => {
    // Noise at 0.45 σ keeps chance flags rare (|z| > 1.96 needs a 4.4 σ draw); injected points get no noise so
    // their severity is exactly the one asked for.
    const noise = gaussian(rand) * spec.noiseSigma * 0.45;
    const offset = offsets.get(i);
    return offset === undefined ? meanAt(i) + noise : meanAt(i) + offset * spec.noiseSigma;
  });
  const model: FakeModel = {
    expected: (timeMs, inHorizon) => {
      const i = indexOf(timeMs);
      // Forecast uncertainty grows with the horizon step, as h-step prediction variance does.
      const growth = inHorizon ? Math.sqrt(1 + (i - spec.points + 1) / spec.periodSteps) : 1;
      return { mean: meanAt(i), sd: spec.noiseSigma * growth };
    },
    z: [Z_BY_LEVEL[WEAK_PCT], Z_BY_LEVEL[STRONG_PCT]],
    summary: generatingModel(spec),
    digits: 3,
  };
  const input = { key: spec.key, labels: spec.labels, timesMs, values, stepMs: spec.stepMs };
  return fakeSeriesAnalysis(input, spec.horizon, [WEAK_PCT, STRONG_PCT], model);
}

/** Summary of the generating model: white noise around a known seasonal mean (no coefficients were fitted). */
function generatingModel(spec: SyntheticSeriesSpec): ModelSummary {
  return {
    order: { p: 0, d: 0, q: 0 },
    seasonalOrder: { P: 0, D: 0, Q: 0 },
    seasonalPeriod: spec.periodSteps,
    fourier: [],
    aggregation: 1,
    coefficients: [],
    sigma2: spec.noiseSigma ** 2,
    loglik: 0,
    aic: 0,
    aicc: 0,
    bic: 0,
    ljungBoxPValue: 1,
    trainingCoverage: 1,
    fitTimeMs: 0,
    trainingStartMs: spec.startMs,
    trainingEndMs: spec.startMs + (spec.points - 1) * spec.stepMs,
    refittedAtMs: spec.startMs,
  };
}

/** One Tidemark frame as DataFrameDTO JSON with contract field names only (no field config). */
export function syntheticTidemarkFrame(spec: SyntheticSeriesSpec, refId = 'A'): FrameDTO {
  const { points, windows } = syntheticAnalysis(spec);
  const meta: TidemarkFrameMeta = {
    tidemark: FRAME_CONTRACT_VERSION,
    seriesKey: spec.key,
    levelsPct: [WEAK_PCT, STRONG_PCT],
    horizonStartMs: spec.horizon > 0 ? points.timesMs[spec.points] : undefined,
    windows,
  };
  const num = (name: string, values: Array<number | null>): FieldDTO => ({
    name,
    type: 'number',
    values,
    labels: spec.labels,
  });
  return {
    name: spec.key,
    refId,
    meta: { custom: meta as unknown as Record<string, unknown> },
    fields: [
      { name: FIELD.time, type: 'time', values: points.timesMs },
      { ...num(FIELD.actual, points.actual), config: { displayNameFromDS: spec.key } },
      { ...num(FIELD.forecast, points.forecast), config: { displayNameFromDS: `${spec.key} forecast` } },
      ...points.bands.flatMap((band) => [
        num(bandFieldName('lower', band.levelPct), band.lower),
        num(bandFieldName('upper', band.levelPct), band.upper),
      ]),
      num(FIELD.anomaly, points.anomaly),
      num(FIELD.score, points.score),
    ],
  };
}

/** A plain (non-Tidemark) frame, e.g. a Prometheus series on the same panel. */
export function plainFrame(key: string, startMs: number, stepMs: number, points: number, refId = 'B'): FrameDTO {
  const times = Array.from({ length: points }, (_, i) => startMs + i * stepMs);
  const values = times.map((_, i) => round(50 + 20 * Math.cos((2 * Math.PI * i) / 48)));
  return {
    refId,
    fields: [
      { name: 'Time', type: 'time', values: times },
      { name: 'Value', type: 'number', values, labels: { __name__: key } },
    ],
  };
}
