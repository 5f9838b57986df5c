import { applyNullInsertThreshold, createTheme, type DataFrame } from '@grafana/data';
import type { SeriesAnalysis } from '../contract/fit';
import { FIELD, parseBandFieldName, type TidemarkFrameMeta } from '../contract/frame';
import { seriesColorName } from '../contract/seriesColor';
import { fakeAnalyze } from '../contract/testing/fakeAnalyzer';
import { seriesColor } from '../panel/colors';
import { fixtureSeries, TEST_MODEL_SETTINGS, TEST_HORIZON_STEPS } from '../worker/testing/fixtures';
import { DAY_MS, HOUR_MS } from '../contract/constants';
import {
  analysisToFrame,
  describeWindow,
  failedSeriesFrame,
  noticeFrame,
  seriesDisplayName,
  windowDirection,
  windowsToAnnotationFrame,
  withNotice,
} from './frames';

const [api, db] = fixtureSeries();
const analyse = (input = api): SeriesAnalysis =>
  fakeAnalyze(input, TEST_MODEL_SETTINGS, { outputFromMs: input.timesMs[6] }).analysis;
const field = (frame: DataFrame, name: string) => frame.fields.find((f) => f.name === name)!;

describe('seriesDisplayName', () => {
  it.each([
    [{ __name__: 'up', job: 'api', instance: 'a:1' }, 'up{instance="a:1", job="api"}'],
    [{ job: 'api' }, '{job="api"}'],
    [{ __name__: 'up' }, 'up'],
    [{}, 'fallback'],
  ])('should name %p as %p', (labels, name) => {
    expect(seriesDisplayName(labels, 'fallback')).toBe(name);
  });
});

describe('analysisToFrame', () => {
  const analysis = analyse();
  const frame = analysisToFrame(analysis, 'A', 3_600_000);
  const name = 'up{job="api"}';

  it('should have the contract fields in order, aligned on one grid', () => {
    expect(frame.fields.map((f) => f.name)).toEqual([
      FIELD.time,
      FIELD.actual,
      FIELD.forecast,
      'lower 95%',
      'upper 95%',
      'lower 99%',
      'upper 99%',
      FIELD.anomaly,
      FIELD.weakAnomaly,
      FIELD.strongAnomaly,
      FIELD.score,
    ]);
    expect(frame.fields.every((f) => f.values.length === frame.length)).toBe(true);
    expect(frame.refId).toBe('A');
    expect(frame.length).toBe(6 + TEST_HORIZON_STEPS);
  });

  it('should make the stock Time series panel shade each band and hide its bound lines', () => {
    for (const levelPct of [95, 99]) {
      const lower = field(frame, `lower ${levelPct}%`);
      const upper = field(frame, `upper ${levelPct}%`);
      expect(upper.config.custom.fillBelowTo).toBe(lower.config.displayName);
      expect(lower.config.custom.lineWidth).toBe(0);
      expect(upper.config.custom.lineWidth).toBe(0);
      expect(upper.config.custom.fillOpacity).toBeGreaterThan(0);
      expect(parseBandFieldName(upper.name)).toEqual({ bound: 'upper', levelPct });
    }
  });

  it('should draw anomalies as points at the actual value on the value axis, one field per severity', () => {
    const actual = field(frame, FIELD.actual).values;
    const flags = field(frame, FIELD.anomaly).values;
    for (const [severity, name, color] of [
      [1, FIELD.weakAnomaly, 'orange'],
      [2, FIELD.strongAnomaly, 'red'],
    ] as const) {
      const marker = field(frame, name);
      expect(marker.values).toEqual(flags.map((f, i) => (f === severity ? actual[i] : null)));
      expect(marker.config.custom).toMatchObject({ drawStyle: 'points', showPoints: 'always', lineWidth: 0 });
      expect(marker.config.color).toEqual({ mode: 'fixed', fixedColor: color });
      // Same unit/min/max/axis as the actual field, so Grafana puts both on one scale.
      for (const key of ['unit', 'min', 'max'] as const) {
        expect(marker.config[key]).toBe(field(frame, FIELD.actual).config[key]);
      }
      expect(marker.config.custom.axisPlacement).toBeUndefined();
    }
    expect(flags.some((f) => f === 2)).toBe(true);
  });

  it('should hide the severity and score fields from the graph without an axis of their own', () => {
    for (const name of [FIELD.anomaly, FIELD.score]) {
      expect(field(frame, name).config.custom).toMatchObject({ axisPlacement: 'hidden', hideFrom: { viz: true } });
    }
  });

  it('should give actual, forecast and band fields the series palette colour the bands panel picks', () => {
    const other = analysisToFrame(analyse(db), 'A');
    const colorOf = (f: DataFrame, name: string) => field(f, name).config.color;
    const apiColor = seriesColorName(api.key, createTheme().visualization);
    for (const name of [FIELD.actual, FIELD.forecast, 'lower 95%', 'upper 99%']) {
      expect(colorOf(frame, name)).toEqual({ mode: 'fixed', fixedColor: apiColor });
      expect(colorOf(other, name)).toEqual({
        mode: 'fixed',
        fixedColor: seriesColorName(db.key, createTheme().visualization),
      });
    }
    expect(seriesColor(api.key, undefined, createTheme())).toBe(createTheme().visualization.getColorByName(apiColor));
  });

  it('should carry the labels on numeric fields and the display name', () => {
    expect(frame.name).toBe(name);
    expect(field(frame, FIELD.actual).config.displayName).toBe(name);
    expect(field(frame, FIELD.forecast).labels).toEqual(api.labels);
  });

  it('should put TidemarkFrameMeta in meta.custom', () => {
    const meta = frame.meta!.custom as TidemarkFrameMeta;
    expect(meta).toMatchObject({ tidemark: 1, seriesKey: api.key, levelsPct: [95, 99], model: analysis.model });
    expect(meta.horizonStartMs).toBe(analysis.points.timesMs[analysis.points.horizonStart]);
    expect(meta.windows).toEqual(analysis.windows);
  });

  it('should match the snapshot', () => {
    expect(frame).toMatchSnapshot();
  });
});

