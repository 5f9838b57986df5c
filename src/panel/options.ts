import {
  LegendDisplayMode,
  type OptionsWithLegend,
  type OptionsWithTooltip,
  SortOrder,
  TooltipDisplayMode,
} from '@grafana/schema';
import { ANOMALY_COLOR_NAMES } from '../contract/seriesColor';

/** Version of the options shape; `migrations.ts` brings saved options up to it. */
export const OPTIONS_VERSION = 1;

/** Which of the two band levels ([weak, strong], e.g. 95% and 99%) are drawn. */
export type BandLevelsShown = 'both' | 'weak' | 'strong' | 'none';

export const BAND_LEVELS_SHOWN: BandLevelsShown[] = ['both', 'weak', 'strong', 'none'];

/** Options of the bands panel (saved in the dashboard JSON). */
export interface BandsPanelOptions extends OptionsWithLegend, OptionsWithTooltip {
  /** Shape version; absent on options saved before any migration ran, which means version 1. */
  optionsVersion?: number;
  bandLevels: BandLevelsShown;
  showForecast: boolean;
  /** Band fill colour (a Grafana colour name or CSS colour); empty = the series colour. */
  bandColor: string;
  weakAnomalyColor: string;
  strongAnomalyColor: string;
  /** Fill opacity of the weak band in percent; the strong band uses half of it, so it reads fainter. */
  bandOpacityPct: number;
  /** Diameter of anomaly markers, CSS pixels. */
  anomalyMarkerSizePx: number;
  /** Shade the forecast horizon (the points after the last observation). */
  showHorizon: boolean;
  /** Shade the time windows of anomaly runs. */
  showAnomalyRegions: boolean;
}

/** Defaults; colours are Grafana colour names so they follow the dark and light themes. */
export const DEFAULT_OPTIONS: BandsPanelOptions = {
  optionsVersion: OPTIONS_VERSION,
  legend: { showLegend: true, displayMode: LegendDisplayMode.List, placement: 'bottom', calcs: [] },
  tooltip: { mode: TooltipDisplayMode.Multi, sort: SortOrder.None },
  bandLevels: 'both',
  showForecast: true,
  bandColor: '',
  weakAnomalyColor: ANOMALY_COLOR_NAMES.weak,
  strongAnomalyColor: ANOMALY_COLOR_NAMES.strong,
  bandOpacityPct: 30,
  anomalyMarkerSizePx: 7,
  showHorizon: true,
  showAnomalyRegions: true,
};

/** Valid ranges of the numeric options (the editor sliders and the migration clamp both use them). */
export const OPTION_LIMITS = {
  bandOpacityPct: { min: 0, max: 100 },
  anomalyMarkerSizePx: { min: 1, max: 30 },
} as const;
