import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../..');
const SCANNED = ['src', 'service/src', 'service/test', 'demo', 'bench', 'tests/browser', 'tests/harness/host'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'node_modules' || entry.name === 'build' ? [] : sourceFiles(path);
    }
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Files (relative to the repository) whose text matches `pattern`, apart from the one place allowed to. */
function definedOutside(pattern: RegExp, allowed: string): string[] {
  return SCANNED.flatMap((dir) => sourceFiles(join(ROOT, dir)))
    .map((file) => relative(ROOT, file))
    .filter((file) => file !== allowed && pattern.test(readFileSync(join(ROOT, file), 'utf8')));
}

describe('constants defined once (issue 11 item 5)', () => {
  it('should define the time units only in src/model/timeUnits.ts', () => {
    expect(definedOutside(/\b(const|let)\s+(SECOND|MINUTE|HOUR|DAY|WEEK)_MS\s*=/, 'src/model/timeUnits.ts')).toEqual(
      []
    );
  });

  it("should write Prometheus's 11,000-point limit only in src/contract/constants.ts (tests may state it)", () => {
    const code = definedOutside(/[^\d.,_]11_?000\b(?![.,]\d)/, 'src/contract/constants.ts');
    expect(code.filter((file) => !/\.test\.tsx?$/.test(file))).toEqual([]);
  });
});
