import { colorManipulator, type DataFrame, type GrafanaTheme2 } from '@grafana/data';
import type uPlot from 'uplot';
import type { BandsPlotModel } from './mapping';
import type { TimeRegion } from './regions';

/** What the overlay draws; read at draw time so new data redraws without rebuilding the plot config. */
export interface OverlayState {
  regions: BandsPlotModel['regions'];
  horizon: BandsPlotModel['horizon'];
  theme: GrafanaTheme2;
  /** The frame the plot draws (field i is uPlot series i), to find each region's value scale. */
  alignedFrame?: DataFrame;
}

/** Padding around a region's value range, CSS pixels, so markers at its edge sit inside the shading. */
const REGION_PAD_PX = 6;

/** Alpha of anomaly window shading by severity: visible behind the series, never hiding them. */
const REGION_ALPHA = { 1: 0.1, 2: 0.16 } as const;

function xSpan(u: uPlot, startMs: number, endMs: number): [number, number] | null {
  const { left, width } = u.bbox;
  const x0 = Math.max(left, u.valToPos(startMs, 'x', true));
  const x1 = Math.min(left + width, u.valToPos(endMs, 'x', true));
  return x1 > x0 ? [x0, x1] : null;
}

/** Canvas rows [top, bottom] of a region: its series' value range on that series' scale, padded and clipped. */
function ySpan(u: uPlot, region: TimeRegion, alignedFrame: DataFrame | undefined): [number, number] {
  const { top, height } = u.bbox;
  const index = alignedFrame?.fields.findIndex((f) => f.config.displayName === region.seriesName) ?? -1;
  const scale = index > 0 ? u.series[index]?.scale : undefined;
  if (!scale) {
    return [top, top + height];
  }
  const pad = REGION_PAD_PX * devicePixelRatio;
  const y0 = Math.max(top, u.valToPos(region.highValue, scale, true) - pad);
  const y1 = Math.min(top + height, u.valToPos(region.lowValue, scale, true) + pad);
  return [y0, Math.max(y0, y1)];
}

/**
 * Shades each anomaly window around its own series (not the full height: with several series a window must not
 * mark the others) and the forecast horizon; runs on uPlot's drawClear hook, under axes and series.
 */
export function drawBackground(u: uPlot, state: OverlayState) {
  const { ctx, bbox } = u;
  ctx.save();
  for (const region of state.regions) {
    const span = xSpan(u, region.startMs, region.endMs);
    if (span) {
      const [y0, y1] = ySpan(u, region, state.alignedFrame);
      ctx.fillStyle = colorManipulator.alpha(region.color, REGION_ALPHA[region.severity]);
      ctx.fillRect(span[0], y0, span[1] - span[0], y1 - y0);
    }
  }
  const horizon = state.horizon && xSpan(u, state.horizon.startMs, state.horizon.endMs);
  if (horizon) {
    ctx.fillStyle = colorManipulator.alpha(state.theme.colors.text.primary, 0.05);
    ctx.fillRect(horizon[0], bbox.top, horizon[1] - horizon[0], bbox.height);
  }
  ctx.restore();
}

/** Draws the horizon start as a dashed line with a label; runs on uPlot's draw hook, above the series. */
export function drawForeground(u: uPlot, state: OverlayState) {
  if (!state.horizon) {
    return;
  }
  const x = u.valToPos(state.horizon.startMs, 'x', true);
  const { ctx, bbox } = u;
  if (x < bbox.left || x > bbox.left + bbox.width) {
    return;
  }
  const px = devicePixelRatio;
  ctx.save();
  ctx.strokeStyle = state.theme.colors.text.secondary;
  ctx.lineWidth = px;
  ctx.setLineDash([4 * px, 4 * px]);
  ctx.beginPath();
  ctx.moveTo(Math.round(x) + 0.5, bbox.top);
  ctx.lineTo(Math.round(x) + 0.5, bbox.top + bbox.height);
  ctx.stroke();
  ctx.fillStyle = state.theme.colors.text.secondary;
  ctx.font = `${11 * px}px ${state.theme.typography.fontFamily}`;
  ctx.textBaseline = 'top';
  ctx.fillText('Forecast', x + 4 * px, bbox.top + 4 * px);
  ctx.restore();
}
