/** Writes the settings table of service/README.md from the settings schema (`npm run settings:table`). */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { withSettingsTable } from '../src/contract/settings/table';

const README = path.resolve(__dirname, '../service/README.md');
writeFileSync(README, withSettingsTable(readFileSync(README, 'utf8')));
