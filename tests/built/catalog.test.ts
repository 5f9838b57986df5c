/**
 * Catalog checks on dist/, as Grafana's plugin-validator runs them before a plugin is published: READMEs without
 * relative links (its brokenlinks analyzer errors on them, since the catalog shows the README away from the
 * repository), every plugin.json with the fields plugin.schema.json requires, and app includes that exist.
 * Run after `npm run build`.
 */
import fs from 'node:fs';
import path from 'node:path';

const dist = path.resolve(__dirname, '..', '..', 'dist');
const PLUGIN_DIRS = ['', 'datasource', 'panel'];

/** plugin.schema.json (grafana/grafana docs/sources/developers/plugins): required at the root, in info, in dependencies. */
const REQUIRED = {
  root: ['type', 'name', 'id', 'info', 'dependencies'],
  info: ['keywords', 'logos', 'version', 'updated'],
  logos: ['small', 'large'],
  dependencies: ['grafanaDependency'],
};
/** The schema's id pattern: organisation, optional name, plugin type. */
const ID_PATTERN = /^[0-9a-z]+-([0-9a-z]+-)?(app|panel|datasource)$/;
const INCLUDE_TYPES = ['dashboard', 'page', 'panel', 'datasource'];

/** Targets of Markdown links and images and of HTML href/src attributes, with their line numbers. */
export function linkTargets(markdown: string): Array<{ line: number; target: string }> {
  const out: Array<{ line: number; target: string }> = [];
  let inFence = false;
  markdown.split('\n').forEach((text, i) => {
    if (/^\s*```/.test(text)) {
      inFence = !inFence;
    }
    if (inFence) {
      return;
    }
    const code = /`[^`]*`/g;
    const plain = text.replace(code, '');
    for (const m of plain.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      out.push({ line: i + 1, target: m[1] });
    }
    for (const m of plain.matchAll(/\b(?:href|src)\s*=\s*["']([^"']+)["']/g)) {
      out.push({ line: i + 1, target: m[1] });
    }
    for (const m of plain.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/g)) {
      out.push({ line: i + 1, target: m[1] });
    }
  });
  return out;
}

const isAbsolute = (target: string) => /^(https?:\/\/|mailto:)/.test(target);

function readmes(): string[] {
  return PLUGIN_DIRS.map((dir) => path.join(dist, dir, 'README.md')).filter((f) => fs.existsSync(f));
}

describe('linkTargets', () => {
  it('should find Markdown links, images, reference links and HTML attributes, and skip code', () => {
    const text = [
      'See [the demo](demo/README.md) and ![shot](https://x.org/a.png "title").',
      '<img src="img/logo.svg"> `[not](a/link)`',
      '[ref]: LICENSE',
      '```',
      '[in](fence.md)',
      '```',
    ].join('\n');
    expect(linkTargets(text)).toEqual([
      { line: 1, target: 'demo/README.md' },
      { line: 1, target: 'https://x.org/a.png' },
      { line: 2, target: 'img/logo.svg' },
      { line: 3, target: 'LICENSE' },
    ]);
  });
});

describe('dist/ for the plugin catalog', () => {
  it('should have the catalog README (src/README.md), with absolute links only', () => {
    expect(readmes()).toContain(path.join(dist, 'README.md'));
    expect(fs.readFileSync(path.join(dist, 'README.md'), 'utf8')).toBe(
      fs.readFileSync(path.resolve(dist, '..', 'src', 'README.md'), 'utf8')
    );
    for (const file of readmes()) {
      const relative = linkTargets(fs.readFileSync(file, 'utf8')).filter((l) => !isAbsolute(l.target));
      expect({ file: path.relative(dist, file), relative }).toEqual({ file: path.relative(dist, file), relative: [] });
    }
  });

  describe.each(PLUGIN_DIRS)('plugin.json in dist/%s', (dir) => {
    const meta = JSON.parse(fs.readFileSync(path.join(dist, dir, 'plugin.json'), 'utf8'));

    it('should have every field plugin.schema.json requires, and a valid id', () => {
      const missing = [
        ...REQUIRED.root.filter((k) => meta[k] === undefined),
        ...REQUIRED.info.filter((k) => meta.info?.[k] === undefined).map((k) => `info.${k}`),
        ...REQUIRED.logos.filter((k) => !meta.info?.logos?.[k]).map((k) => `info.logos.${k}`),
        ...REQUIRED.dependencies.filter((k) => !meta.dependencies?.[k]).map((k) => `dependencies.${k}`),
      ];
      expect(missing).toEqual([]);
      expect(meta.id).toMatch(ID_PATTERN);
      expect(meta.id.endsWith(meta.type)).toBe(true);
      // The build fills the placeholders; the catalog rejects them.
      expect(JSON.stringify(meta)).not.toMatch(/%[A-Z_]+%/);
    });

    it('should link to absolute URLs and ship its screenshots', () => {
      for (const link of meta.info.links ?? []) {
        expect(link.url).toMatch(/^https:\/\//);
      }
      expect(meta.info.screenshots?.length ?? 0).toBeGreaterThan(0);
    });
  });

  it('should include only known types, with a dashboard and files that exist', () => {
    const app = JSON.parse(fs.readFileSync(path.join(dist, 'plugin.json'), 'utf8'));
    for (const include of app.includes) {
      expect(INCLUDE_TYPES).toContain(include.type);
      if (include.type !== 'page') {
        expect(fs.existsSync(path.join(dist, include.path))).toBe(true);
      }
    }
    const dashboards = app.includes.filter((i: { type: string }) => i.type === 'dashboard');
    expect(dashboards.length).toBeGreaterThan(0);
    for (const include of dashboards) {
      const dashboard = JSON.parse(fs.readFileSync(path.join(dist, include.path), 'utf8'));
      expect(dashboard.title).toBe(include.name);
      // Portable: data sources through a variable, so the dashboard works with any data source uid.
      const refs = JSON.stringify(dashboard).match(/"uid":\s*"[^"]*"/g) ?? [];
      for (const ref of refs.filter((r) => !r.includes('-- Grafana --') && !r.includes(dashboard.uid))) {
        expect(ref).toMatch(/\$\{\w+\}/);
      }
    }
  });
});
