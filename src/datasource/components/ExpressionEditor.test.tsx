import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import type { DataSourceApi, QueryEditorProps } from '@grafana/data';
import { migrateQuery } from '../migrate';
import type { SarimaQuery } from '../types';
import { ExpressionEditor } from './ExpressionEditor';

type PromLike = { expr?: string; legendFormat?: string; range?: boolean; instant?: boolean; format?: string };

/** Stands in for Prometheus' PromQueryEditorByApp: records its props and edits expr and legend. */
const seenQueries: PromLike[] = [];
function StandInPromEditor({
  query,
  onChange,
  datasource,
}: QueryEditorProps<DataSourceApi, PromLike & { refId: string }>) {
  seenQueries.push(query);
  return (
    <div>
      <span>editor of {datasource.name}</span>
      <input
        aria-label="stand-in code"
        value={query.expr}
        onChange={(e) => onChange({ ...query, expr: e.target.value })}
      />
      <input
        aria-label="stand-in legend"
        value={query.legendFormat ?? ''}
        onChange={(e) =>
          onChange({ ...query, legendFormat: e.target.value, instant: true, editorMode: 'code' } as never)
        }
      />
    </div>
  );
}

function Crashing(): React.ReactElement {
  throw new Error('lezer grammar missing');
}

function renderWith(getUpstream: () => Promise<unknown>) {
  const onChange = jest.fn();
  const onRunQuery = jest.fn();
  const query = migrateQuery({ refId: 'A', expr: 'up', legendFormat: '{{job}}' });
  render(
    <ExpressionEditor
      datasource={{ getUpstream: getUpstream as () => Promise<DataSourceApi> }}
      query={query}
      onChange={onChange}
      onRunQuery={onRunQuery}
    />
  );
  return { onChange, query };
}

const upstream = (components?: object) => async () => ({ name: 'Prom', components });

describe('ExpressionEditor', () => {
  beforeEach(() => (seenQueries.length = 0));

  it('should render the upstream’s own query editor as a range query and keep expression, legend and mode', async () => {
    const { onChange, query } = renderWith(upstream({ QueryEditor: StandInPromEditor }));
    expect(await screen.findByText('editor of Prom')).toBeInTheDocument();
    expect(seenQueries[0]).toMatchObject({ expr: 'up', legendFormat: '{{job}}', range: true, instant: false });
    fireEvent.change(screen.getByLabelText('stand-in code'), { target: { value: 'rate(x[5m])' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...query, expr: 'rate(x[5m])', legendFormat: '{{job}}' });
    fireEvent.change(screen.getByLabelText('stand-in legend'), { target: { value: '{{pod}}' } });
    const changed = onChange.mock.calls[1][0] as SarimaQuery;
    expect(changed).toMatchObject({ legendFormat: '{{pod}}', editorMode: 'code' });
    expect(changed).not.toHaveProperty('instant');
    expect(screen.queryByLabelText('PromQL')).not.toBeInTheDocument();
  });

  it('should fall back to plain inputs with a notice when the upstream has no editor', async () => {
    const { onChange, query } = renderWith(upstream());
    expect(await screen.findByText(/the data source "Prom" offers no query editor/)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Legend'), { target: { value: '{{pod}}' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...query, legendFormat: '{{pod}}' });
    expect(screen.getByLabelText('PromQL')).toHaveValue('up');
  });

  it('should say why when the upstream cannot be loaded', async () => {
    renderWith(() => Promise.reject(new Error('Data source prom was not found')));
    expect(await screen.findByText(/not available: Data source prom was not found/)).toBeInTheDocument();
  });

  it('should fall back when the upstream editor fails to render', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    renderWith(upstream({ QueryEditor: Crashing }));
    expect(await screen.findByText(/the "Prom" editor failed: lezer grammar missing/)).toBeInTheDocument();
    expect(screen.getByLabelText('PromQL')).toHaveValue('up');
  });
});
