/**
 * The activity-stopped test (`silence.ts`) inside the detector's walk (`backtest.ts`): per model slot what the test
 * found, and after the walk its alerts, merged into the alerts of the slot and fine grids, with the extent of their
 * pauses.
 */
import type { RegularSeries } from '../series';
import type { DetectorConfig } from './config';
import { spreadExtent } from './excursion';
import { fineSlots, type FineWalk } from './fine';
import { applyAlertRules, type AlertRules } from './hygiene';
import { activitySide, newSilenceWalk, pauseSlots, pushSilence, recordSlots, type SilenceWalk } from './silence';
import type { SilenceAlert } from './types';
import type { Walk } from './walk';

/** The activity-stopped test over the model grid, and what it found per model slot. */
export interface SilenceTrack {
  walk: SilenceWalk;
  /** How many times the record pause the current pause is, where the slot is silent, else 0 (`pushSilence`). */
  silent: number[];
  /** Slots since the last burst; NaN where no pause runs (`pauseSlots`). */
  pause: number[];
  /** Record pause (slots) where the slot is silent, else NaN. */
  record: number[];
  /** Side the value stays on while the activity is stopped: −1 below (bursts above stopped), 1 above (dips). */
  direction: number[];
  recordWindowMs: number;
}

/** A fresh track over `series` (the model grid) with the thresholds of `config.silence`. */
export function newSilenceTrack(config: DetectorConfig, series: RegularSeries): SilenceTrack {
  const n = series.values.length;
  return {
    walk: newSilenceWalk(config.silence, series.stepMs),
    silent: new Array<number>(n).fill(0),
    pause: new Array<number>(n).fill(NaN),
    record: new Array<number>(n).fill(NaN),
    direction: new Array<number>(n).fill(-1),
    recordWindowMs: config.silence.recordMs,
  };
}

/**
 * Pushes model slot i's value to the test. A stopped activity deviates to the side opposite the series' bursts
 * (`activitySide`): the slot is silent only where the configured direction allows that side.
 */
export function trackSilence(track: SilenceTrack, i: number, y: number, allows: (score: number) => boolean): void {
  const ratio = pushSilence(track.walk, i, y);
  const direction = -activitySide(track.walk);
  track.direction[i] = direction;
  track.silent[i] = ratio > 0 && allows(direction) ? ratio : 0;
  track.pause[i] = pauseSlots(track.walk, i);
  track.record[i] = track.silent[i] > 0 ? recordSlots(track.walk) : NaN;
}

/**
 * Alerts of the activity-stopped test (`silence.ts`), merged into the alerts of slot and fine grids. They pass the same
 * alert rules, with their own memory: a pause is the opposite failure of the spikes and shifts the other tests page
 * for, so a spike's hold-off (a guard against routine repeats of that spike) does not hide it, and one page for it
 * holds off the next pauses, not the next spikes. Strength = pause / record pause, for the escalation and fade. A pause
 * in which the other tests already alerted from the slot the next burst was due (last burst + record pause) until the
 * silent slot (the forecast missed the next expected burst) has paged for the stop: its silent slots are no
 * candidates, so that one stop pages once. An alert earlier in the pause, before the next burst was due, cannot be
 * about the stop (a false alarm two hours after the last burst would otherwise keep a stopped job from ever paging).
 *
 * A silent slot is inside the weak band (the forecast has already learnt the idle level), so it has no level and no
 * extent of its own; the extent of an alerted pause is marked here, after the walk, so that its window spans the
 * anomaly as the windows of other excursions do (`windows.ts`): from the pause's first silent slot until the pause
 * ends at the next burst or missing data. Alerts, levels and scores are unchanged.
 */
export function addSilenceAlerts(
  w: Walk,
  track: SilenceTrack,
  rules: AlertRules,
  endIndex: number[],
  fine: FineWalk | undefined
): void {
  const { pause, record, direction } = track;
  // Before the silence alerts join w.out.anomaly: only the other tests' alerts count as the stop having paged.
  const paged = pagedSlots(w, fine);
  // From the slot where the next burst was due (last burst + record pause), never after the silent slot itself.
  const dueFrom = (i: number) => Math.min(i, i - pause[i] + Math.ceil(record[i]));
  const silent = track.silent.map((ratio, i) => (ratio > 0 && paged[i] - paged[dueFrom(i)] === 0 ? ratio : 0));
  const levels = silent.map((ratio) => (ratio > 0 ? 1 : 0));
  const alerts = applyAlertRules(levels, w.out.timesMs, rules, silent);
  const extent = new Array<number>(silent.length).fill(0);
  const modelAlerts: SilenceAlert[] = [];
  const fineAlerts: SilenceAlert[] = [];
  alerts.forEach((level, i) => {
    if (level === 0) {
      return;
    }
    w.out.anomaly[i] = Math.max(w.out.anomaly[i], level);
    const paused = {
      pauseMs: pause[i] * w.stepMs,
      recordPauseMs: record[i] * w.stepMs,
      recordWindowMs: track.recordWindowMs,
      direction: direction[i] > 0 ? ('above' as const) : ('below' as const),
    };
    modelAlerts.push({ index: i, ...paused });
    const end = endIndex[i];
    if (fine && end >= 0) {
      fine.out.anomaly[end] = Math.max(fine.out.anomaly[end], level);
      fineAlerts.push({ index: end, ...paused });
    }
    markPause(extent, silent, pause, i);
  });
  extent.forEach((inExtent, i) => {
    w.out.extent[i] = Math.max(w.out.extent[i], inExtent);
  });
  if (modelAlerts.length > 0) {
    w.out.silences = modelAlerts;
  }
  if (fine) {
    spreadExtent(extent, fine.out.extent, (i) => fineSlots(fine, i));
    if (fineAlerts.length > 0) {
      fine.out.silences = fineAlerts;
    }
  }
}

/**
 * Per model slot i: how many slots before i raised an alert of the other tests (model grid, or a fine point of the
 * slot's bucket); the slots after slot b and before i hold one when paged[i] − paged[b + 1] > 0.
 */
function pagedSlots(w: Walk, fine: FineWalk | undefined): number[] {
  const n = w.out.anomaly.length;
  const paged = new Array<number>(n + 1).fill(0);
  for (let i = 0; i < n; i++) {
    let alerted = w.out.anomaly[i] > 0;
    if (fine && !alerted) {
      const [from, to] = fineSlots(fine, i);
      for (let j = from; j <= to && !alerted; j++) {
        alerted = fine.out.anomaly[j] > 0;
      }
    }
    paged[i + 1] = paged[i] + (alerted ? 1 : 0);
  }
  return paged;
}

/** Marks the pause of the silence alert at slot i: from its first silent slot until the pause ends. */
function markPause(extent: number[], silent: number[], pause: number[], i: number): void {
  if (!(silent[i] > 0) || extent[i] === 1) {
    return;
  }
  let from = i;
  while (from > 0 && silent[from - 1] > 0) {
    from--;
  }
  let to = i;
  while (to + 1 < pause.length && pause[to + 1] > 0) {
    to++;
  }
  extent.fill(1, from, to + 1);
}
