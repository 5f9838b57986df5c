import CopyWebpackPlugin from 'copy-webpack-plugin';
import TerserPlugin from 'terser-webpack-plugin';
import type { Configuration, EntryObject } from 'webpack';
import grafanaConfig, { type Env } from './.config/webpack/webpack.config';

// Extends the scaffold's config (never edited, see .config/README.md): the scaffold copies only the app's own
// logos, so the nested data source and panel logos are copied here.
const config = async (env: Env): Promise<Configuration> => {
  const base = await grafanaConfig(env);
  return {
    ...base,
    entry: {
      ...(base.entry as EntryObject),
      // The data source's fit worker (src/worker/blobWorker.ts loads it from next to datasource/module.js with
      // importScripts). A plain script, not AMD like the plugin modules: a worker has no `define`.
      'datasource/fit.worker': {
        import: './worker/fit.worker.ts',
        library: { type: 'var', name: 'tidemarkFitWorker' },
      },
    },
    optimization: {
      ...base.optimization,
      // As the scaffold's minimizer, plus kept names for classes ending in Error: `ModelError` takes its name from
      // the class, and error names cross the worker boundary and reach users ("InsufficientDataError: …").
      minimizer: [
        new TerserPlugin({
          terserOptions: {
            keep_classnames: /Error$/,
            keep_fnames: /Error$/,
            format: {
              comments: (_, { type, value }) => type === 'comment2' && value.trim().startsWith('[create-plugin]'),
            },
            compress: { drop_console: ['log', 'info'] },
          },
        }),
      ],
    },
    plugins: [
      ...(base.plugins ?? []),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'datasource/img', to: 'datasource/img' },
          { from: 'panel/img', to: 'panel/img' },
        ],
      }),
    ],
  };
};

export default config;
