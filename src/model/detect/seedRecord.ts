/**
 * The extremes a young series' record starts from (the seed of the fine point test's record, `fine.ts`).
 *
 * The record (`record.ts`) holds back a spike when the series has scored as high within the last week: such a
 * spike is routine for the series, or was paged for already. The seed stands in for that week before the first
 * model has scored anything, from the deviations of the warm-up days, which no model has judged and nobody was
 * paged for. There one extreme alone proves neither: a new pod's start-up burst, or a burst of tweets in a file's
 * first minutes, happens once, yet as the plain maximum it held back every smaller spike for a week (Twitter PFE:
 * 30.1 in the first 15 minutes, then 8.0 at most on any other day, and the first labelled anomaly at 8.3).
 * So the seed counts an extreme only when it was reached on two days: each deviation enters the record capped at
 * the second-largest of the daily maxima of the seed. That is the block-maxima view of extremes (Gumbel,
 * "Statistics of Extremes", 1958), one block per day so that a daily cycle is in every block, taking the second
 * order statistic of the block maxima so that a single block cannot set it (breakdown point one block; a burst
 * split by a block boundary is one block's, as the blocks' phase is arbitrary). A routine daily job reaches its
 * height every day and keeps it in the seed in full.
 */
import type { ErrorLog } from './errorScale';

/** Seeds of fewer days keep their plain maxima: one day cannot show an extreme twice. */
const MIN_SEED_DAYS = 2;

/**
 * |deviation| / `scale` of the last `keep` logged deviations, each capped at the second-largest daily maximum
 * (module comment). Days are counted back from the newest deviation in blocks of `dayPoints` grid indices; points
 * within half a day of the largest do not count for another day's maximum (one burst across a block boundary is
 * one extreme, not two).
 */
export function cappedSeed(deviations: ErrorLog, scale: number, keep: number, dayPoints: number): number[] {
  const values = deviations.value.slice(-keep).map((d) => Math.abs(d) / scale);
  const index = deviations.index.slice(-keep);
  if (values.length === 0 || !(dayPoints >= 1)) {
    return values;
  }
  const newest = index[index.length - 1];
  const dayOf = (k: number) => Math.floor((newest - index[k]) / dayPoints);
  const days = new Set(index.map((_, k) => dayOf(k)));
  if (days.size < MIN_SEED_DAYS) {
    return values;
  }
  const top = values.reduce((best, v, k) => (v > values[best] ? k : best), 0);
  const dailyMax = new Map<number, number>();
  values.forEach((v, k) => {
    if (dayOf(k) !== dayOf(top) && Math.abs(index[k] - index[top]) >= dayPoints / 2) {
      dailyMax.set(dayOf(k), Math.max(dailyMax.get(dayOf(k)) ?? 0, v));
    }
  });
  if (dailyMax.size === 0) {
    return values;
  }
  const cap = Math.max(...dailyMax.values());
  return values.map((v) => Math.min(v, cap));
}
