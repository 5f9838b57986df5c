/** Reads the model summaries of the last query's frames and formats them for the analyst's diagnostics view. */
import type { DataFrame } from '@grafana/data';
import type { ModelSummary } from '../contract/fit';
import type { TidemarkFrameMeta } from '../contract/frame';

export interface SeriesDiagnostics {
  seriesKey: string;
  model: ModelSummary;
}

function isTidemarkMeta(value: unknown): value is TidemarkFrameMeta {
  return typeof value === 'object' && value !== null && 'tidemark' in value && 'seriesKey' in value;
}

function isModelSummary(value: unknown): value is ModelSummary {
  return typeof value === 'object' && value !== null && 'order' in value && 'coefficients' in value;
}

/** Fitted series of one query (by refId), in frame order; failed series and foreign frames are skipped. */
export function diagnosticsFromFrames(frames: DataFrame[] | undefined, refId: string): SeriesDiagnostics[] {
  return (frames ?? []).flatMap((frame) => {
    const custom = frame.meta?.custom;
    if (frame.refId !== refId || !isTidemarkMeta(custom) || !isModelSummary(custom.model)) {
      return [];
    }
    return [{ seriesKey: custom.seriesKey, model: custom.model }];
  });
}

/** `SARIMA(1,0,1)(0,1,1)[24] + Fourier[168]×3`, with `÷4` when the data was aggregated by 4 first. */
export function modelLabel(model: ModelSummary): string {
  const { order: o, seasonalOrder: s, seasonalPeriod } = model;
  const seasonal = seasonalPeriod > 1 ? `(${s.P},${s.D},${s.Q})[${seasonalPeriod}]` : '';
  const fourier = model.fourier.map((f) => ` + Fourier[${f.period}]×${f.harmonics}`).join('');
  const aggregation = model.aggregation > 1 ? ` on data aggregated ÷${model.aggregation}` : '';
  return `SARIMA(${o.p},${o.d},${o.q})${seasonal}${fourier}${aggregation}`;
}

/** Numbers for a table cell: 4 significant digits, `—` for missing or non-finite values. */
export function formatStat(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return '—';
  }
  return Math.abs(value) >= 1e5 || (value !== 0 && Math.abs(value) < 1e-3)
    ? value.toExponential(3)
    : String(Number(value.toPrecision(4)));
}

/** `2024-05-01 12:00` (UTC) for training ranges and refit times. */
export function formatTimeMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

/** Summary rows shown for every series: label → value. */
export function summaryRows(model: ModelSummary): Array<[string, string]> {
  return [
    ['AICc', formatStat(model.aicc)],
    ['σ²', formatStat(model.sigma2)],
    ['Ljung–Box p', formatStat(model.ljungBoxPValue)],
    ['Training points inside the band', `${(model.trainingCoverage * 100).toFixed(1)}%`],
    ['Training range (UTC)', `${formatTimeMs(model.trainingStartMs)} – ${formatTimeMs(model.trainingEndMs)}`],
    ['Refitted at (UTC)', formatTimeMs(model.refittedAtMs)],
    ['Fit time', `${Math.round(model.fitTimeMs)} ms`],
  ];
}
