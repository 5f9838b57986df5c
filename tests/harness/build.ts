/**
 * Bundles the harness host (React, Grafana packages, the AMD loader, the runtime services) into
 * tests/harness/build/host.js with esbuild (shipped with tsx). Run: npx tsx tests/harness/build.ts
 */
import path from 'node:path';
import { build } from 'esbuild';

export const HOST_BUNDLE = path.join(__dirname, 'build', 'host.js');

export async function buildHost(): Promise<void> {
  await build({
    entryPoints: [path.join(__dirname, 'host', 'index.tsx')],
    outfile: HOST_BUNDLE,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    sourcemap: true,
    minify: false,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    loader: { '.svg': 'text', '.png': 'dataurl', '.woff2': 'file', '.woff': 'file', '.ttf': 'file', '.eot': 'file' },
  });
}

if (require.main === module) {
  buildHost().then(
    () => console.log(`built ${path.relative(process.cwd(), HOST_BUNDLE)}`),
    (error) => {
      console.error(error);
      process.exit(1);
    }
  );
}
