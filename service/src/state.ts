/**
 * Persisted detector state, so that a restarted service serves its last models and derived series at once
 * instead of answering alert rules with NoData until the first refresh. One file per detector in the state
 * directory (`<name>.state`), rewritten after every refresh: written to a temporary file, flushed, then renamed
 * over the old one, so a crash leaves either the old or the new file, never half of one.
 *
 * File layout: a first line `tidemark-state <json header>` with `schemaVersion`, the payload's byte length and
 * SHA-256, then the payload: Node's v8 serialization (the structured clone the fit threads already use, which
 * keeps the model cache's typed arrays). A file that is unreadable, truncated, fails its checksum, has another
 * schema version or belongs to a detector whose configuration changed is reported and ignored, never fatal.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { SeriesAnalysis } from '../../src/contract/fit';
import type { FitCacheEntry } from '../../src/contract/protocol';
import type { DetectorDefinition } from './configTypes';
import type { DetectorState, Store } from './store';

/** Bumped on any incompatible change of `PersistedDetector`; files of another version are ignored. */
export const STATE_SCHEMA_VERSION = 1;
const MAGIC = 'tidemark-state';
const SUFFIX = '.state';

interface PersistedDetector {
  name: string;
  /** The detector's configuration when saved; state saved under another configuration is not reused. */
  configKey: string;
  savedAtMs: number;
  lastUpstreamSuccessMs: number | null;
  lastSampleMs: number | null;
  series: Array<{ key: string; analysis: SeriesAnalysis; cache: FitCacheEntry; updatedAtMs: number }>;
}

interface Log {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** What `restore` found, for the start-up log and tests. */
export interface RestoreReport {
  restored: string[];
  ignored: Array<{ file: string; reason: string }>;
}

function configKey(config: DetectorDefinition): string {
  return JSON.stringify(config);
}

/** Encodes one detector's state into the file format above. */
export function encodeState(record: PersistedDetector): Buffer {
  const payload = serialize(record);
  const sha256 = createHash('sha256').update(payload).digest('hex');
  const header = JSON.stringify({ schemaVersion: STATE_SCHEMA_VERSION, bytes: payload.length, sha256 });
  return Buffer.concat([Buffer.from(`${MAGIC} ${header}\n`), payload]);
}

/** Decodes a state file; throws an Error naming what is wrong with it. */
export function decodeState(data: Buffer): PersistedDetector {
  const newline = data.indexOf(0x0a);
  const first = newline < 0 ? '' : data.subarray(0, newline).toString('utf8');
  if (!first.startsWith(`${MAGIC} `)) {
    throw new Error('not a Tidemark state file (no header line)');
  }
  const header = JSON.parse(first.slice(MAGIC.length + 1)) as {
    schemaVersion?: unknown;
    bytes?: unknown;
    sha256?: unknown;
  };
  if (header.schemaVersion !== STATE_SCHEMA_VERSION) {
    throw new Error(`schema version ${String(header.schemaVersion)}, this service reads ${STATE_SCHEMA_VERSION}`);
  }
  const payload = data.subarray(newline + 1);
  if (payload.length !== header.bytes) {
    throw new Error(`truncated: ${payload.length} of ${String(header.bytes)} payload bytes`);
  }
  if (createHash('sha256').update(payload).digest('hex') !== header.sha256) {
    throw new Error('checksum mismatch');
  }
  return deserialize(payload) as PersistedDetector;
}

export class StateStore {
  constructor(
    private readonly dir: string,
    private readonly log: Log
  ) {
    mkdirSync(dir, { recursive: true });
  }

  private fileOf(name: string): string {
    return path.join(this.dir, `${encodeURIComponent(name)}${SUFFIX}`);
  }

  /** Loads every state file of a detector in `store`; reports and skips anything unusable. Synchronous: start-up. */
  restore(store: Store): RestoreReport {
    const report: RestoreReport = { restored: [], ignored: [] };
    const files = readdirSync(this.dir);
    // Temporary files of a write cut short by a crash; the state file they were to replace is still whole.
    files.filter((f) => f.includes(`${SUFFIX}.tmp-`)).forEach((f) => rmSync(path.join(this.dir, f), { force: true }));
    for (const file of files.filter((f) => f.endsWith(SUFFIX))) {
      const name = decodeURIComponent(file.slice(0, -SUFFIX.length));
      const detector = store.detectors.get(name);
      if (!detector) {
        continue; // another shard's detector, or one removed from the file
      }
      try {
        const record = decodeState(readFileSync(path.join(this.dir, file)));
        if (record.name !== name || record.configKey !== configKey(detector.config)) {
          throw new Error('saved under a different detector configuration');
        }
        for (const s of record.series) {
          store.put(detector, s.analysis, s.cache, s.updatedAtMs);
        }
        detector.lastUpstreamSuccessMs = record.lastUpstreamSuccessMs;
        detector.lastSampleMs = record.lastSampleMs;
        report.restored.push(name);
      } catch (err) {
        const reason = (err as Error).message;
        report.ignored.push({ file, reason });
        this.log.warn({ detector: name, file, reason }, 'ignoring unusable state file; the detector starts empty');
      }
    }
    this.log.info(
      { dir: this.dir, restored: report.restored.length, ignored: report.ignored.length },
      'state restored'
    );
    return report;
  }

  /** Writes one detector's state atomically (temp file, fsync, rename). Never throws: failures are logged. */
  async save(detector: DetectorState, nowMs: number): Promise<void> {
    const name = detector.config.name;
    const record: PersistedDetector = {
      name,
      configKey: configKey(detector.config),
      savedAtMs: nowMs,
      lastUpstreamSuccessMs: detector.lastUpstreamSuccessMs,
      lastSampleMs: detector.lastSampleMs,
      series: [...detector.series.values()].map(({ key, analysis, cache, updatedAtMs }) => ({
        key,
        analysis,
        cache,
        updatedAtMs,
      })),
    };
    const file = this.fileOf(name);
    const tmp = `${file}.tmp-${process.pid}`;
    try {
      const handle = await open(tmp, 'w');
      try {
        await handle.writeFile(encodeState(record));
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(tmp, file);
    } catch (err) {
      await unlink(tmp).catch(() => undefined);
      this.log.warn({ detector: name, err: (err as Error).message }, 'could not save detector state');
    }
  }
}
