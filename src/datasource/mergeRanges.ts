/**
 * Joins the series of a query's upstream ranges (training window at the model step, recent part at the output
 * step) into one pipeline input per series: the mixed grid `SeriesInput.coarse` describes.
 */
import type { SeriesInput } from '../contract/fit';
import { joinKey, joinSamples } from '../model/pipeline/fetchPlan';

/**
 * One input per series, in order of first appearance (recent part first); the parts of a series are paired by their
 * labels apart from the metric name ({@link joinKey}), the recent part's key and labels kept. A series present in
 * both parts keeps its coarse samples before `fineFromMs` and its fine samples from `fineFromMs` on; a series present
 * in one part only is that part alone. Every input finer than `modelStepMs` carries `coarse`, so the pipeline fits it
 * on the model grid whether or not it had coarse samples.
 */
export function mergeRanges(
  coarse: SeriesInput[],
  fine: SeriesInput[],
  fineFromMs: number,
  modelStepMs: number
): SeriesInput[] {
  const coarseByKey = new Map(coarse.map((s) => [joinKey(s.labels), s]));
  const merged = fine.map((recent) => {
    const history = coarseByKey.get(joinKey(recent.labels));
    coarseByKey.delete(joinKey(recent.labels));
    return history ? joinParts(history, recent, fineFromMs) : recent;
  });
  return [...merged, ...coarseByKey.values()].map((s) =>
    s.coarse === undefined && s.stepMs < modelStepMs && modelStepMs % s.stepMs === 0
      ? { ...s, coarse: { stepMs: modelStepMs, untilMs: fineFromMs } }
      : s
  );
}

function joinParts(history: SeriesInput, recent: SeriesInput, fineFromMs: number): SeriesInput {
  const joined: SeriesInput = {
    key: recent.key,
    labels: recent.labels,
    ...joinSamples(history, recent, fineFromMs),
    stepMs: recent.stepMs,
  };
  // Prometheus may answer the recent part at the coarse step already (its own point limit): then one grid.
  return history.stepMs > recent.stepMs
    ? { ...joined, coarse: { stepMs: history.stepMs, untilMs: fineFromMs } }
    : joined;
}
