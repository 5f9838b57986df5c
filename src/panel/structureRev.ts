/**
 * Grafana's graph (GraphNG under TimeSeries) rebuilds its uPlot configuration — which series exist, their scales,
 * fills and colours — only when `structureRev` changes, and otherwise draws new frames through the old
 * configuration. The panel draws frames it derives itself (bands, markers, merged grids), so the host's revision of
 * the query data does not describe them: when a host keeps its revision while series are added (a streamed query
 * filling in), the graph kept the first response's single series. The panel therefore counts its own revision.
 */
import { useState } from 'react';
import type { DataFrame } from '@grafana/data';

/** What decides the plot configuration: the frames and each field's name, type, colour and visibility. */
export function plotStructureKey(frames: DataFrame[]): string {
  return frames
    .map((frame) =>
      frame.fields
        .map((f) => {
          const { displayName, color, custom } = f.config;
          return `${f.type}:${displayName ?? f.name}:${color?.fixedColor ?? ''}:${custom?.hideFrom?.viz ? 1 : 0}`;
        })
        .join(',')
    )
    .join('|');
}

/** A revision that changes whenever the host's revision or the plot structure does. */
export function usePlotStructureRev(hostRev: number | undefined, frames: DataFrame[]): number {
  const key = plotStructureKey(frames);
  const [seen, setSeen] = useState({ hostRev, key, rev: 1 });
  if (seen.hostRev === hostRev && seen.key === key) {
    return seen.rev;
  }
  // Adjusting state while rendering (React re-renders at once, before the children see the old value).
  const next = { hostRev, key, rev: seen.rev + 1 };
  setSeen(next);
  return next.rev;
}
