/**
 * Time-to-detect report (issue 13 item 5): spikes, level shifts and drifts planted in clean 1-minute and 5-minute
 * data with a daily season; the delay in steps from the event's first point to the first flag is printed per case.
 */
import { seededNormal } from '../sarima/simulate';
import type { RegularSeries } from '../series';
import { runDetector } from './backtest';
import { DEFAULT_DETECTOR_CONFIG } from './config';
import { DAY_MS } from '../timeUnits';

const SIGMA = 1;

/** Daily sine (amplitude 3σ) plus white N(0, σ²) noise, `days` long at `stepMs`; seeded. */
function clean(stepMs: number, days: number, seed: number): RegularSeries {
  const normal = seededNormal(seed);
  const n = (days * DAY_MS) / stepMs;
  const values = Array.from(
    { length: n },
    (_, i) => 50 + 3 * Math.sin((2 * Math.PI * i * stepMs) / DAY_MS) + SIGMA * normal()
  );
  return { startMs: Date.UTC(2024, 0, 1), stepMs, values, repairs: [] };
}

type Plant = (values: number[], at: number, stepMs: number) => void;

const EVENTS: Array<{ name: string; plant: Plant; maxDelayMs?: number }> = [
  { name: 'spike +6σ (one point)', plant: (v, at) => (v[at] += 6 * SIGMA), maxDelayMs: 0 },
  { name: 'spike −8σ (one point)', plant: (v, at) => (v[at] -= 8 * SIGMA), maxDelayMs: 0 },
  {
    name: 'spike +8σ for 10 minutes',
    plant: (v, at, stepMs) => {
      for (let k = 0; k < 600_000 / stepMs; k++) {
        v[at + k] += 8 * SIGMA;
      }
    },
    maxDelayMs: 0,
  },
  {
    name: 'level shift +2σ',
    plant: (v, at) => {
      for (let k = at; k < v.length; k++) {
        v[k] += 2 * SIGMA;
      }
    },
    // The bucket mean of a 1-hour bucket moves by 2σ while its own noise is σ/√(points per hour): the MOSUM
    // of the bucket errors sees it within a few buckets.
    maxDelayMs: 4 * 3_600_000,
  },
  {
    name: 'drift to +4σ over 6 hours',
    plant: (v, at, stepMs) => {
      const span = (6 * 3_600_000) / stepMs;
      for (let k = at; k < v.length; k++) {
        v[k] += 4 * SIGMA * Math.min(1, (k - at) / span);
      }
    },
    maxDelayMs: 6 * 3_600_000,
  },
];

describe('time to detect (issue 13 item 5)', () => {
  const rows: string[] = [];
  afterAll(() => {
    // The report: one line per step and event.
    console.log(['step', 'event', 'delay (steps)', 'delay (min)'].join('\t') + '\n' + rows.join('\n'));
  });

  describe.each([
    { label: '1-minute', stepMs: 60_000, days: 9 },
    { label: '5-minute', stepMs: 300_000, days: 12 },
  ])('$label data', ({ label, stepMs, days }) => {
    it.each(EVENTS)('should flag "$name" within its bound', ({ name, plant, maxDelayMs }) => {
      const series = clean(stepMs, days, 7);
      const at = Math.round(((days - 1.5) * DAY_MS + 3_600_000 * 3.5) / stepMs);
      plant(series.values, at, stepMs);
      const d = runDetector(series, DEFAULT_DETECTOR_CONFIG).detection;
      const first = d.anomaly.findIndex((a, i) => i >= at && a > 0);
      const delay = first < 0 ? Infinity : first - at;
      rows.push([label, name, delay, (delay * stepMs) / 60_000].join('\t'));
      expect(d.anomaly.slice(0, at).some((a) => a > 0)).toBe(false);
      expect(delay * stepMs).toBeLessThanOrEqual(maxDelayMs ?? Infinity);
    });
  });
});
