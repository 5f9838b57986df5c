import fs from 'node:fs';
import path from 'node:path';
import { createTheme, type DataFrame, toDataFrame } from '@grafana/data';
import { renderHook } from '@testing-library/react';
import { buildPlotModel } from './mapping';
import { DEFAULT_OPTIONS } from './options';
import { plotStructureKey, usePlotStructureRev } from './structureRev';

const theme = createTheme();
const fixture = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '..', '..', 'tests', 'fixtures', 'frames', 'multi.json'), 'utf8')
);
const dataFrames: DataFrame[] = fixture.frames.map(toDataFrame);
const plotFrames = (frames: DataFrame[], options = DEFAULT_OPTIONS) => buildPlotModel(frames, options, theme).frames;

describe('plotStructureKey', () => {
  it('should change when series are added, as a streamed query fills in', () => {
    expect(dataFrames.length).toBeGreaterThan(1);
    expect(plotStructureKey(plotFrames(dataFrames.slice(0, 1)))).not.toBe(plotStructureKey(plotFrames(dataFrames)));
  });

  it('should change with the drawn fields (band levels shown) and stay for new values of the same series', () => {
    const key = plotStructureKey(plotFrames(dataFrames));
    expect(plotStructureKey(plotFrames(dataFrames, { ...DEFAULT_OPTIONS, bandLevels: 'none' }))).not.toBe(key);
    const shifted = dataFrames.map((f) => ({
      ...f,
      fields: f.fields.map((field) =>
        field.type === 'number'
          ? { ...field, values: field.values.map((v: number | null) => (v === null ? v : v + 1)) }
          : field
      ),
    }));
    expect(plotStructureKey(plotFrames(shifted))).toBe(key);
  });
});

describe('usePlotStructureRev', () => {
  it('should move on when the plot structure changes under an unchanged host revision, and only then', () => {
    const one = plotFrames(dataFrames.slice(0, 1));
    const all = plotFrames(dataFrames);
    const { result, rerender } = renderHook(({ rev, frames }) => usePlotStructureRev(rev, frames), {
      initialProps: { rev: 1 as number | undefined, frames: one },
    });
    const first = result.current;
    rerender({ rev: 1, frames: plotFrames(dataFrames.slice(0, 1)) });
    expect(result.current).toBe(first);
    rerender({ rev: 1, frames: all });
    const second = result.current;
    expect(second).not.toBe(first);
    rerender({ rev: 2, frames: all });
    expect(result.current).not.toBe(second);
  });
});