describe('analysisToFrame at an output step finer than the model step', () => {
  // The pipeline's shape at a 30 s output step ("Last 6 hours"): one history row per 30 s point, then the forecast
  // horizon on the hourly model grid (`outputPoints` in src/model/pipeline/analyze.ts).
  const STEP_MS = 30_000;
  const LAST_MS = 500 * HOUR_MS;
  const hourly = analyse();
  const { horizonStart } = hourly.points;
  const timesMs = hourly.points.timesMs.map((_, i) =>
    i < horizonStart ? LAST_MS - (horizonStart - 1 - i) * STEP_MS : LAST_MS + (i - horizonStart + 1) * HOUR_MS
  );
  const analysis: SeriesAnalysis = { ...hourly, points: { ...hourly.points, timesMs } };
  const frame = analysisToFrame(analysis, 'A', STEP_MS);

  it('should keep the horizon drawable: no nulls inserted between the forecast rows by the graph (Grafana null insertion)', () => {
    // Both the stock Time series panel and the bands panel prepare frames this way before drawing.
    const drawn = applyNullInsertThreshold({ frame, refFieldPseudoMax: timesMs[timesMs.length - 1] });
    const time = field(drawn, FIELD.time).values as number[];
    const after = time.map((t, i) => (t > LAST_MS ? i : -1)).filter((i) => i >= 0);
    expect(after).toHaveLength(TEST_HORIZON_STEPS);
    for (const name of [FIELD.forecast, 'lower 95%', 'upper 95%', 'lower 99%', 'upper 99%']) {
      const values = after.map((i) => field(drawn, name).values[i]);
      expect(values.every((v) => typeof v === 'number' && Number.isFinite(v))).toBe(true);
    }
    expect(field(drawn, FIELD.forecast).values.slice(after[0])).toEqual(hourly.points.forecast.slice(horizonStart));
  });

  it('should still declare the step as the interval when every row is one step apart', () => {
    expect(field(analysisToFrame(hourly, 'A', HOUR_MS), FIELD.time).config.interval).toBe(HOUR_MS);
    expect(field(frame, FIELD.time).config.interval).toBeUndefined();
  });
});

describe('failedSeriesFrame', () => {
  it('should keep the raw values and add an error notice naming the series', () => {
    const frame = failedSeriesFrame(db, { name: 'InvalidOrderError', message: 'p must be ≥ 0' }, 'B', [95, 99]);
    expect(frame.fields.map((f) => f.name)).toEqual([FIELD.time, FIELD.actual]);
    expect(frame.meta?.notices).toEqual([
      { severity: 'error', text: 'up{job="db"}: InvalidOrderError: p must be ≥ 0' },
    ]);
    expect((frame.meta?.custom as TidemarkFrameMeta).model).toBeUndefined();
  });
});

