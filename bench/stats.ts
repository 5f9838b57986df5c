/** Small helpers shared by the runner and the child processes. */

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Prefix of the one stdout line a child process or peer script reports its result on. */
export const RESULT_PREFIX = 'BENCH_RESULT ';

/** What a child process or peer script reports. */
export interface ChildResult {
  timesMs: number[];
  maxRssKb: number | null;
  note: string;
  error?: string;
}

/** Finds and parses the result line of a child's stdout; null when there is none. */
export function parseChildResult(stdout: string): ChildResult | null {
  const line = stdout
    .split('\n')
    .reverse()
    .find((l) => l.startsWith(RESULT_PREFIX));
  return line ? (JSON.parse(line.slice(RESULT_PREFIX.length)) as ChildResult) : null;
}
