/**
 * Causal walk-forward detection ("backtest"): what a live detector would have flagged, point by point.
 *
 * At every point i the detector knows only the data up to i:
 * 1. Data finer than `bucketMs` is averaged into buckets labelled by their completion time (`aggregate.ts`).
 * 2. A SARIMA model is fitted on the trailing `trainWindow` of the cleaned series when the refit schedule
 *    says so (`refit.ts`); between refits the fitted model only filters new points (Kalman update, no
 *    re-estimation), as a live system would do between scheduled fits.
 * 3. Prediction of y_i from the filter state (one-step, or `horizonSteps` ahead), bands at the two levels
 *    from the model's prediction variance (R `predict.Arima` intervals), and the score z = e/(s·r): e the
 *    prediction error, r = √(v/σ²) the model's own inflation of it (1 in steady state, more for longer
 *    horizons), s the robust scale of recent errors e/r at this hour of the day, widened on days of the week
 *    whose errors are wider (`errorScale.ts`). The MAD scale follows the NAB prototype's finding that a
 *    Gaussian σ fitted on spiky data is a poor yardstick.
 * 4. A point is anomalous when it leaves the weak band with |z| ≥ `minScore` (a spike; its level is the band
 *    it leaves), or when a moving sum of recent scores reaches `sustainScore` (a drift or a run, `mosum.ts`;
 *    level ≥ 1). Both tests are calibrated per series (`record.ts`): the spike must also beat every |z| of the
 *    last `recordWindow` (at the native step; older ones fading out over `recordFade`), the moving sum every
 *    moving sum of that window. It is not flagged after a data gap (`gapSuppress`; unless gaps are routine for
 *    the series, `gapRuns.ts`) nor when it is an echo (below).
 *    Alert hygiene then turns levels into alerts (`hygiene.ts`).
 * 5. Spikes are absorbed as their one-step prediction, for at most `maxReplace` consecutive points, and enter
 *    the next fit as such: a spike does not widen tomorrow's band, while a lasting shift is followed again
 *    after the cap and re-learned at the next refit. Recurring spikes (at least `maxReplace` in the last
 *    four days) are absorbed as observed, so that the model learns them (`spikeBudget.ts`). Missing points are
 *    imputed the same way.
 * 6. Anomalous values that were absorbed as observed sit in the model's seasonal lag; a season later they
 *    return as errors of the opposite sign. Such echoes are not flagged (`isEcho`).
 * 7. Before the first fit, points are judged against the series' own level so far (`warmup.ts`).
 * 8. An intermittent series whose bursts (or a busy series whose idle dips) stop pages when the pause is longer than
 *    its own record pause (`silence.ts`), unless the other tests already paged in the pause; these alerts pass the
 *    same alert rules with their own memory (`addSilenceAlerts`).
 */
import {
  absorb,
  cloneState,
  forecastSarima,
  predictNext,
  type FilterState,
  type OneStep,
  type SarimaModel,
} from '../sarima';
import type { RegularSeries } from '../series';
import { aggregateSeries } from './aggregate';
import { beatsRecord, pushRecord, recordMax } from './record';
import { bucketBar, pushBucketScore } from './bucketLikelihood';
import { followExcursion, spreadExtent, startExcursion } from './excursion';
import { logMissing, silencedByGap } from './gapRuns';
import { fineSlots, logFineBucket, newFineWalk, scoreFineBucket, type FineWalk } from './fine';
import { DEFAULT_DETECTOR_CONFIG, type DetectorConfig } from './config';
import { logError, scoreScale } from './errorScale';
import { applyAlertRules, type AlertRules } from './hygiene';
import { lowerBound } from '../lowerBound';
import { pushMosum } from './mosum';
import { refit, type ModelChoice } from './refit';
import { spikesAreRoutine } from './spikeBudget';
import type { Detection } from './types';
import { markWarmup } from './warmup';
import { newWalk, type FitHook, type Walk } from './walk';
import { addSilenceAlerts, newSilenceTrack, trackSilence } from './silenceTrack';

/**
 * Run the causal detector over a regular series (see the module comment for the method). Returns the
 * per-point detection on the input grid (scored at the native step when finer than `bucketMs`, `fine.ts`).
 * Model failures at a refit fall back to simpler models (`refit.ts`); before the first fit every prediction
 * field is NaN.
 */
export function runBacktest(input: RegularSeries, config: DetectorConfig = DEFAULT_DETECTOR_CONFIG): Detection {
  return runDetector(input, config).detection;
}

