/**
 * Creates fit workers that work when Grafana serves plugin assets from a CDN. `new Worker(url)` requires a
 * same-origin script, so each worker starts from a same-origin Blob URL whose only line `importScripts()` the
 * worker bundle (`datasource/fit.worker.js`, built next to the data source module); classic workers may import
 * cross-origin scripts, like a `<script>` tag. The page's CSP must allow `worker-src blob:`.
 */
import type { WorkerFactory, WorkerLike } from './pool';

declare const __webpack_public_path__: string | undefined;

/** File name of the worker bundle, relative to the data source module (see the root webpack.config.ts). */
export const WORKER_BUNDLE_FILE = 'fit.worker.js';

/**
 * Absolute URL of the worker bundle. Webpack's public path is the directory of the loaded `datasource/module.js`
 * (set at runtime by the scaffold from the AMD module URI, so it follows a CDN); relative paths resolve against the
 * document, because `importScripts` inside a Blob worker cannot resolve them.
 */
export function workerBundleUrl(baseUri: string): string {
  const publicPath = typeof __webpack_public_path__ === 'string' ? __webpack_public_path__ : '';
  return new URL(publicPath + WORKER_BUNDLE_FILE, baseUri).href;
}

/** Worker factory over one shared Blob URL; throws a readable error where Web Workers are unavailable. */
export function createBlobWorkerFactory(scriptUrl: string): WorkerFactory {
  let blobUrl: string | undefined;
  return () => {
    if (typeof Worker === 'undefined' || typeof Blob === 'undefined' || typeof URL.createObjectURL !== 'function') {
      throw new Error('Web Workers are not available in this browser; switch the data source to the fit service');
    }
    blobUrl ??= URL.createObjectURL(
      new Blob([`importScripts(${JSON.stringify(scriptUrl)});`], { type: 'application/javascript' })
    );
    const worker: WorkerLike = new Worker(blobUrl, { name: 'tidemark-fit' });
    return worker;
  };
}
