import { readFileSync } from 'node:fs';
import path from 'node:path';
import { settingsTable, withSettingsTable } from './table';

describe('settingsTable', () => {
  it('should be what service/README.md shows (run `npm run settings:table` after changing the schema)', () => {
    const readme = readFileSync(path.resolve(__dirname, '../../../service/README.md'), 'utf8');
    expect(withSettingsTable(readme)).toBe(readme);
  });

  it('should list every setting with its default', () => {
    expect(settingsTable()).toContain('| `season`, CLI `--season` | duration | `auto` |');
    expect(settingsTable()).toContain('`levelsPct`, YAML `levels`, CLI `--levels`');
  });
});