/** A detection run with the model it ended with, for forecasting past the data and for diagnostics. */
export interface DetectorRun {
  /** One entry per slot of the input (fine) grid. */
  detection: Detection;
  /** The same run on the model grid (bucket means; equal to `detection` when the input is not aggregated). */
  modelDetection: Detection;
  /**
   * The last model (fitted, or a fallback: `kind`, `reason`) and its filter state after the last model-grid
   * point; undefined before the first fit. Forecasts from it are in model steps.
   */
  final?: { model: SarimaModel; state: FilterState; trainEndMs: number } & ModelChoice;
}

/** Options of {@link runDetector}. */
export interface DetectorOptions {
  /** Performs (or recalls) the scheduled fits; default `fitSarima`. */
  fitHook?: FitHook;
  /**
   * Model-grid indices of the scheduled fits, ascending, replacing the `minTrain`/`refitEvery` rule. Callers that
   * place them on a fixed clock (e.g. midnight UTC) get the same fit times on every call.
   */
  fitIndices?: number[];
  /**
   * The model grid, when the caller built it (e.g. a coarse history followed by the input's buckets):
   * `endIndex[i]` is the input slot that completed model slot i, -1 for slots before the input. Default
   * `aggregateSeries(input, config.bucketMs)`.
   */
  modelGrid?: { series: RegularSeries; endIndex: number[] };
}

/**
 * {@link runBacktest} that also returns the final model and filter state, with optional control of the fits.
 */
export function runDetector(input: RegularSeries, config: DetectorConfig, options: DetectorOptions = {}): DetectorRun {
  const grid = options.modelGrid ?? aggregateSeries(input, config.bucketMs);
  const series = grid.series;
  const w = newWalk(series, config, grid.endIndex, options.fitHook);
  const fine = series === input ? undefined : newFineWalk(w, { series: input, endIndex: grid.endIndex });
  w.native = fine === undefined;
  const scheduled = options.fitIndices && new Set(options.fitIndices);
  const silence = newSilenceTrack(config, series);
  let finite = 0;
  for (let i = 0; i < series.values.length; i++) {
    // While the history is short, refit whenever it has doubled since the last fit (then on schedule).
    const every = Math.min(w.r.refit, Math.max(1, w.lastTrainPoints));
    const due = scheduled ? scheduled.has(i) : finite >= w.r.minTrain && i - w.lastFit >= every;
    if (due) {
      refit(w, i);
    }
    if (fine) {
      scoreFineBucket(w, fine, i, isSuppressed(w, i));
    }
    step(w, i);
    trackSilence(silence, i, w.y[i], w.allows);
    if (fine) {
      logFineBucket(fine, i, w.out.extent[i] === 1);
      const end = grid.endIndex[i];
      if (end >= 0 && w.out.level[i] > 0) {
        fine.out.level[end] = Math.max(fine.out.level[end], w.out.level[i]);
        fine.strength[end] = Math.max(fine.strength[end] || 0, w.strength[i]);
        fine.excursionOnset[end] = w.excursionOnset[i];
      }
    }
    finite += Number.isFinite(w.y[i]) ? 1 : 0;
  }
  const n = series.values.length;
  if (fine && n > 0 && grid.endIndex[n - 1] >= 0) {
    // The newest fine points, in the bucket still filling, are scored now, not once the bucket completes.
    scoreFineBucket(w, fine, n, isSuppressed(w, n));
  }
  if (fine) {
    spreadExtent(w.out.extent, fine.out.extent, (i) => fineSlots(fine, i));
  }
  // Before the first model, the warm-up test judges points against the series' own level so far (`warmup.ts`).
  markWarmup(
    fine ? fine.out : w.out,
    fine ? fine.strength : w.strength,
    fine ? fine.threshold : config.minScore,
    w.allows
  );
  const onsetMs = w.excursionOnset.map((k) => (Number.isFinite(k) ? w.out.timesMs[k] : NaN));
  w.out.anomaly = Array.from(applyAlertRules(w.out.level, w.out.timesMs, config.rules, w.strength, onsetMs));
  if (fine) {
    fine.out.refits = w.out.refits;
    fine.out.anomaly = fineAlerts(w, onsetMs, fine, config.rules);
  }
  addSilenceAlerts(w, silence, config.rules, grid.endIndex, fine);
  const choice = w.choice ?? { kind: 'seasonal' as const };
  const final =
    w.model && w.state ? { model: w.model, state: w.state, trainEndMs: w.lastFitEndMs, ...choice } : undefined;
  return { detection: fine ? fine.out : w.out, modelDetection: w.out, final };
}

