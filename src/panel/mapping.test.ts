import fs from 'node:fs';
import path from 'node:path';
import { createTheme, DataFrame, FieldType, getFieldDisplayName, toDataFrame } from '@grafana/data';
import { seriesColor } from './colors';
import { indexAtOrBefore, isTidemarkFrame } from './frames';
import { anomalyMarkerValues } from '../contract/frame';
import { hashKey, seriesColorName } from '../contract/seriesColor';
import { buildPlotModel, mergeSameGrid, plotRangeMs } from './mapping';
import { BandsPanelOptions, DEFAULT_OPTIONS } from './options';

const fixtureDir = path.resolve(__dirname, '..', '..', 'tests', 'fixtures', 'frames');

function loadFrames(name: string): DataFrame[] {
  const fixture = JSON.parse(fs.readFileSync(path.join(fixtureDir, `${name}.json`), 'utf8'));
  return fixture.frames.map(toDataFrame);
}

const theme = createTheme();
const options = (overrides: Partial<BandsPanelOptions> = {}): BandsPanelOptions => ({
  ...DEFAULT_OPTIONS,
  ...overrides,
});
const red = theme.visualization.getColorByName('red');
const orange = theme.visualization.getColorByName('orange');
const names = (frame: DataFrame) => frame.fields.slice(1).map((f) => f.config.displayName);

