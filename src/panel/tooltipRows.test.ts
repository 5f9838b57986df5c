import fs from 'node:fs';
import path from 'node:path';
import { createTheme, toDataFrame } from '@grafana/data';
import { buildPlotModel } from './mapping';
import { DEFAULT_OPTIONS } from './options';
import { seriesTooltip } from './tooltipRows';

const file = path.resolve(__dirname, '..', '..', 'tests', 'fixtures', 'frames', 'single.json');
const frames = JSON.parse(fs.readFileSync(file, 'utf8')).frames.map(toDataFrame);
const [series] = buildPlotModel(frames, DEFAULT_OPTIONS, createTheme()).series;
const times = series.time.values as number[];
const colors = { weak: 'orange', strong: 'red' };

describe('seriesTooltip', () => {
  it('should list actual, forecast, both ranges, severity and score when the point is a strong anomaly', () => {
    const tooltip = seriesTooltip(series, times[100], colors);
    expect(tooltip?.rows.map((r) => r.label)).toEqual([
      'Actual',
      'Forecast',
      'Expected 95%',
      'Expected 99%',
      'Anomaly',
      'Score',
    ]);
    expect(tooltip?.rows[4]).toEqual({ label: 'Anomaly', value: 'strong', color: 'red' });
    expect(tooltip?.rows[5].value).toBe('+6.00 σ');
  });

  it('should show a dash for the actual value when the point is in the forecast horizon', () => {
    const tooltip = seriesTooltip(series, times[300], colors);
    expect(tooltip?.rows[0]).toEqual({ label: 'Actual', value: '–' });
    expect(tooltip?.rows.find((r) => r.label === 'Score')).toBeUndefined();
  });

  it('should return null when the series has no point at the hovered time', () => {
    expect(seriesTooltip(series, times[0] - 1, colors)).toBeNull();
    expect(seriesTooltip(series, times[0] + 1, colors)).toBeNull();
  });
});
