import { fakeAnalyze } from '../contract/testing/fakeAnalyzer';
import { fixtureSeries, TEST_MODEL_SETTINGS } from '../worker/testing/fixtures';
import { analysisToFrame, failedSeriesFrame, noticeFrame } from './frames';
import { diagnosticsFromFrames, formatStat, modelLabel, summaryRows } from './diagnostics';

const [api, db] = fixtureSeries();
const analysis = fakeAnalyze(api, TEST_MODEL_SETTINGS, {}).analysis;

describe('diagnosticsFromFrames', () => {
  it('should keep fitted series of the query and skip failed, notice-only and other queries', () => {
    const frames = [
      analysisToFrame(analysis, 'A'),
      failedSeriesFrame(db, { name: 'E', message: 'm' }, 'A', [95, 99]),
      noticeFrame('A', 'warning', 'x'),
      analysisToFrame(analysis, 'B'),
    ];
    expect(diagnosticsFromFrames(frames, 'A')).toEqual([{ seriesKey: api.key, model: analysis.model }]);
    expect(diagnosticsFromFrames(undefined, 'A')).toEqual([]);
  });
});

describe('modelLabel', () => {
  it.each([
    [{}, 'SARIMA(1,0,1)(0,1,1)[24]'],
    [{ seasonalPeriod: 1 }, 'SARIMA(1,0,1)'],
    [
      { fourier: [{ period: 168, harmonics: 3 }], aggregation: 4 },
      'SARIMA(1,0,1)(0,1,1)[24] + Fourier[168]×3 on data aggregated ÷4',
    ],
  ])('should label %p as %p', (overrides, label) => {
    expect(modelLabel({ ...analysis.model, ...overrides })).toBe(label);
  });
});

describe('formatStat / summaryRows', () => {
  it.each([
    [0.123456, '0.1235'],
    [206.5, '206.5'],
    [1234567, '1.235e+6'],
    [0.00001234, '1.234e-5'],
    [0, '0'],
    [Number.NaN, '—'],
    [null, '—'],
  ])('should format %p as %p', (value, text) => {
    expect(formatStat(value)).toBe(text);
  });

  it('should show AICc, sigma², Ljung–Box p and coverage', () => {
    expect(Object.fromEntries(summaryRows(analysis.model))).toMatchObject({
      AICc: '206.5',
      'σ²': '1',
      'Ljung–Box p': '0.42',
      'Training points inside the band': '95.0%',
    });
  });
});
