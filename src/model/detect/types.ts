/**
 * Result shapes of the detector: columnar arrays on the model grid (plain data, JSON-serialisable).
 */
import type { PredictionInterval } from '../types';

/**
 * Per-point detection output of {@link runBacktest} (see `backtest.ts`). Index i is the model-grid slot at
 * `timesMs[i]`; prediction fields are NaN during warm-up and where no model was available.
 */
export interface Detection {
  timesMs: number[];
  /** Observed value on the model grid (bucket mean when aggregated); NaN = missing. */
  values: number[];
  /** Prediction of values[i] from data up to slot i − horizonSteps. */
  forecast: number[];
  /** Prediction bands, one per configured level, weakest first; R `predict()` style mean ± z·se. */
  bands: PredictionInterval[];
  /**
   * Anomaly score: (value − forecast) / robust scale, where the robust scale is 1.4826·MAD of the prediction
   * errors of the last `scaleWindow` at this hour of the day and its neighbours, never below the MAD of all
   * hours, times a factor ≥ 1 for a day of the week whose errors are wider (`errorScale.ts`; the first model's
   * in-sample errors seed it). Sign = direction (> 0 above the forecast). |score| reads as "typical errors of
   * this hour and weekday"; NaN when no prediction.
   */
  score: number[];
  /** Out-of-band level before hygiene: 0 inside, 1 outside the weak band, 2 outside the strong band. */
  level: number[];
  /**
   * 1 where the point belongs to an anomaly's extent: anomalous, or still outside the band expected before the
   * anomaly began, on the same side (`excursion.ts`); windows span these. Never raises an alert.
   */
  extent: number[];
  /** Alert level after hygiene (minimum run, onset-only, hold-off): 0, 1 (weak) or 2 (strong). */
  anomaly: number[];
  /** Slot index in the input grid at which slot i became complete (identity without aggregation). */
  inputIndex: number[];
  /** Number of model fits performed. */
  refits: number;
  /**
   * Alerts of the activity-stopped test (`silence.ts`), oldest first, with the pause they paged for; absent when the
   * test raised none. Their silent runs are in `extent`.
   */
  silences?: SilenceAlert[];
}

/** A pause of an intermittent series' activity that beat its record (`silence.ts`). */
export interface SilencePause {
  /** Time since the last burst at the alert. */
  pauseMs: number;
  /** Longest pause that ended within the record window, which this one exceeded. */
  recordPauseMs: number;
  /** The record window (`SilenceRules.recordMs`). */
  recordWindowMs: number;
  /**
   * Side the value stays on: 'below' when bursts above an idle level stopped, 'above' when idle dips of a busy
   * series stopped (`activitySide`).
   */
  direction: 'above' | 'below';
}

/** An activity-stopped alert at slot `index` of the detection's grid. */
export interface SilenceAlert extends SilencePause {
  index: number;
}
