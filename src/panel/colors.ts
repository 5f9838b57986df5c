import { createTheme, type Field, FieldColorModeId, type GrafanaTheme2 } from '@grafana/data';
import { seriesColorName } from '../contract/seriesColor';

/** The theme whose palette picks series colour names (contract/seriesColor.ts), the same one the data source uses. */
let referenceTheme: GrafanaTheme2 | undefined;

/**
 * Colour of a series: a fixed colour on the field wins (the data source sets the series' palette colour there; a
 * user override replaces it); otherwise the series key picks the palette colour the data source would have set.
 * `avoidColors` are the marker colours (names or CSS colours).
 */
export function seriesColor(
  key: string,
  field: Field | undefined,
  theme: GrafanaTheme2,
  avoidColors?: readonly string[]
): string {
  const color = field?.config.color;
  if (color?.mode === FieldColorModeId.Fixed && color.fixedColor) {
    return theme.visualization.getColorByName(color.fixedColor);
  }
  referenceTheme ??= createTheme();
  return theme.visualization.getColorByName(seriesColorName(key, referenceTheme.visualization, avoidColors));
}

/** A Grafana colour name or CSS colour resolved for the theme; `fallback` when `name` is empty. */
export function resolveColor(name: string, fallback: string, theme: GrafanaTheme2): string {
  return name ? theme.visualization.getColorByName(name) : fallback;
}
