import { type Field, FieldColorModeId, type GrafanaTheme2 } from '@grafana/data';

/**
 * Euclidean RGB distance below which a palette colour counts as "like" a marker colour: 100 of 441 separates
 * orange (#FF9830) from dark-orange (#FA6400, 71 away) but keeps yellows and greens.
 */
const MIN_DISTANCE_RGB = 100;

function parseHex(color: string): number[] | null {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(color);
  return match ? [1, 2, 3].map((i) => parseInt(match[i], 16)) : null;
}

/** 32-bit FNV-1a hash of a string; stable across sessions, so a series keeps its colour across refreshes. */
export function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * Colour of a series: a fixed colour the user chose for the field wins; otherwise the series key is hashed into
 * the theme's classic palette, so the colour depends on the series identity and not on its position in the
 * response (positions shift when series appear or disappear between refreshes).
 */
export function seriesColor(
  key: string,
  field: Field | undefined,
  theme: GrafanaTheme2,
  avoidColors: string[] = []
): string {
  const color = field?.config.color;
  if (color?.mode === FieldColorModeId.Fixed && color.fixedColor) {
    return theme.visualization.getColorByName(color.fixedColor);
  }
  const { getColorByName } = theme.visualization;
  // Colours near those reserved for anomaly markers are left out, so markers stand out from every series.
  const avoid = avoidColors.map(parseHex).filter((c): c is number[] => c !== null);
  const allowed = theme.visualization.palette.filter((name) => {
    const rgb = parseHex(getColorByName(name));
    return !rgb || avoid.every((c) => Math.hypot(rgb[0] - c[0], rgb[1] - c[1], rgb[2] - c[2]) >= MIN_DISTANCE_RGB);
  });
  const palette = allowed.length > 0 ? allowed : theme.visualization.palette;
  return getColorByName(palette[hashKey(key) % palette.length]);
}

/** A Grafana colour name or CSS colour resolved for the theme; `fallback` when `name` is empty. */
export function resolveColor(name: string, fallback: string, theme: GrafanaTheme2): string {
  return name ? theme.visualization.getColorByName(name) : fallback;
}