/**
 * The fine points' alerts. The rules' memory (hold-off, alert episodes, quiet spells: `hygiene.ts`) starts on the
 * model grid's slots before the first fine point: on a mixed grid the fine part begins two days before the view (the
 * service: before now) while the model grid reaches back the training window, so an alert or a week's episodes there
 * still count, as they do when the whole series is at the fine step (the CLI on a native file, where no slot precedes
 * the first fine point). `onsetMs`: per model slot, when its excursion began (NaN = none).
 */
function fineAlerts(w: Walk, onsetMs: number[], fine: FineWalk, rules: AlertRules): number[] {
  const k = lowerBound(w.out.timesMs, fine.out.timesMs.length > 0 ? fine.out.timesMs[0] : Infinity);
  const alerts = applyAlertRules(
    [...w.out.level.slice(0, k), ...fine.out.level],
    [...w.out.timesMs.slice(0, k), ...fine.out.timesMs],
    rules,
    [...w.strength.slice(0, k), ...fine.strength],
    // An excursion begins with its onset bucket's first fine point, which may have alerted before it was known.
    [...onsetMs.slice(0, k), ...fineOnsetMs(fine)]
  );
  return Array.from(alerts.subarray(k));
}

/** Per fine point: the time of the first fine point of its excursion's onset bucket (NaN = none). */
function fineOnsetMs(fine: FineWalk): number[] {
  return fine.excursionOnset.map((k) => (Number.isFinite(k) ? fine.out.timesMs[fineSlots(fine, k)[0]] : NaN));
}

/** Flags of model slot i are suppressed: shortly after missing data, or an echo of an absorbed anomaly. */
function isSuppressed(w: Walk, i: number): boolean {
  return (
    silencedByGap(w.gaps, i, w.r.gapSuppress, w.r.routineGapWindow) || (w.model !== undefined && isEcho(w, w.model, i))
  );
}

/** Prediction of point i (horizon per config, shorter right after a refit) as mean and variance. */
function predictAt(w: Walk, model: SarimaModel, state: FilterState, i: number): OneStep {
  const h = w.cfg.horizonSteps;
  if (h <= 1) {
    return predictNext(model, state);
  }
  const from = w.history.find((entry) => entry.index >= i - h + 1);
  if (from === undefined || from.index === i) {
    return predictNext(model, state);
  }
  const horizon = i - from.index + 1;
  const f = forecastSarima(model, cloneState(from.state), horizon, []);
  return { mean: f.mean[horizon - 1], variance: f.se[horizon - 1] ** 2 };
}

/** Steps either side of the seasonal lag searched for the anomaly an echo repeats. */
const ECHO_REACH = 3;

/**
 * An anomaly about one season after an anomalous value that the filter absorbed as observed is most likely
 * the model's echo of it: the seasonal lag holds that value, and the errors at the echo disturb the next few
 * predictions. Echoes are not flagged, and are absorbed as observed so that they die out. (Replaced values
 * leave no echo: the lag holds their prediction.)
 */
function isEcho(w: Walk, model: SarimaModel, i: number): boolean {
  const period = model.spec.seasonal.D > 0 ? model.spec.seasonal.period : 0;
  if (period <= 1) {
    return false;
  }
  for (let j = Math.max(0, i - period - ECHO_REACH); j <= i - period + ECHO_REACH && j < i; j++) {
    if (w.tainted[j] === 1) {
      return true;
    }
  }
  return false;
}

/** Outcome of scoring one observed point. */
interface Verdict {
  /** Left the weak band with |z| ≥ minScore: replaced by its prediction (within the cap). */
  spike: boolean;
  /** Spike or sustained deviation. */
  anomalous: boolean;
  echo: boolean;
}

