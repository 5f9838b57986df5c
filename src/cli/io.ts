/** The CLI's contact with the outside world, injected so tests can capture output and fake files. */
import { readdir, readFile, stat } from 'node:fs/promises';

import { InputError } from './errors';

/** Output sinks and file access of a CLI run. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a UTF-8 text file; rejects with an InputError naming the path. */
  readText(path: string): Promise<string>;
  /** The `.csv` files under a folder (recursive, sorted, relative paths), or null when `path` is not a folder. */
  listCsvFiles(path: string): Promise<string[] | null>;
}

/** Node's {@link CliIo.listCsvFiles}. */
export async function listCsvFiles(path: string): Promise<string[] | null> {
  const isFolder = await stat(path).then(
    (s) => s.isDirectory(),
    () => false
  );
  if (!isFolder) {
    return null;
  }
  const entries = await readdir(path, { recursive: true });
  return entries.filter((name) => name.toLowerCase().endsWith('.csv')).sort();
}

/** The real process streams and file system. */
export function nodeIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    listCsvFiles,
    readText: async (path) => {
      try {
        return await readFile(path, 'utf8');
      } catch (error) {
        const code = (error as { code?: string }).code;
        throw new InputError(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : String(error)}`);
      }
    },
  };
}
