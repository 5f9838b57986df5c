/**
 * The model summary shown to analysts and stored in frame meta: orders, coefficients with standard errors
 * (named as R `arima` names them), information criteria and residual diagnostics.
 */
import type { AutoCandidate } from '../auto';
import type { SarimaCoefficients } from '../types';
import { describeSpec } from '../sarima';
import type { FitDiagnostics, MemoFit } from './fitMemo';
import type { ModelSummary } from './types';

/**
 * Coefficients as name/value/standard-error rows, R names: ar1…, ma1…, sar1…, sma1…, intercept, then the
 * Fourier terms as S<k>-<period>, C<k>-<period> (R `forecast::fourier`).
 */
export function namedCoefficients(
  values: SarimaCoefficients,
  errors: SarimaCoefficients,
  fourier: Array<{ period: number; harmonics: number }>,
  includeMean: boolean
): ModelSummary['coefficients'] {
  const rows: ModelSummary['coefficients'] = [];
  const add = (prefix: string, v: number[], se: number[]) =>
    v.forEach((value, i) => rows.push({ name: `${prefix}${i + 1}`, value, standardError: se[i] }));
  add('ar', values.ar, errors.ar);
  add('ma', values.ma, errors.ma);
  add('sar', values.sar, errors.sar);
  add('sma', values.sma, errors.sma);
  if (includeMean) {
    rows.push({ name: 'intercept', value: values.intercept, standardError: errors.intercept });
  }
  const fourierNames = fourier.flatMap((term) =>
    Array.from({ length: term.harmonics }, (_, k) => [`S${k + 1}-${term.period}`, `C${k + 1}-${term.period}`]).flat()
  );
  values.xreg.forEach((value, i) =>
    rows.push({ name: fourierNames[i] ?? `xreg${i + 1}`, value, standardError: errors.xreg[i] })
  );
  return rows;
}

/** Candidates of an automatic selection as label/AICc rows, best first. */
export function candidateRows(candidates: AutoCandidate[]): NonNullable<ModelSummary['candidates']> {
  return candidates.map((c) => ({
    label: describeSpec(c.spec),
    aicc: c.aicc,
    ...(c.error !== undefined ? { error: c.error } : {}),
  }));
}

/** Summary of the fit the series ended with. */
export function summarize(
  fit: MemoFit,
  diagnostics: FitDiagnostics,
  aggregation: number,
  candidates: AutoCandidate[] | undefined
): ModelSummary {
  const { model } = fit;
  const { spec } = model;
  return {
    order: { ...spec.order },
    seasonalOrder: { P: spec.seasonal.P, D: spec.seasonal.D, Q: spec.seasonal.Q },
    seasonalPeriod: spec.seasonal.period,
    fourier: (spec.fourier ?? []).map((f) => ({ ...f })),
    aggregation,
    coefficients: namedCoefficients(model.coefficients, model.standardErrors, spec.fourier ?? [], !!spec.includeMean),
    sigma2: model.sigma2,
    loglik: model.loglik,
    aic: model.aic,
    aicc: model.aicc,
    bic: model.bic,
    ljungBoxPValue: diagnostics.ljungBoxPValue,
    trainingCoverage: diagnostics.trainingCoverage,
    fitTimeMs: fit.fitTimeMs,
    trainingStartMs: fit.startMs,
    trainingEndMs: fit.endMs,
    refittedAtMs: fit.endMs,
    ...(candidates ? { candidates: candidateRows(candidates) } : {}),
  };
}
