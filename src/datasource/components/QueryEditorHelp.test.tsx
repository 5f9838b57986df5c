import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { migrateQuery } from '../migrate';
import { plugin } from '../module';
import { HELP_EXAMPLES, QueryEditorHelp } from './QueryEditorHelp';

describe('QueryEditorHelp', () => {
  it('should put an example into the query, keeping the model settings', () => {
    const onClickExample = jest.fn();
    const query = migrateQuery({ refId: 'B', expr: 'up', horizon: '2d' });
    render(<QueryEditorHelp datasource={{} as never} query={query} onClickExample={onClickExample} />);
    fireEvent.click(screen.getAllByRole('button', { name: 'Use this query' })[1]);
    expect(onClickExample).toHaveBeenCalledWith({ ...query, expr: HELP_EXAMPLES[1].expr });
  });

  it('should be registered with the plugin', () => {
    expect(plugin.components.QueryEditorHelp).toBe(QueryEditorHelp);
  });
});
