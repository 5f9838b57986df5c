/**
 * Command line of the service (Node's `util.parseArgs`, strict): `--config FILE [--listen HOST:PORT]
 * [--shard-index N --shard-count N] [--log-level LEVEL] [--startup-jitter DURATION]`, `--help`. Shard options
 * fall back to TIDEMARK_SHARD_INDEX and TIDEMARK_SHARD_COUNT; the index may be a StatefulSet pod name.
 */
import { parseArgs as parseArgv } from 'node:util';

import { parseDurationMs } from './duration';
import { parseShardIndex, type Shard } from './shard';

export interface ServiceArgs {
  config: string;
  host: string;
  port: number;
  shard: Shard;
  logLevel: string;
  startupJitterMs: number;
  /** Directory for persisted detector state (`state.ts`); undefined = nothing persisted. */
  stateDir?: string;
}

/** The service's `--help` text. */
export const USAGE = `usage: npm run service -- --config FILE [options]
  --config FILE              detectors file (YAML), required
  --listen HOST:PORT         address to serve on (default 127.0.0.1:9464)
  --shard-index N            this replica's shard, or a StatefulSet pod name such as tidemark-2
                             (default TIDEMARK_SHARD_INDEX, else 0)
  --shard-count N            number of shards (default TIDEMARK_SHARD_COUNT, else 1)
  --log-level LEVEL          fatal, error, warn, info, debug, trace or silent (default TIDEMARK_LOG_LEVEL, else info)
  --startup-jitter DURATION  random delay before the first scheduled fits, e.g. 30s (default 30s; 0 = none)
  --state-dir DIR            directory for persisted detector state (default TIDEMARK_STATE_DIR, else nothing persisted)
  -h, --help                 print this help and exit`;

export class UsageError extends Error {
  constructor(message: string) {
    super(
      `${message}\nusage: npm run service -- --config FILE [--listen HOST:PORT] [--shard-index N --shard-count N]\n` +
        '       [--log-level LEVEL] [--startup-jitter DURATION] [--state-dir DIR] (--help for all options)'
    );
    this.name = 'UsageError';
  }
}

/** Thrown by {@link parseArgs} for `--help`/`-h`: print {@link USAGE} to stdout and exit 0. */
export class HelpRequested extends Error {
  constructor() {
    super(USAGE);
    this.name = 'HelpRequested';
  }
}

const FLAGS = ['config', 'listen', 'shard-index', 'shard-count', 'log-level', 'startup-jitter', 'state-dir'] as const;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads the flags with Node's strict `util.parseArgs`; its messages name the unknown or incomplete flag. */
function readFlags(argv: string[]): Record<string, string | undefined> {
  const options = Object.fromEntries(FLAGS.map((name) => [name, { type: 'string' as const }]));
  let values;
  try {
    values = parseArgv({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) {
    throw new HelpRequested();
  }
  const flags: Record<string, string | undefined> = {};
  for (const name of FLAGS) {
    const value = (values as Record<string, string | boolean | undefined>)[name];
    flags[name] = typeof value === 'string' ? value : undefined;
  }
  return flags;
}

function parseListen(text: string): { host: string; port: number } {
  const match = /^(\[[^\]]+\]|[^:]*):(\d{1,5})$/.exec(text);
  const port = match ? Number(match[2]) : NaN;
  if (!match || port > 65535) {
    throw new UsageError(`--listen ${JSON.stringify(text)} must be HOST:PORT, e.g. 127.0.0.1:9464`);
  }
  return { host: match[1].replace(/^\[|\]$/g, '') || '0.0.0.0', port };
}

function parseShard(indexText: string | undefined, countText: string | undefined): Shard {
  const count = countText === undefined ? 1 : Number(countText);
  if (!Number.isInteger(count) || count < 1) {
    throw new UsageError(`shard count ${JSON.stringify(countText)} must be a positive integer`);
  }
  const index = indexText === undefined ? 0 : parseShardIndex(indexText);
  if (index === null || index >= count) {
    throw new UsageError(`shard index ${JSON.stringify(indexText)} must be an integer from 0 to ${count - 1}`);
  }
  return { index, count };
}

/** Parses argv (without node and script) with the environment as fallback. */
export function parseArgs(argv: string[], env: Record<string, string | undefined>): ServiceArgs {
  const flags = readFlags(argv);
  if (!flags.config) {
    throw new UsageError('--config FILE is required');
  }
  const logLevel = flags['log-level'] ?? env.TIDEMARK_LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}`);
  }
  const jitterText = flags['startup-jitter'] ?? '30s';
  const startupJitterMs = jitterText === '0' ? 0 : parseDurationMs(jitterText);
  if (startupJitterMs === null) {
    throw new UsageError(`--startup-jitter ${JSON.stringify(jitterText)} must be a duration, e.g. 30s`);
  }
  return {
    config: flags.config,
    ...parseListen(flags.listen ?? '127.0.0.1:9464'),
    shard: parseShard(
      flags['shard-index'] ?? env.TIDEMARK_SHARD_INDEX,
      flags['shard-count'] ?? env.TIDEMARK_SHARD_COUNT
    ),
    logLevel,
    startupJitterMs,
    stateDir: flags['state-dir'] ?? env.TIDEMARK_STATE_DIR,
  };
}