describe('buildPlotModel', () => {
  it('should map one Tidemark frame to bands, actual, forecast and markers when both levels are shown', () => {
    const model = buildPlotModel(loadFrames('single'), options(), theme);
    expect(model.series).toHaveLength(1);
    expect(model.plainFrameCount).toBe(0);
    expect(names(model.frames[0])).toEqual([
      'api-1 lower 99%',
      'api-1 upper 99%',
      'api-1 lower 95%',
      'api-1 upper 95%',
      'api-1',
      'api-1 forecast',
      'api-1 weak anomalies',
      'api-1 strong anomalies',
    ]);
  });

  it('should keep the standard field options (unit, decimals, min/max) on every drawn field', () => {
    // Grafana applies the panel's standard options to each field's config before the panel sees the frames.
    const frames = loadFrames('single');
    frames[0].fields.slice(1).forEach((f) => Object.assign(f.config, { unit: 'reqps', decimals: 1, min: 0, max: 500 }));
    const drawn = buildPlotModel(frames, options(), theme).frames[0].fields.slice(1);
    expect(drawn.length).toBeGreaterThan(4);
    for (const field of drawn) {
      expect(field.config).toMatchObject({ unit: 'reqps', decimals: 1, min: 0, max: 500 });
    }
  });

  it('should fill each upper bound down to its lower bound, the strong band at half the opacity', () => {
    const [frame] = buildPlotModel(loadFrames('single'), options({ bandOpacityPct: 40 }), theme).frames;
    const upper99 = frame.fields[2].config.custom;
    const upper95 = frame.fields[4].config.custom;
    expect(upper99).toMatchObject({ fillBelowTo: 'api-1 lower 99%', fillOpacity: 20, lineWidth: 0 });
    expect(upper95).toMatchObject({ fillBelowTo: 'api-1 lower 95%', fillOpacity: 40, lineWidth: 0 });
    expect(frame.fields[1].config.custom).toMatchObject({ hideFrom: { legend: true, tooltip: true, viz: false } });
  });

  it.each([
    ['weak', ['api-1 lower 95%', 'api-1 upper 95%']],
    ['strong', ['api-1 lower 99%', 'api-1 upper 99%']],
    ['none', []],
  ] as const)('should draw only the %s band when that level is selected', (bandLevels, expected) => {
    const [frame] = buildPlotModel(loadFrames('single'), options({ bandLevels }), theme).frames;
    expect(names(frame).filter((n) => / (lower|upper) /.test(n ?? ''))).toEqual(expected);
  });

  it('should put markers exactly where the anomaly field flags points, per severity', () => {
    const model = buildPlotModel(loadFrames('single'), options(), theme);
    const [frame] = model.frames;
    const flagged = (i: number) =>
      (frame.fields[i].values as Array<number | null>).flatMap((v, idx) => (v === null ? [] : [idx]));
    expect(flagged(7)).toEqual([200]);
    expect(flagged(8)).toEqual([100, 101, 102, 103, 104]);
    expect(frame.fields[8].values[100]).toBe(model.series[0].actual.values[100]);
    expect(frame.fields[8].config.custom).toMatchObject({ drawStyle: 'points', pointSize: 7 });
    expect(frame.fields[8].config.color).toEqual({
      mode: 'fixed',
      fixedColor: theme.visualization.getColorByName('red'),
    });
  });

  it('should return one region per anomaly window, widened by half a step, in the severity colour', () => {
    const model = buildPlotModel(loadFrames('single'), options(), theme);
    const halfStepMs = 150_000;
    const times = model.series[0].time.values as number[];
    const region = { seriesName: 'api-1', lowValue: expect.any(Number), highValue: expect.any(Number) };
    expect(model.regions).toEqual([
      { ...region, startMs: times[100] - halfStepMs, endMs: times[104] + halfStepMs, severity: 2, color: red },
      { ...region, startMs: times[200] - halfStepMs, endMs: times[200] + halfStepMs, severity: 1, color: orange },
    ]);
    expect(buildPlotModel(loadFrames('single'), options({ showAnomalyRegions: false }), theme).regions).toEqual([]);
  });

  it('should bound each region by the values of its own series inside the window (actual and bands)', () => {
    const model = buildPlotModel(loadFrames('multi'), options(), theme);
    expect(model.regions.map((r) => r.seriesName)).toEqual(['api-1', 'api-2', 'api-3']);
    model.regions.forEach((region, i) => {
      const s = model.series[i];
      const times = s.time.values as number[];
      const inWindow = times.flatMap((t, j) => (t >= region.startMs && t <= region.endMs ? [j] : []));
      const values = [s.actual, ...s.bands.flatMap((b) => [b.lower, b.upper])].flatMap((f) =>
        inWindow.map((j) => f.values[j] as number)
      );
      expect(region.lowValue).toBe(Math.min(...values));
      expect(region.highValue).toBe(Math.max(...values));
    });
    // Series at levels 100, 200 and 300: the windows do not overlap in value, so none shades another series.
    expect(model.regions[0].highValue).toBeLessThan(model.regions[1].lowValue);
    expect(model.regions[1].highValue).toBeLessThan(model.regions[2].lowValue);
  });

  it('should mark the horizon from its start to the last point, and not at all when disabled', () => {
    const frames = loadFrames('single');
    const times = frames[0].fields[0].values as number[];
    expect(buildPlotModel(frames, options(), theme).horizon).toEqual({ startMs: times[288], endMs: times[323] });
    expect(buildPlotModel(frames, options({ showHorizon: false }), theme).horizon).toBeNull();
  });

  it('should give each of several series its own band, fields and stable colour', () => {
    const frames = loadFrames('multi');
    const model = buildPlotModel(frames, options(), theme);
    // The three series share one time grid, so they are merged into one frame (one time field, 3 × 8 fields).
    expect(model.frames).toHaveLength(1);
    expect(model.frames[0].fields).toHaveLength(1 + 3 * 8);
    expect(model.fieldOwner.get('api-2 upper 99%')).toBe(1);
    expect(model.fieldOwner.get('api-3 strong anomalies')).toBe(2);
    const reordered = buildPlotModel([frames[2], frames[0], frames[1]], options(), theme);
    const colorOf = (m: typeof model, key: string) => m.series.find((s) => s.key === key)?.color;
    for (const key of ['api-1', 'api-2', 'api-3']) {
      expect(colorOf(reordered, key)).toBe(colorOf(model, key));
    }
  });

  it('should draw a non-Tidemark frame as a plain line and count it for the notice', () => {
    const model = buildPlotModel(loadFrames('mixed'), options(), theme);
    expect(model.series).toHaveLength(1);
    expect(model.plainFrameCount).toBe(1);
    const plain = model.frames[1];
    expect(plain.fields.map((f) => f.type)).toEqual([FieldType.time, FieldType.number]);
    expect(plain.fields[1].config.custom).toMatchObject({ drawStyle: 'line', lineWidth: 1 });
  });

  it('should skip frames without a time field and return nothing for no data', () => {
    const noTime = toDataFrame({ fields: [{ name: 'v', type: FieldType.number, values: [1, 2] }] });
    expect(buildPlotModel([noTime], options(), theme)).toMatchObject({ frames: [], skippedFrameCount: 1 });
    expect(buildPlotModel(loadFrames('empty'), options(), theme).frames).toEqual([]);
  });

  it('should hide every derived field of a series when its actual field is hidden', () => {
    const frames = loadFrames('single');
    frames[0].fields[1].config.custom = { hideFrom: { viz: true, legend: false, tooltip: false } };
    const model = buildPlotModel(frames, options(), theme);
    expect(model.series[0].hidden).toBe(true);
    expect(model.frames[0].fields.slice(1).every((f) => f.config.custom?.hideFrom?.viz)).toBe(true);
    expect(model.regions).toEqual([]);
  });

  it('should name series as Grafana does when the data source sets no display name', () => {
    const frames = loadFrames('multi');
    for (const frame of frames) {
      for (const field of frame.fields) {
        delete field.config.displayNameFromDS;
      }
    }
    const model = buildPlotModel(frames, options(), theme);
    expect(model.series.map((s) => s.name)).toEqual(
      frames.map((frame) => getFieldDisplayName(frame.fields[1], frame, frames))
    );
  });
});

