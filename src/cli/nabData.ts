/**
 * Loading of NAB-format data (github.com/numenta/NAB): `DIR/data/<group>/<file>.csv` and `DIR/windows.json`
 * mapping "<group>/<file>.csv" to a list of [start, end] timestamp pairs.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import type { NabWindow } from '../model/eval/nabScore';
import { parseCsv, parseTimestamp, type CsvSeries } from './csv';
import { InputError } from './errors';

/** One labelled NAB file. */
export interface NabFile extends CsvSeries {
  /** Key in windows.json, e.g. "realKnownCause/nyc_taxi.csv". */
  name: string;
  windows: NabWindow[];
}

function isWindowList(x: unknown): x is Array<[string, string]> {
  return (
    Array.isArray(x) && x.every((w) => Array.isArray(w) && w.length === 2 && w.every((t) => typeof t === 'string'))
  );
}

/**
 * Read every file listed in `DIR/windows.json` that exists under `DIR/data`, sorted by name.
 * Throws an Error naming the file when windows.json or a CSV is malformed.
 */
export function loadNab(dir: string): NabFile[] {
  const windowsPath = join(dir, 'windows.json');
  const parsed: unknown = JSON.parse(readFileSync(windowsPath, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null) {
    throw new InputError(`${windowsPath}: expected an object of window lists`);
  }
  const files: NabFile[] = [];
  for (const [name, list] of Object.entries(parsed)) {
    const path = join(dir, 'data', name);
    if (!isFile(path)) {
      continue;
    }
    if (!isWindowList(list)) {
      throw new InputError(`${windowsPath}: windows of ${name} are not [start, end] string pairs`);
    }
    const windows = list.map(([start, end]) => ({ startMs: windowTime(start, name), endMs: windowTime(end, name) }));
    files.push({ name, windows, ...parseCsv(readFileSync(path, 'utf8')) });
  }
  return files.sort((a, b) => a.name.localeCompare(b.name));
}

function windowTime(text: string, name: string): number {
  const t = parseTimestamp(text);
  if (t === undefined) {
    throw new InputError(`windows.json: unreadable window time "${text}" of ${name}`);
  }
  return t.ms;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
