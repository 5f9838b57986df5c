/** In-memory CLI io for tests: captures output and reads fixture files from disk. */
import { CliIo, listCsvFiles, nodeIo } from './io';

/** Captured output of a CLI run. */
export interface CapturedIo extends CliIo {
  out: string[];
  err: string[];
}

/** Io that records stdout/stderr and reads real files. */
export function captureIo(): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readText: nodeIo().readText,
    listCsvFiles,
  };
}
