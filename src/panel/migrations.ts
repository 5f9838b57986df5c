import type { PanelMigrationHandler } from '@grafana/data';
import {
  BAND_LEVELS_SHOWN,
  BandLevelsShown,
  BandsPanelOptions,
  DEFAULT_OPTIONS,
  OPTION_LIMITS,
  OPTIONS_VERSION,
} from './options';

type Unknown = Record<string, unknown>;

function isRecord(value: unknown): value is Unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pickBoolean(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

function pickString(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function pickNumber(value: unknown, fallback: number, limits: { min: number; max: number }): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return fallback;
  }
  return Math.min(limits.max, Math.max(limits.min, value));
}

function pickBandLevels(value: unknown): BandLevelsShown {
  return BAND_LEVELS_SHOWN.includes(value as BandLevelsShown) ? (value as BandLevelsShown) : DEFAULT_OPTIONS.bandLevels;
}

/**
 * Brings saved options to version 1: fills missing keys with defaults, replaces values of the wrong type, clamps
 * numbers into range and drops unknown keys. Options without a version (the placeholder panel's `{}`, or panels
 * saved by this release before any migration ran) are treated as version 1. Options from a newer version are
 * returned unchanged rather than downgraded.
 */
export function migrateOptions(saved: unknown): BandsPanelOptions {
  const options = isRecord(saved) ? saved : {};
  if (typeof options.optionsVersion === 'number' && options.optionsVersion > OPTIONS_VERSION) {
    return options as unknown as BandsPanelOptions;
  }
  const legend = isRecord(options.legend) ? options.legend : {};
  const tooltip = isRecord(options.tooltip) ? options.tooltip : {};
  return {
    optionsVersion: OPTIONS_VERSION,
    legend: { ...DEFAULT_OPTIONS.legend, ...legend },
    tooltip: { ...DEFAULT_OPTIONS.tooltip, ...tooltip },
    bandLevels: pickBandLevels(options.bandLevels),
    showForecast: pickBoolean(options.showForecast, DEFAULT_OPTIONS.showForecast),
    bandColor: pickString(options.bandColor, DEFAULT_OPTIONS.bandColor),
    weakAnomalyColor:
      pickString(options.weakAnomalyColor, DEFAULT_OPTIONS.weakAnomalyColor) || DEFAULT_OPTIONS.weakAnomalyColor,
    strongAnomalyColor:
      pickString(options.strongAnomalyColor, DEFAULT_OPTIONS.strongAnomalyColor) || DEFAULT_OPTIONS.strongAnomalyColor,
    bandOpacityPct: pickNumber(options.bandOpacityPct, DEFAULT_OPTIONS.bandOpacityPct, OPTION_LIMITS.bandOpacityPct),
    anomalyMarkerSizePx: pickNumber(
      options.anomalyMarkerSizePx,
      DEFAULT_OPTIONS.anomalyMarkerSizePx,
      OPTION_LIMITS.anomalyMarkerSizePx
    ),
    showHorizon: pickBoolean(options.showHorizon, DEFAULT_OPTIONS.showHorizon),
    showAnomalyRegions: pickBoolean(options.showAnomalyRegions, DEFAULT_OPTIONS.showAnomalyRegions),
  };
}

/** Grafana calls this when a saved panel's plugin version differs from the installed one. */
export const migrationHandler: PanelMigrationHandler<BandsPanelOptions> = (panel) => migrateOptions(panel.options);
