import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const DOCKERFILES = ['service/Dockerfile', 'deploy/compose/Dockerfile'];

describe('Node version (issue 15 item 6: Node 22 LTS, Node 20 is end of life)', () => {
  it('should name Node 22 in .nvmrc', () => {
    expect(read('.nvmrc').trim()).toBe('22');
  });

  it.each(DOCKERFILES)('should build and run %s on the Node of .nvmrc', (file) => {
    const bases = [...read(file).matchAll(/^FROM\s+node:(\S+)/gm)].map((m) => m[1]);
    expect(bases.length).toBeGreaterThan(0);
    for (const base of bases) {
      expect(base.split(/[-.]/)[0]).toBe(read('.nvmrc').trim());
    }
  });
});
