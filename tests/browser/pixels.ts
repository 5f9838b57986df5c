/**
 * Pixel checks on screenshots. The PNG is decoded in the page (createImageBitmap + OffscreenCanvas), so no image
 * library is needed; only the requested columns come back to Node.
 */
import type { Page } from 'playwright-core';

export type Rgb = [number, number, number];

/** RGB pixels of screenshot columns `xs`, rows top..bottom (exclusive). */
export async function columns(page: Page, png: Buffer, xs: number[], top: number, bottom: number): Promise<Rgb[][]> {
  return page.evaluate(
    async ({ b64, xs, top, bottom }) => {
      const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
      const image = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(image.width, image.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      return xs.map((x) => {
        const data = ctx.getImageData(x, top, 1, bottom - top).data;
        const out: Array<[number, number, number]> = [];
        for (let i = 0; i < data.length; i += 4) {
          out.push([data[i], data[i + 1], data[i + 2]]);
        }
        return out;
      });
    },
    { b64: png.toString('base64'), xs, top, bottom }
  );
}

/** Parses `#rrggbb`, `rgb(r, g, b)` or `rgba(r, g, b, a)` (hex from theme values, rgb() from computed styles). */
export function parseRgb(css: string): Rgb {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(css);
  if (hex) {
    return [parseInt(hex[1], 16), parseInt(hex[2], 16), parseInt(hex[3], 16)];
  }
  const match = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css);
  if (!match) {
    throw new Error(`not an rgb() colour: ${css}`);
  }
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

export function distance(a: Rgb, b: Rgb): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/**
 * How strongly `pixel` is `color` laid over `background`: the alpha a of pixel ≈ bg + a·(color − bg), or null
 * when the pixel is off that line by more than `tolerance` (another colour, e.g. a grid line or another series).
 */
export function tint(pixel: Rgb, color: Rgb, background: Rgb, tolerance = 10): number | null {
  const d = [0, 1, 2].map((i) => color[i] - background[i]);
  const p = [0, 1, 2].map((i) => pixel[i] - background[i]);
  const dd = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
  if (dd === 0) {
    return null;
  }
  const a = (p[0] * d[0] + p[1] * d[1] + p[2] * d[2]) / dd;
  const residual = Math.hypot(p[0] - a * d[0], p[1] - a * d[1], p[2] - a * d[2]);
  return residual <= tolerance ? a : null;
}

/** Row indices of a column whose tint toward `color` lies in [lo, hi]. */
export function tintedRows(column: Rgb[], color: Rgb, background: Rgb, lo: number, hi: number): number[] {
  return column.flatMap((pixel, row) => {
    const a = tint(pixel, color, background);
    return a !== null && a >= lo && a <= hi ? [row] : [];
  });
}

/** Number of pixels in the columns within `maxDistance` of `color`. */
export function countNear(cols: Rgb[][], color: Rgb, maxDistance = 40): number {
  return cols.flat().filter((pixel) => distance(pixel, color) <= maxDistance).length;
}

/** Hue bin (of `binDeg` degrees) of a saturated, not dark pixel; null for greys, white, black and the background. */
function hueBin(pixel: Rgb, binDeg: number): number | null {
  const [r, g, b] = pixel.map((c) => c / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max < 0.3 || (max - min) / max < 0.35) {
    return null;
  }
  const d = max - min;
  const h = max === r ? ((g - b) / d + 6) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return Math.floor((h * 60) / binDeg);
}

/**
 * Hue bins (30° each) holding at least `minPixels` saturated pixels of the columns: how many different colours a
 * plot shows. One series (its line, bands and markers in one hue) fills one or two bins; many series in the
 * palette's colours fill most of the twelve.
 */
export function hueBinsUsed(cols: Rgb[][], minPixels = 20): number {
  const counts = new Map<number, number>();
  for (const pixel of cols.flat()) {
    const bin = hueBin(pixel, 30);
    if (bin !== null) {
      counts.set(bin, (counts.get(bin) ?? 0) + 1);
    }
  }
  return [...counts.values()].filter((n) => n >= minPixels).length;
}
