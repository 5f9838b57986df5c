/**
 * A minimal AMD loader, enough for the plugin bundles Grafana loads (`define([deps], factory)` from webpack's
 * `libraryTarget: 'amd'`). Shared modules come from `registerShared`; `module` resolves to `{ id, uri }` as in
 * Grafana's SystemJS setup (the plugin derives its public path from `uri`), `exports` to a fresh object.
 */
type Factory = (...deps: unknown[]) => unknown;

const shared = new Map<string, unknown>();
const pending = new Map<string, { deps: string[]; factory: Factory | unknown }>();

/** Makes a host module available to plugin bundles under its import name. */
export function registerShared(name: string, module: unknown) {
  shared.set(name, module);
}

function define(depsOrFactory: string[] | Factory, maybeFactory?: Factory) {
  const script = document.currentScript as HTMLScriptElement | null;
  if (!script) {
    throw new Error('harness AMD loader: define() called outside a <script> loaded by loadAmdModule');
  }
  const deps = Array.isArray(depsOrFactory) ? depsOrFactory : [];
  const factory = Array.isArray(depsOrFactory) ? maybeFactory : depsOrFactory;
  pending.set(script.src, { deps, factory });
}
define.amd = {};

/** Installs the global `define` the plugin bundles call. */
export function installAmd() {
  (window as unknown as { define: typeof define }).define = define;
}

function resolveDep(name: string, uri: string, exportsObject: object): unknown {
  if (name === 'module') {
    return { id: uri, uri };
  }
  if (name === 'exports') {
    return exportsObject;
  }
  if (!shared.has(name)) {
    throw new Error(`harness AMD loader: ${uri} needs "${name}", which the host does not provide`);
  }
  return shared.get(name);
}

/** Loads an AMD bundle by URL and returns its exports (e.g. `{ plugin }`). */
export async function loadAmdModule(url: string): Promise<Record<string, unknown>> {
  const src = new URL(url, document.baseURI).href;
  await new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`harness AMD loader: failed to load ${src}`));
    document.head.appendChild(script);
  });
  const entry = pending.get(src);
  if (!entry) {
    throw new Error(`harness AMD loader: ${src} did not call define()`);
  }
  const exportsObject = {};
  const args = entry.deps.map((dep) => resolveDep(dep, src, exportsObject));
  const result = typeof entry.factory === 'function' ? (entry.factory as Factory)(...args) : entry.factory;
  return (result ?? exportsObject) as Record<string, unknown>;
}
