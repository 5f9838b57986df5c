import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { dateTime, GrafanaTheme2, PanelData, PanelProps, TimeRange } from '@grafana/data';
import { PanelDataErrorView } from '@grafana/runtime';
import { TooltipDisplayMode } from '@grafana/schema';
import { Icon, KeyboardPlugin, TimeSeries, TooltipPlugin2, usePanelContext, useStyles2, useTheme2 } from '@grafana/ui';
import { buildPlotModel, plotRangeMs } from '../mapping';
import { BandsPanelOptions } from '../options';
import { usePlotStructureRev } from '../structureRev';
import { OverlayPlugin } from './OverlayPlugin';
import { renderTooltip } from './renderTooltip';

type Props = PanelProps<BandsPanelOptions>;

const NOTICE_HEIGHT_PX = 22;

function noticeText(plainFrameCount: number, skippedFrameCount: number): string | null {
  const parts: string[] = [];
  if (plainFrameCount > 0) {
    parts.push(
      `${plainFrameCount} series without Tidemark bands (not from the Tidemark data source) drawn as plain lines`
    );
  }
  if (skippedFrameCount > 0) {
    parts.push(`${skippedFrameCount} frame(s) without a time and a number field skipped`);
  }
  return parts.length ? `${parts.join('; ')}.` : null;
}

/** What the panel draws, and the revision of its structure that tells Grafana's graph when to rebuild its plot. */
function usePlotModel(data: PanelData, options: BandsPanelOptions, theme: GrafanaTheme2) {
  const model = useMemo(() => buildPlotModel(data.series, options, theme), [data.series, options, theme]);
  return { model, structureRev: usePlotStructureRev(data.structureRev, model.frames) };
}

/** Bands panel: Grafana's time series graph with prediction bands, forecast horizon and anomaly highlights. */
export function BandsPanel(props: Props) {
  const { data, id, fieldConfig, options, width, height, timeRange, timeZone, onChangeTimeRange } = props;
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const { sync, eventsScope } = usePanelContext();
  const { model, structureRev } = usePlotModel(data, options, theme);
  const plotRange = useMemo((): TimeRange => {
    const range = plotRangeMs(timeRange.from.valueOf(), timeRange.to.valueOf(), model.horizon);
    if (range.toMs === timeRange.to.valueOf()) {
      return timeRange;
    }
    return { from: timeRange.from, to: dateTime(range.toMs), raw: timeRange.raw };
  }, [timeRange, model.horizon]);

  if (model.frames.length === 0) {
    return <PanelDataErrorView panelId={id} fieldConfig={fieldConfig} data={data} needsTimeField needsNumberField />;
  }
  const notice = noticeText(model.plainFrameCount, model.skippedFrameCount);
  const plotHeight = notice ? height - NOTICE_HEIGHT_PX : height;
  const tooltipMode = options.tooltip.mode;
  const overlay = { regions: model.regions, horizon: model.horizon, theme };
  return (
    <div className={styles.wrapper} data-testid="tidemark-bands-panel">
      {notice && (
        <div className={styles.notice} data-testid="tidemark-notice">
          <Icon name="info-circle" size="sm" /> {notice}
        </div>
      )}
      <TimeSeries
        frames={model.frames}
        structureRev={structureRev}
        timeRange={plotRange}
        timeZone={timeZone}
        width={width}
        height={plotHeight}
        legend={options.legend}
        options={options}
      >
        {(builder, alignedFrame) => (
          <>
            <KeyboardPlugin config={builder} />
            <OverlayPlugin config={builder} alignedFrame={alignedFrame} {...overlay} />
            {tooltipMode !== TooltipDisplayMode.None && (
              <TooltipPlugin2
                config={builder}
                // TooltipHoverMode is a const enum (not importable under isolatedModules): 0 = xOne, 1 = xAll.
                hoverMode={tooltipMode === TooltipDisplayMode.Single ? 0 : 1}
                queryZoom={onChangeTimeRange}
                clientZoom={true}
                syncMode={sync?.()}
                syncScope={eventsScope}
                render={(u, dataIdxs, seriesIdx) =>
                  renderTooltip({ u, dataIdxs, seriesIdx, alignedFrame, model, options, theme, timeZone })
                }
              />
            )}
          </>
        )}
      </TimeSeries>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrapper: css({ position: 'relative', width: '100%', height: '100%' }),
  notice: css({
    height: NOTICE_HEIGHT_PX,
    paddingLeft: theme.spacing(0.5),
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  }),
});