describe('mergeSameGrid', () => {
  it('should keep frames apart when their time grids differ', () => {
    const frames = loadFrames('multi');
    const model = buildPlotModel(frames, options(), theme);
    const [merged] = model.frames;
    const shifted = { ...merged, fields: [{ ...merged.fields[0], values: merged.fields[0].values.map((t) => t + 1) }] };
    expect(mergeSameGrid([merged, shifted])).toHaveLength(2);
    expect(mergeSameGrid([merged])).toEqual([merged]);
  });
});

describe('isTidemarkFrame', () => {
  it('should reject a frame with another contract version', () => {
    const [frame] = loadFrames('single');
    expect(isTidemarkFrame(frame)).toBe(true);
    expect(isTidemarkFrame({ ...frame, meta: { custom: { ...frame.meta?.custom, tidemark: 2 } } })).toBe(false);
  });
});

describe('anomalyMarkerValues', () => {
  it('should be all null when the frame has no anomaly field', () => {
    const model = buildPlotModel(loadFrames('single'), options(), theme);
    expect(anomalyMarkerValues(model.series[0].actual.values, undefined, 2).every((v) => v === null)).toBe(true);
  });
});

describe('seriesColor', () => {
  it('should use a fixed colour the user chose over the hashed palette colour', () => {
    const field = {
      name: 'actual',
      type: FieldType.number,
      values: [],
      config: { color: { mode: 'fixed', fixedColor: 'purple' } },
    };
    expect(seriesColor('k', field as never, theme)).toBe(theme.visualization.getColorByName('purple'));
  });

  it('should never pick a colour reserved for anomaly markers', () => {
    // 'api-2' hashes onto the palette's red entry when no colour is avoided (the multi fixture showed it).
    expect(seriesColor('api-2', undefined, theme, [])).toBe(red);
    expect(seriesColor('api-2', undefined, theme)).not.toBe(red);
    const darkRed = theme.visualization.getColorByName('dark-red');
    const keys = Array.from({ length: 1000 }, (_, i) => `series-${i}`);
    const colors = new Set(keys.map((k) => seriesColor(k, undefined, theme)));
    expect(colors.has(red)).toBe(false);
    expect(colors.has(darkRed)).toBe(false);
    expect(colors.has(orange)).toBe(false);
    expect(colors.size).toBeGreaterThan(20);
  });

  it('should hash the key into the classic palette', () => {
    const palette = theme.visualization.palette;
    expect(seriesColor('k', undefined, theme, [])).toBe(
      theme.visualization.getColorByName(palette[hashKey('k') % palette.length])
    );
  });

  it('should pick the same colour name in the light theme as in the dark one (the data source sets that name)', () => {
    const light = createTheme({ colors: { mode: 'light' } });
    for (const key of ['api-1', 'api-2', 'db']) {
      const name = seriesColorName(key, theme.visualization);
      expect(seriesColor(key, undefined, light)).toBe(light.visualization.getColorByName(name));
    }
  });
});

describe('indexAtOrBefore', () => {
  it.each([
    [5, -1],
    [10, 0],
    [25, 1],
    [40, 3],
    [99, 3],
  ])('should find the last index at or before %d', (timeMs, expected) => {
    expect(indexAtOrBefore([10, 20, 30, 40], timeMs)).toBe(expected);
  });
});

describe('plotRangeMs', () => {
  const horizon = { startMs: 1000, endMs: 1400 };
  it.each([
    ['no horizon', 0, 1000, null, { fromMs: 0, toMs: 1000 }],
    ['a view ending at the horizon start', 0, 1000, horizon, { fromMs: 0, toMs: 1400 }],
    ['a view ending one horizon length before it', 0, 600, horizon, { fromMs: 0, toMs: 1400 }],
    ['a view of older history', 0, 500, horizon, { fromMs: 0, toMs: 500 }],
    ['a view already past the horizon', 0, 2000, horizon, { fromMs: 0, toMs: 2000 }],
  ])('should return the right range for %s', (_name, fromMs, toMs, h, expected) => {
    expect(plotRangeMs(fromMs, toMs, h)).toEqual(expected);
  });
});
