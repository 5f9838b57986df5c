import React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { LoadingState, type PanelData } from '@grafana/data';
import { SETTINGS } from '../../contract/settings';
import { fakeAnalyze } from '../../contract/testing/fakeAnalyzer';
import { fixtureSeries, TEST_MODEL_SETTINGS } from '../../worker/testing/fixtures';
import type { SarimaDataSource } from '../datasource';
import { analysisToFrame } from '../frames';
import type { SarimaQuery } from '../types';
import { QueryEditor, REFIT_DEBOUNCE_MS } from './QueryEditor';

const [api] = fixtureSeries();

function renderEditor(query: Partial<SarimaQuery>, data?: PanelData) {
  const onChange = jest.fn();
  const onRunQuery = jest.fn();
  render(
    <QueryEditor
      query={{ refId: 'A', ...query } as SarimaQuery}
      onChange={onChange}
      onRunQuery={onRunQuery}
      datasource={{} as SarimaDataSource}
      data={data}
    />
  );
  return { onChange, onRunQuery };
}

describe('QueryEditor', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('should show a v0 query (only expr) with defaults', () => {
    renderEditor({ expr: 'up' });
    expect(screen.getByLabelText('PromQL')).toHaveValue('up');
    expect(screen.getByLabelText('Season')).toHaveValue('auto');
    expect(screen.getByLabelText('Forecast horizon')).toHaveValue('1d');
  });

  it('should refit once, debounced, while the analyst edits orders', () => {
    const { onChange, onRunQuery } = renderEditor({ expr: 'up', order: { p: 1, d: 0, q: 1 } });
    fireEvent.change(screen.getByLabelText('p'), { target: { value: '2' } });
    fireEvent.change(screen.getByLabelText('q'), { target: { value: '0' } });
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ order: { p: 1, d: 0, q: 0 } }));
    expect(onRunQuery).not.toHaveBeenCalled();
    act(() => jest.advanceTimersByTime(REFIT_DEBOUNCE_MS));
    expect(onRunQuery).toHaveBeenCalledTimes(1);
  });

  it("should bound the number inputs by the settings schema's ranges", () => {
    renderEditor({ expr: 'up' });
    const { min, max } = SETTINGS.minConsecutive.input!;
    expect(screen.getByLabelText(SETTINGS.minConsecutive.label!)).toHaveAttribute('min', String(min));
    expect(screen.getByLabelText(SETTINGS.minConsecutive.label!)).toHaveAttribute('max', String(max));
    // Orders: the schema's maxima (p, q ≤ 5, d ≤ 2; P, Q ≤ 2, D ≤ 1).
    const maxOf = (label: string) => screen.getByLabelText(label).getAttribute('max');
    expect(['p', 'd', 'q', 'P', 'D', 'Q'].map(maxOf)).toEqual(['5', '2', '5', '2', '1', '2']);
  });

  it('should flag an unreadable duration with the settings schema message', () => {
    renderEditor({ expr: 'up', horizon: 'soon' });
    expect(screen.getByText('must be a duration, e.g. 1d (0s = none), got "soon"')).toBeInTheDocument();
  });

  it('should edit sensitivity, direction and transform from the settings schema', () => {
    const { onChange } = renderEditor({ expr: 'up' });
    expect(screen.getByLabelText('Sensitivity')).toHaveValue('medium');
    expect(screen.getByLabelText('Transform')).toHaveValue('none');
    fireEvent.click(screen.getByLabelText('above'));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ direction: 'above' }));
    // A number is committed as a number on blur (a half-typed "3." is not rounded away while typing).
    fireEvent.change(screen.getByLabelText('Sensitivity'), { target: { value: '3.5' } });
    fireEvent.blur(screen.getByLabelText('Sensitivity'));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ sensitivity: 3.5 }));
    fireEvent.change(screen.getByLabelText('Transform'), { target: { value: 'log' } });
    fireEvent.blur(screen.getByLabelText('Transform'));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ transform: 'log' }));
  });

  it('should refuse a sensitivity that is neither a level nor a positive number, naming both', () => {
    const { onChange } = renderEditor({ expr: 'up' });
    const calls = onChange.mock.calls.length;
    fireEvent.change(screen.getByLabelText('Sensitivity'), { target: { value: '-2' } });
    fireEvent.blur(screen.getByLabelText('Sensitivity'));
    expect(
      screen.getByText('must be low, medium, high or a number of typical errors above 0, got "-2"')
    ).toBeInTheDocument();
    expect(onChange).toHaveBeenCalledTimes(calls);
  });

  it('should show diagnostics of the last run from the frame meta', () => {
    const frame = analysisToFrame(fakeAnalyze(api, TEST_MODEL_SETTINGS, {}).analysis, 'A');
    const data = { series: [frame], state: LoadingState.Done } as unknown as PanelData;
    renderEditor({ expr: 'up' }, data);
    expect(screen.getByText('SARIMA(1,0,1)(0,1,1)[24]')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: `diagnostics of ${api.key}` })).toHaveTextContent('AICc206.5');
    expect(screen.getByRole('table', { name: `coefficients of ${api.key}` })).toHaveTextContent('sma1-0.70.05');
  });
});