/** Predict, score and absorb point i. */
function step(w: Walk, i: number): void {
  const { model, state } = w;
  const y = w.y[i];
  if (!Number.isFinite(y)) {
    logMissing(w.gaps, i);
  }
  if (!model || !state) {
    return;
  }
  if (w.cfg.horizonSteps > 1) {
    w.history.push({ index: i, state: cloneState(state) });
    if (w.history.length > w.cfg.horizonSteps) {
      w.history.shift();
    }
  }
  const pred = predictAt(w, model, state, i);
  const before = w.excursion === undefined ? cloneState(state) : undefined;
  w.out.forecast[i] = pred.mean;
  w.out.bands.forEach((band, k) => {
    band.lower[i] = pred.mean - w.r.multipliers[k] * Math.sqrt(pred.variance);
    band.upper[i] = pred.mean + w.r.multipliers[k] * Math.sqrt(pred.variance);
  });
  // Missing points are imputed by the one-step prediction rather than absorbed as NaN: NaN puts the filter
  // into its full (r + d + D·m)-dimensional mode for a whole season, ~100× slower with a weekly season; the
  // lost variance inflation is covered by the alert suppression after gaps.
  const verdict = Number.isFinite(y) ? judge(w, model, i, y, pred) : undefined;
  trackExcursion(w, model, before, i, y);
  // Which anomaly the point belongs to, as known now: a stronger point of the same one does not escalate (`hygiene.ts`).
  w.excursionOnset[i] = w.excursion ? w.excursion.onset : NaN;
  const spike = verdict !== undefined && verdict.spike && !verdict.echo;
  w.spikes[i] = spike ? 1 : 0;
  // A spike is replaced for at most `maxReplace` points in a row, and only while spikes are rare: not once the last
  // four days held `maxReplace` of them (`spikeBudget.ts`).
  const rare = !spikesAreRoutine(w.spikeTally, w.spikes, i, w.r.maxReplace);
  const replace = verdict === undefined || (spike && w.replaced < w.r.maxReplace && rare);
  if (replace) {
    const oneStep = w.cfg.horizonSteps > 1 ? predictNext(model, state).mean : pred.mean;
    absorb(model, state, oneStep);
    w.clean[i] = oneStep;
    w.replaced = verdict === undefined ? 0 : w.replaced + 1;
    return;
  }
  absorb(model, state, y);
  w.tainted[i] = verdict.anomalous ? 1 : 0;
  if (!verdict.anomalous) {
    w.replaced = 0;
  }
}

/** Extend the current excursion to slot i, or start one at an anomalous slot (`excursion.ts`). */
function trackExcursion(w: Walk, model: SarimaModel, before: FilterState | undefined, i: number, y: number): void {
  if (w.excursion && followExcursion(w.excursion, i, y, w.out.extent)) {
    return;
  }
  w.excursion = undefined;
  if (w.out.level[i] >= 1 && before) {
    const sign = Math.sign(w.out.score[i]) || 1;
    w.excursion = startExcursion(model, before, i, sign, w.r.excursion, w.cfg.levelsPct[0]);
    w.out.extent[i] = 1;
  }
}

/** Score observed point i against its prediction and set its level (before hygiene). */
function judge(w: Walk, model: SarimaModel, i: number, y: number, pred: OneStep): Verdict {
  const e = y - pred.mean;
  const sd = Math.sqrt(pred.variance);
  const u = e / Math.sqrt(pred.variance / model.sigma2);
  const z = u / scoreScale(w.scales, model.sigma2, i, pred.mean);
  w.out.score[i] = z;
  logError(w.errors, i, u, w.r.errorKeep);
  const [weak, strong] = w.r.multipliers;
  const bandLevel = Math.abs(e) > strong * sd ? 2 : Math.abs(e) > weak * sd ? 1 : 0;
  // The point test at the native step is calibrated by the series' own extremes (`record.ts`); on a model grid
  // coarser than the input, the fine layer does that for the fine points, and the bucket test by its own scores below.
  const record = w.native ? recordMax(w.record) : 0;
  pushRecord(w.record, Math.abs(z));
  const spike = bandLevel > 0 && Math.abs(z) >= w.cfg.minScore && beatsRecord(Math.abs(z), record);
  const sustained = pushMosum(w.sustained, z);
  // The sustained test is calibrated the same way, by the series' own largest moving sums (`record.ts`), without
  // the margin: each score is clipped, so a long drift ties its own record at clip·√k and a margin would hide it.
  const sustainedRecord = recordMax(w.sustainedRecord);
  pushRecord(w.sustainedRecord, sustained);
  // On a model grid coarser than the input, the bucket test's flag needs the bar set by the series' own recent bucket
  // scores (Ahmad et al.'s anomaly likelihood, `bucketLikelihood.ts`); replacement still follows `spike` alone, so
  // the model is fed as before.
  const flagged = w.native ? spike : spike && Math.abs(z) >= bucketBar(w.bucketScores, w.cfg.minScore, w.cfg.bucketBar);
  if (!w.native) {
    pushBucketScore(w.bucketScores, Math.abs(z));
  }
  const anomalous = (sustained >= w.cfg.sustainScore && beatsRecord(sustained, sustainedRecord, 1)) || flagged;
  w.strength[i] = Math.max(Math.abs(z), sustained);
  const echo = isEcho(w, model, i);
  const suppressed = echo || silencedByGap(w.gaps, i, w.r.gapSuppress, w.r.routineGapWindow);
  w.out.level[i] = anomalous && !suppressed && w.allows(z) ? Math.max(1, bandLevel) : 0;
  return { spike, anomalous, echo };
}
