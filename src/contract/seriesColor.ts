/**
 * Stable series colours, one definition for the data source (the `fixedColor` of the frames it returns, which the
 * stock Time series panel draws) and the bands panel: the series key hashed into Grafana's classic palette, leaving
 * out palette colours close to the anomaly marker colours so markers stand out from every series.
 *
 * Pure (no Grafana import, STYLE.md §2): callers pass the palette of a reference theme (`createTheme()`, dark), so
 * the chosen colour *name* does not depend on the viewer's theme; each panel resolves the name for its theme.
 */

/** Default marker colours of the two anomaly severities (Grafana colour names). */
export const ANOMALY_COLOR_NAMES = { weak: 'orange', strong: 'red' } as const;

/**
 * Euclidean RGB distance below which a palette colour counts as "like" a marker colour: 100 of 441 separates
 * orange (#FF9830) from dark-orange (#FA6400, 71 away) but keeps yellows and greens.
 */
const MIN_DISTANCE_RGB = 100;

/** The part of Grafana's `theme.visualization` this module reads. */
export interface ColorPalette {
  /** Colour names in palette order. */
  palette: string[];
  /** A colour name (or CSS colour) → `#rrggbb`. */
  getColorByName: (name: string) => string;
}

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
 * Palette colour name of a series: `key` hashed into the palette without the colours near `avoidColors` (names or
 * CSS colours, resolved through the same palette). The colour depends on the series identity, not on its position
 * in the response (positions shift when series appear or disappear between refreshes).
 */
export function seriesColorName(
  key: string,
  palette: ColorPalette,
  avoidColors: readonly string[] = [ANOMALY_COLOR_NAMES.weak, ANOMALY_COLOR_NAMES.strong]
): string {
  const avoid = avoidColors.map((c) => parseHex(palette.getColorByName(c))).filter((c): c is number[] => c !== null);
  const allowed = palette.palette.filter((name) => {
    const rgb = parseHex(palette.getColorByName(name));
    return !rgb || avoid.every((c) => Math.hypot(rgb[0] - c[0], rgb[1] - c[1], rgb[2] - c[2]) >= MIN_DISTANCE_RGB);
  });
  const names = allowed.length > 0 ? allowed : palette.palette;
  return names[hashKey(key) % names.length];
}
