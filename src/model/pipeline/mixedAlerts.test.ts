import { runDetector } from '../detect/backtest';
import { DEFAULT_DETECTOR_CONFIG } from '../detect/config';
import { seededNormal } from '../sarima/simulate';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../timeUnits';
import { modelGrid, prepareInput } from './mixedGrid';
import type { SeriesInput } from './types';

const STEP_MS = 5 * MINUTE_MS;
const T0 = Date.UTC(2024, 0, 1);
/** Where the hourly history ends and the 5-minute part begins (as a data source fetches: 2 days before the view). */
const SPLIT_MS = T0 + 20 * DAY_MS;
const END_MS = SPLIT_MS + 2 * DAY_MS;

/**
 * 22 days of 5-minute points: a daily sine of amplitude 10 plus N(0, 1) noise; two hour-long rises (+5 four days
 * before the split, +8 ten hours before it), each an alert of its own, and a one-point +8 spike 30 hours after the
 * split (the fine test needs a day of fine deviations first), inside the second rise's two-day hold-off and well under
 * three times its strength. Two alert episodes in the week: no early page either.
 */
function points(): { timesMs: number[]; values: number[] } {
  const normal = seededNormal(11);
  const timesMs: number[] = [];
  const values: number[] = [];
  for (let t = T0 + STEP_MS; t <= END_MS; t += STEP_MS) {
    const rise = (fromMs: number, height: number) => (t > fromMs && t <= fromMs + HOUR_MS ? height : 0);
    const spike = t === SPLIT_MS + 30 * HOUR_MS ? 8 : 0;
    const level = rise(SPLIT_MS - 4 * DAY_MS - 10 * HOUR_MS, 5) + rise(SPLIT_MS - 10 * HOUR_MS, 8);
    timesMs.push(t);
    values.push(100 + 10 * Math.sin((2 * Math.PI * (t - T0)) / DAY_MS) + normal() + level + spike);
  }
  return { timesMs, values };
}

/** The same points as a data source fetches them: hourly means (labelled by their end) up to the split, then 5-min. */
function mixedInput(): SeriesInput {
  const { timesMs, values } = points();
  const coarseTimes: number[] = [];
  const coarseValues: number[] = [];
  for (let end = T0 + HOUR_MS; end <= SPLIT_MS; end += HOUR_MS) {
    const inside = values.filter((_, i) => timesMs[i] > end - HOUR_MS && timesMs[i] <= end);
    coarseTimes.push(end);
    coarseValues.push(inside.reduce((a, b) => a + b, 0) / inside.length);
  }
  const fine = timesMs.map((t, i) => [t, values[i]]).filter(([t]) => t > SPLIT_MS);
  return {
    key: 'x',
    labels: {},
    timesMs: [...coarseTimes, ...fine.map(([t]) => t)],
    values: [...coarseValues, ...fine.map(([, v]) => v)],
    stepMs: STEP_MS,
    coarse: { stepMs: HOUR_MS, untilMs: SPLIT_MS + STEP_MS },
  };
}

const alertTimes = (d: { timesMs: number[]; anomaly: number[] }) => d.timesMs.filter((_, i) => d.anomaly[i] > 0);

describe('alerts on a mixed grid (backtest.ts fineAlerts)', () => {
  it("should hold off a fine spike by the hourly history's alert before the fine part, as the native run does", () => {
    const { timesMs, values } = points();
    const native = runDetector(
      { startMs: timesMs[0], stepMs: STEP_MS, values, repairs: [] },
      DEFAULT_DETECTOR_CONFIG
    ).detection;
    const prepared = prepareInput(mixedInput());
    const mixed = runDetector(prepared.fine, DEFAULT_DETECTOR_CONFIG, {
      modelGrid: modelGrid(prepared, HOUR_MS),
    }).detection;
    const spikeMs = SPLIT_MS + 30 * HOUR_MS;
    // The premise: the spike is flagged, and the native run alerted the second rise within its hour.
    expect(mixed.level[mixed.timesMs.indexOf(spikeMs)]).toBeGreaterThan(0);
    expect(alertTimes(native).filter((t) => t > SPLIT_MS - 10 * HOUR_MS && t <= SPLIT_MS - 9 * HOUR_MS)).toHaveLength(
      1
    );
    // Without the history's alerts the fine part's rules started afresh and paged the spike.
    expect(alertTimes(native).filter((t) => t > SPLIT_MS)).toEqual([]);
    expect(alertTimes(mixed)).toEqual([]);
  });
});
