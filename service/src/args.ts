/**
 * Command line of the service: `--config FILE [--listen HOST:PORT] [--shard-index N --shard-count N]
 * [--log-level LEVEL] [--startup-jitter DURATION]`. Shard options fall back to TIDEMARK_SHARD_INDEX and
 * TIDEMARK_SHARD_COUNT; the index may be a StatefulSet pod name (`tidemark-2`).
 */
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

export class UsageError extends Error {
  constructor(message: string) {
    super(
      `${message}\nusage: npm run service -- --config FILE [--listen HOST:PORT] [--shard-index N --shard-count N]\n` +
        '       [--log-level LEVEL] [--startup-jitter DURATION] [--state-dir DIR]'
    );
    this.name = 'UsageError';
  }
}

const FLAGS = ['config', 'listen', 'shard-index', 'shard-count', 'log-level', 'startup-jitter', 'state-dir'];
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function readFlags(argv: string[]): Record<string, string> {
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!match || !FLAGS.includes(match[1])) {
      throw new UsageError(`unknown argument ${JSON.stringify(argv[i])}`);
    }
    const value = match[2] ?? argv[++i];
    if (value === undefined) {
      throw new UsageError(`--${match[1]} needs a value`);
    }
    flags[match[1]] = value;
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
