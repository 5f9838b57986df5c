/** Discovers the benchmark cases: every `bench/cases/*.ts` exporting `cases: BenchCase[]`. */

import { readdirSync } from 'fs';
import { join } from 'path';

import type { BenchCase } from './types';

export async function loadCases(): Promise<BenchCase[]> {
  const dir = join(__dirname, 'cases');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort();
  const all: BenchCase[] = [];
  for (const file of files) {
    const mod: { cases?: BenchCase[] } = await import(join(dir, file));
    if (!Array.isArray(mod.cases)) {
      throw new Error(`bench/cases/${file} must export cases: BenchCase[]`);
    }
    all.push(...mod.cases);
  }
  const names = new Set<string>();
  for (const c of all) {
    if (names.has(c.name)) {
      throw new Error(`duplicate benchmark case name ${c.name}`);
    }
    names.add(c.name);
  }
  return all;
}
