/**
 * Grafana's own public assets that @grafana/ui requests from the page (`window.__grafana_public_path__` = /public/):
 * the unicons SVG icons and the Inter / Roboto Mono web fonts. Grafana serves them from its public/ folder; the
 * harness maps each URL to a file in node_modules, so the page loads every asset without a 404.
 */
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const NODE_MODULES = path.join(ROOT, 'node_modules');

/** URL prefix of Grafana's public folder, as index.html sets `window.__grafana_public_path__`. */
export const PUBLIC_PATH = '/public/';

/** Font packages the web fonts come from (their latin subsets: what Grafana's own Inter files cover). */
export const FONT_PACKAGES = ['@fontsource/inter', '@fontsource/roboto-mono'];

/** Grafana's Inter file names (GlobalStyles/fonts) → weight and style of the @fontsource file. */
const INTER: Record<string, [number, 'normal' | 'italic']> = {
  'Inter-Regular.woff2': [400, 'normal'],
  'Inter-Medium.woff2': [500, 'normal'],
  'Inter-Italic.woff2': [400, 'italic'],
  'Inter-MediumItalic.woff2': [500, 'italic'],
};

/**
 * The node_modules file for a `/public/…` URL path, or null when the path is not a known Grafana asset. Icons:
 * `/public/build/img/icons/<dir>/<name>.svg` from @grafana/ui's own copy. Fonts: Inter by Grafana's file name,
 * Roboto Mono (Grafana requests one hashed file for weights 400 and 500) as the regular latin file.
 */
export function publicAssetFile(pathname: string): string | null {
  const icon = /^\/public\/build\/img\/icons\/([\w-]+\/[\w-]+\.svg)$/.exec(pathname);
  if (icon) {
    return path.join(NODE_MODULES, '@grafana', 'ui', 'dist', 'public', 'img', 'icons', icon[1]);
  }
  const inter = /^\/public\/fonts\/inter\/([\w-]+\.woff2)$/.exec(pathname);
  if (inter && INTER[inter[1]]) {
    const [weight, style] = INTER[inter[1]];
    return path.join(NODE_MODULES, '@fontsource', 'inter', 'files', `inter-latin-${weight}-${style}.woff2`);
  }
  if (/^\/public\/fonts\/roboto\/[\w-]+\.woff2$/.test(pathname)) {
    return path.join(NODE_MODULES, '@fontsource', 'roboto-mono', 'files', 'roboto-mono-latin-400-normal.woff2');
  }
  return null;
}
