/**
 * The NAB sets the evaluation tests read (`eval.test.ts`, `evalNeighbours.test.ts`) and what those tests share. The sets
 * live outside the repository (read-only, never copied in): ../shared beside the checkout (or beside the folder of
 * worktrees); the suites skip where they are absent.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { EvalResult } from './eval';

const sharedDir = (name: string) =>
  [resolve(__dirname, '../../../shared', name), resolve(__dirname, '../../../../shared', name)].find((dir) =>
    existsSync(resolve(dir, 'windows.json'))
  ) ?? resolve(__dirname, '../../../shared', name);

export const NAB30_DIR = sharedDir('nab30');
export const NAB7_DIR = sharedDir('nab');
export const describeNab30 = existsSync(resolve(NAB30_DIR, 'windows.json')) ? describe : describe.skip;
export const describeNab7 = existsSync(resolve(NAB7_DIR, 'windows.json')) ? describe : describe.skip;

/** No knife edge (issue 12 must-have 6): a threshold moved by ±10 % must score at least the default minus 3 points. */
export const NEIGHBOUR_MARGIN = 3;

/** NAB normalised score of the standard profile. */
export const standardScore = (r: EvalResult) => r.totals.find((t) => t.profile === 'standard')?.normalized ?? NaN;
