/**
 * Checks the built plugin in dist/ the way Grafana consumes it: plugin.json metadata, AMD modules that export
 * `plugin`, and shared modules left external (issue #2, item 3). Run after `npm run build`.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

const root = path.resolve(__dirname, '..', '..');
const dist = path.join(root, 'dist');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

/** Modules Grafana provides to plugins at runtime (the scaffold's externals); none may be bundled. */
const SHARED_MODULES = [
  'react',
  'react-dom',
  'react-router',
  'react-redux',
  'redux',
  'rxjs',
  'lodash',
  'moment',
  'jquery',
  'd3',
  'i18next',
  '@emotion/css',
  '@emotion/react',
  '@grafana/data',
  '@grafana/ui',
  '@grafana/runtime',
];

const PLUGINS = [
  { dir: '', id: 'tidemark-forecast-app', type: 'app', pluginClass: 'AppPlugin' },
  { dir: 'datasource', id: 'tidemark-sarima-datasource', type: 'datasource', pluginClass: 'DataSourcePlugin' },
  { dir: 'panel', id: 'tidemark-bands-panel', type: 'panel', pluginClass: 'PanelPlugin' },
];

function readJson(file: string) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** A stand-in for every export of a shared module: constructible, callable and chainable. */
function stubModule(moduleName: string): unknown {
  const cache = new Map<PropertyKey, unknown>();
  return new Proxy(
    {},
    {
      get(_target, prop) {
        if (prop === '__esModule') {
          return true;
        }
        if (!cache.has(prop)) {
          cache.set(prop, stubExport(`${moduleName}.${String(prop)}`, String(prop)));
        }
        return cache.get(prop);
      },
    }
  );
}

function stubExport(fullName: string, exportName: string) {
  function Stub(this: unknown, ...args: unknown[]) {
    const instance: Record<string, unknown> = { stubClass: exportName, stubModule: fullName, args };
    const proxy: object = new Proxy(instance, {
      get: (target, prop) => (prop in target ? target[prop as string] : () => proxy),
    });
    return proxy;
  }
  return Stub;
}

/** Evaluates an AMD module with a recording `define`, resolving its dependencies to stubs. */
function loadAmd(file: string): { deps: string[]; exports: Record<string, unknown> } {
  const code = fs.readFileSync(file, 'utf8');
  let deps: string[] = [];
  let factory: ((...args: unknown[]) => unknown) | undefined;
  const define = (...args: unknown[]) => {
    deps = args.find(Array.isArray) as string[];
    factory = args.find((a) => typeof a === 'function') as typeof factory;
  };
  (define as unknown as { amd: boolean }).amd = true;
  vm.runInNewContext(code, { define, console });
  if (!factory) {
    throw new Error(`${file} did not call define()`);
  }
  const resolved = deps.map((d) => (d === 'module' ? { uri: 'public/plugins/x/module.js' } : stubModule(d)));
  const exports = factory(...resolved) as Record<string, unknown>;
  return { deps, exports };
}

describe('dist/', () => {
  it('should exist (run `npm run build` first)', () => {
    expect(fs.existsSync(path.join(dist, 'plugin.json'))).toBe(true);
  });

  it.each(['README.md', 'CHANGELOG.md', 'LICENSE', 'img/logo.svg', 'datasource/img/logo.svg', 'panel/img/logo.svg'])(
    'should contain %s',
    (file) => {
      expect(fs.statSync(path.join(dist, file)).size).toBeGreaterThan(0);
    }
  );

  describe.each(PLUGINS)('plugin $id', ({ dir, id, type, pluginClass }) => {
    const pluginDir = path.join(dist, dir);
    const json = () => readJson(path.join(pluginDir, 'plugin.json'));

    it('should have plugin.json with id, type and package version', () => {
      const meta = json();
      expect(meta.id).toBe(id);
      expect(meta.type).toBe(type);
      expect(meta.info.version).toBe(pkg.version);
      expect(meta.info.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });

    it('should have full metadata', () => {
      const meta = json();
      expect(meta.name).toBeTruthy();
      expect(meta.info.description.length).toBeGreaterThan(20);
      expect(meta.info.keywords.length).toBeGreaterThan(0);
      expect(meta.info.author.name).toBeTruthy();
      expect(meta.info.links.length).toBeGreaterThan(0);
      expect(meta.dependencies.grafanaDependency).toMatch(/^>=\d+\.\d+\.\d+$/);
      for (const logo of [meta.info.logos.small, meta.info.logos.large]) {
        expect(fs.existsSync(path.join(pluginDir, logo))).toBe(true);
      }
      for (const shot of meta.info.screenshots) {
        expect(fs.existsSync(path.join(pluginDir, shot.path))).toBe(true);
      }
    });

    it(`should be an AMD module exporting a ${pluginClass} as plugin`, () => {
      const { exports } = loadAmd(path.join(pluginDir, 'module.js'));
      const plugin = exports.plugin as { stubClass?: string; stubModule?: string };
      expect(plugin).toBeDefined();
      expect(plugin.stubModule).toBe(`@grafana/data.${pluginClass}`);
    });

    it('should keep every shared module external', () => {
      const { deps } = loadAmd(path.join(pluginDir, 'module.js'));
      const map = readJson(path.join(pluginDir, 'module.js.map')) as { sources: string[] };
      const bundled = map.sources.filter((source) =>
        SHARED_MODULES.some((m) => source.includes(`/node_modules/${m}/`))
      );
      expect(bundled).toEqual([]);
      expect(deps).toEqual(expect.arrayContaining(['@grafana/data', 'react']));
    });
  });

  it('should declare the nested plugins in the app includes, with paths that exist', () => {
    const app = readJson(path.join(dist, 'plugin.json'));
    const nested = app.includes.filter((i: { type: string }) => i.type === 'datasource' || i.type === 'panel');
    expect(nested.map((i: { path: string }) => i.path).sort()).toEqual(['datasource/plugin.json', 'panel/plugin.json']);
    for (const include of nested) {
      expect(fs.existsSync(path.join(dist, include.path))).toBe(true);
    }
  });

  it('should use one grafanaDependency for all three plugins', () => {
    const deps = PLUGINS.map(({ dir }) => readJson(path.join(dist, dir, 'plugin.json')).dependencies.grafanaDependency);
    expect(new Set(deps).size).toBe(1);
  });
});
