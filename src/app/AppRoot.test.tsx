import React from 'react';
import { render, screen } from '@testing-library/react';
import { AppRootProps, PluginType } from '@grafana/data';
import { AppRoot } from './AppRoot';

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  // Grafana provides the real PluginPage (page chrome, title and tabs from the plugin's nav); this one marks it.
  PluginPage: ({ children }: { children: React.ReactNode }) => <main data-testid="plugin-page">{children}</main>,
}));

describe('AppRoot', () => {
  it('should render inside PluginPage with the docs and a getting-started guide', () => {
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
    expect(screen.getByTestId('plugin-page')).toContainElement(screen.getByTestId('tidemark-app-root'));
    const steps = screen.getByTestId('tidemark-getting-started').querySelectorAll('li');
    expect([...steps].map((li) => li.querySelector('strong')?.textContent)).toEqual([
      'Add the data source.',
      'Chart a query.',
      'Open the demo dashboard.',
      'Alert on anomalies.',
    ]);
    expect(screen.getByText('Data source docs')).toBeInTheDocument();
    expect(screen.getByText('Panel docs')).toBeInTheDocument();
  });
});
