/**
 * Fit worker (run by piscina in a worker thread): analyses one series per task with `analyzeSeries`. The
 * analyzer module is loaded once per thread; `workerData.analyzerModule` can name a test double instead.
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import { workerData } from 'piscina';
import { serializeError, type Analyzer, type FitTask, type FitTaskResult } from './fitTask';

const DEFAULT_ANALYZER = path.resolve(__dirname, '../../src/model/pipeline/analyze');

let analyzer: Analyzer | undefined;

function loadAnalyzer(): Analyzer {
  const configured = (workerData as { analyzerModule?: string } | undefined)?.analyzerModule;
  const file = configured ?? DEFAULT_ANALYZER + path.extname(__filename);
  // require, not import(): in piscina's threads tsx hooks CommonJS loading only, and the package is CommonJS.
  const mod = createRequire(__filename)(file) as { analyzeSeries?: Analyzer };
  if (typeof mod.analyzeSeries !== 'function') {
    throw new Error(`${file} does not export analyzeSeries`);
  }
  return mod.analyzeSeries;
}

export default function fit(task: FitTask): FitTaskResult {
  const started = performance.now();
  try {
    analyzer ??= loadAnalyzer();
    const { analysis, cache } = analyzer(task.input, task.settings, task.options);
    return { ok: true, analysis, cache, elapsedMs: performance.now() - started };
  } catch (err) {
    return { ok: false, error: serializeError(err), elapsedMs: performance.now() - started };
  }
}
