import { useLayoutEffect, useRef } from 'react';
import type { UPlotConfigBuilder } from '@grafana/ui';
import { drawBackground, drawForeground, OverlayState } from '../overlay';

interface Props extends OverlayState {
  config: UPlotConfigBuilder;
}

/**
 * Adds the anomaly-window and horizon shading to the plot. Hooks are registered once per plot config (before
 * uPlot is created, like Grafana's own plugins) and read the latest state through a ref, so a data refresh that
 * keeps the config redraws with the new windows.
 */
export function OverlayPlugin({ config, regions, horizon, theme, alignedFrame }: Props) {
  const state = useRef<OverlayState>({ regions, horizon, theme, alignedFrame });
  // Updated in a layout effect, which runs before the plot's own update redraws with the new data.
  useLayoutEffect(() => {
    state.current = { regions, horizon, theme, alignedFrame };
  });
  useLayoutEffect(() => {
    config.addHook('drawClear', (u) => drawBackground(u, state.current));
    config.addHook('draw', (u) => drawForeground(u, state.current));
  }, [config]);
  return null;
}