describe('noticeFrame / withNotice', () => {
  it('should add notices without mutating the frame', () => {
    const frame = noticeFrame('A', 'warning', 'no series');
    const more = withNotice(frame, 'info', 'second');
    expect(frame.meta?.notices).toHaveLength(1);
    expect(more.meta?.notices?.map((n) => n.text)).toEqual(['no series', 'second']);
  });
});

describe('windowsToAnnotationFrame', () => {
  it('should turn every window into a region with expected range, observed value and peak score', () => {
    const frame = windowsToAnnotationFrame([analyse(api), analyse(db)], 'Anno');
    expect(frame.fields.map((f) => f.name)).toEqual(['time', 'timeEnd', 'title', 'text', 'tags', 'color']);
    // The fake flags api's dip to 9 (weak) and its spike to 15 (strong); db stays inside its bands.
    expect(field(frame, 'title').values).toEqual([
      'Weak anomaly below range: up{job="api"}',
      'Strong anomaly above range: up{job="api"}',
    ]);
    expect(field(frame, 'text').values[1]).toMatch(
      /^above the expected range: observed 15, expected 9\.\d+ to 11\.\d+ \(95%\); peak score \+4\.\dσ$/
    );
    expect(field(frame, 'tags').values[1]).toEqual(['tidemark', 'anomaly', 'strong']);
  });

  it('should format numbers to 4 significant digits', () => {
    const text = describeWindow(
      {
        startMs: 0,
        endMs: 1,
        peakMs: 0,
        peakScore: -3.14159,
        severity: 1,
        expectedLower: 1.23456,
        expectedUpper: 2,
        observed: 0,
      },
      90
    );
    expect(text).toBe('below the expected range: observed 0, expected 1.235 to 2 (90%); peak score -3.1σ');
  });

  it('should describe a stopped activity by its pause and record, below whatever its peak', () => {
    const window = {
      startMs: 0,
      endMs: 1,
      peakMs: 0,
      peakScore: 2.5,
      severity: 1,
      expectedLower: 1,
      expectedUpper: 2,
      observed: 3,
      kind: 'silence',
      pause: { pauseMs: 27 * HOUR_MS, recordPauseMs: 23.4 * HOUR_MS, recordWindowMs: 14 * DAY_MS },
    } as const;
    expect(windowDirection(window)).toBe('below');
    expect(describeWindow(window, 95)).toBe(
      'activity stopped: no burst for 27 h (longest pause in the last 14 days: 23.4 h)'
    );
    const analysis = analyse(api);
    const frame = windowsToAnnotationFrame([{ ...analysis, windows: [window] }], 'Anno');
    expect(field(frame, 'title').values).toEqual(['Weak anomaly (activity stopped): up{job="api"}']);
    expect(field(frame, 'tags').values[0]).toEqual(['tidemark', 'anomaly', 'weak', 'silence']);
  });

  it('should describe stopped dips of a busy series as a pause above', () => {
    const window = {
      startMs: 0,
      endMs: 1,
      peakMs: 0,
      peakScore: -0.5,
      severity: 1,
      expectedLower: 1,
      expectedUpper: 2,
      observed: 1.5,
      kind: 'silence',
      pause: { pauseMs: 27 * HOUR_MS, recordPauseMs: 23.4 * HOUR_MS, recordWindowMs: 14 * DAY_MS, direction: 'above' },
    } as const;
    expect(windowDirection(window)).toBe('above');
    expect(describeWindow(window, 95)).toBe(
      'activity stopped: no dip for 27 h (longest pause in the last 14 days: 23.4 h)'
    );
  });

  it.each([
    ['above the range', 5, 1, 'above'],
    ['below the range', -5, -1, 'below'],
    ['inside the range with a positive score', 1.5, 2, 'above'],
    ['inside the range with a negative score', 1.5, -2, 'below'],
  ] as const)('should call a window %s %s', (_name, observed, peakScore, direction) => {
    const window = { startMs: 0, endMs: 1, peakMs: 0, severity: 1, expectedLower: 1, expectedUpper: 2 } as const;
    expect(windowDirection({ ...window, observed, peakScore })).toBe(direction);
  });
});
