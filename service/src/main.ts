/**
 * Entry point of the companion service (`npm run service -- --config FILE`): loads the detectors file, keeps
 * this shard's detectors, starts the fit pool, the scheduler and the HTTP server, and shuts down cleanly on
 * SIGTERM/SIGINT. Configuration errors are printed as one JSON log line and exit with status 2.
 */
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HelpRequested, parseArgs, UsageError } from './args';
import { ConfigError, loadConfig } from './config';
import { createMetrics } from './metrics';
import { FitPool } from './pool';
import { Scheduler } from './scheduler';
import { buildServer } from './server';
import { ownsDetector } from './shard';
import { startupProblems } from './startupChecks';
import { StateStore } from './state';
import { Store } from './store';

function fatal(msg: string, extra: Record<string, unknown>): never {
  process.stderr.write(`${JSON.stringify({ level: 60, time: Date.now(), msg, ...extra })}\n`);
  process.exit(2);
}

function openStateStore(dir: string, log: ConstructorParameters<typeof StateStore>[1]): StateStore {
  try {
    return new StateStore(dir, log);
  } catch (err) {
    return fatal(`cannot use the state directory ${dir}: ${(err as Error).message}`, {});
  }
}

function packageVersion(): string {
  const file = path.resolve(__dirname, '../../package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

// eslint-disable-next-line max-lines-per-function -- the start-up sequence in order (config, checks, pool, server, scheduler, signals), read top to bottom
async function main(): Promise<void> {
  let args;
  let config;
  try {
    args = parseArgs(process.argv.slice(2), process.env);
    config = loadConfig(args.config, process.env, availableParallelism());
  } catch (err) {
    if (err instanceof HelpRequested) {
      process.stdout.write(`${err.message}\n`);
      process.exit(0);
    }
    if (err instanceof UsageError || err instanceof ConfigError) {
      fatal(err.message, err instanceof ConfigError ? { problems: err.problems } : {});
    }
    throw err;
  }
  const detectors = config.detectors.filter((d) => ownsDetector(args.shard, d.name));
  const store = new Store(detectors);
  // TIDEMARK_FIT_WORKER swaps the fit worker for the test double's (service tests); unset in production.
  const pool = new FitPool(config.limits, process.env.TIDEMARK_FIT_WORKER);
  const metrics = createMetrics(store, pool);
  const app = buildServer({ config, store, pool, metrics, version: packageVersion(), logLevel: args.logLevel });
  const problems = await startupProblems(args.config, config.detectors, detectors, config.upstream, {
    fitWorkerModule: process.env.TIDEMARK_FIT_WORKER,
    log: app.log,
  });
  if (problems.length > 0) {
    await pool.close();
    fatal(new ConfigError(problems).message, { problems });
  }
  const state = args.stateDir === undefined ? undefined : openStateStore(args.stateDir, app.log);
  // Before listening: the first scrape and the first alert evaluation already see the last models.
  state?.restore(store);
  const scheduler = new Scheduler(store, config.upstream, pool, metrics, app.log, {
    onRefreshed: state && ((detector) => void state.save(detector, Date.now())),
    startupJitterMs: args.startupJitterMs,
    concurrency: config.limits.threads,
    maxSeriesPerDetector: config.limits.maxSeriesPerDetector,
  });
  const address = await app.listen({ host: args.host, port: args.port });
  app.log.info(
    {
      url: address,
      shard: args.shard,
      detectors: detectors.map((d) => d.name),
      skippedDetectors: config.detectors.length - detectors.length,
      upstream: config.upstream?.url,
      threads: config.limits.threads,
    },
    'listening'
  );
  scheduler.start();
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) {
      return;
    }
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await scheduler.stop();
    await app.close();
    await pool.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err: unknown) => fatal('service failed to start', { err: String((err as Error)?.stack ?? err) }));
