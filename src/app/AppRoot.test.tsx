import React from 'react';
import { render, screen } from '@testing-library/react';
import { AppRootProps, PluginType } from '@grafana/data';
import { AppRoot } from './AppRoot';

describe('AppRoot', () => {
  it('should link to the data source and panel docs', () => {
    const props = {
      basename: 'a/tidemark-forecast-app',
      meta: {
        id: 'tidemark-forecast-app',
        name: 'Tidemark Forecast',
        type: PluginType.app,
        enabled: true,
        jsonData: {},
      },
      query: {},
      path: '',
      onNavChanged: jest.fn(),
    } as unknown as AppRootProps;
    render(<AppRoot {...props} />);
    expect(screen.getByTestId('tidemark-app-root')).toBeInTheDocument();
    expect(screen.getByText('Data source docs')).toBeInTheDocument();
    expect(screen.getByText('Panel docs')).toBeInTheDocument();
  });
});
