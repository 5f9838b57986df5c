import React from 'react';
import type uPlot from 'uplot';
import { DataFrame, formattedValueToString, getFieldDisplayName, GrafanaTheme2 } from '@grafana/data';
import { type TimeZone, TooltipDisplayMode } from '@grafana/schema';
import { resolveColor } from '../colors';
import type { BandsPlotModel } from '../mapping';
import type { BandsPanelOptions } from '../options';
import { seriesTooltip, SeriesTooltip } from '../tooltipRows';
import { BandsTooltip } from './BandsTooltip';

interface Args {
  u: uPlot;
  dataIdxs: Array<number | null>;
  seriesIdx: number | null;
  alignedFrame: DataFrame;
  model: BandsPlotModel;
  options: BandsPanelOptions;
  theme: GrafanaTheme2;
  timeZone: TimeZone;
}

/** Builds the tooltip for TooltipPlugin2: all series (multi) or the hovered one (single), Tidemark or plain. */
export function renderTooltip({ u, dataIdxs, seriesIdx, alignedFrame, model, options, theme, timeZone }: Args) {
  const xIdx = dataIdxs[0] ?? u.cursor.idx;
  if (xIdx === null || xIdx === undefined) {
    return null;
  }
  const timeMs = u.data[0][xIdx];
  const single = options.tooltip.mode === TooltipDisplayMode.Single;
  // Fields are matched to series by display name: series on one grid share a single frame (mapping.ts).
  const owner = (i: number) => model.fieldOwner.get(alignedFrame.fields[i]?.config.displayName ?? '');
  const hovered = seriesIdx ?? -1;
  const wanted = (i: number, seriesIndex: number | undefined) =>
    !single || i === hovered || (seriesIndex !== undefined && seriesIndex === owner(hovered));
  const colors = {
    weak: resolveColor(options.weakAnomalyColor, '', theme),
    strong: resolveColor(options.strongAnomalyColor, '', theme),
  };
  const series = model.series.flatMap((s, seriesIndex) => {
    const tooltip = wanted(-1, seriesIndex) && !s.hidden ? seriesTooltip(s, timeMs, colors) : null;
    return tooltip ? [tooltip] : ([] as SeriesTooltip[]);
  });
  const plain = alignedFrame.fields.flatMap((field, i) => {
    const value = field.values[xIdx];
    if (i === 0 || owner(i) !== undefined || !wanted(i, undefined) || typeof value !== 'number') {
      return [];
    }
    const text = field.display ? formattedValueToString(field.display(value)) : String(value);
    const color = field.config.color?.fixedColor ?? theme.colors.text.primary;
    return [{ name: getFieldDisplayName(field, alignedFrame), color, value: text }];
  });
  return <BandsTooltip timeMs={timeMs} timeZone={timeZone} series={series} plain={plain} />;
}
