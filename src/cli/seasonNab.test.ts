import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { detectSeason } from '../model/season';
import { prepareSeries } from '../model/series';
import { parseCsv } from './csv';

// Real data (read-only, outside the repo): run only where the NAB subset is present.
const NAB = join(__dirname, '../../../shared/nab/data');
const describeNab = existsSync(NAB) ? describe : describe.skip;

function seasons(file: string) {
  const csv = parseCsv(readFileSync(join(NAB, file), 'utf8'));
  const series = prepareSeries(csv.timesMs, csv.values);
  return detectSeason(series.values, { stepMs: series.stepMs });
}

describeNab('detectSeason on NAB data', () => {
  it.each([
    ['realKnownCause/nyc_taxi.csv', [48, 336]],
    ['realAdExchange/exchange-2_cpc_results.csv', [24]],
    ['artificialNoAnomaly/art_daily_small_noise.csv', [288]],
    ['artificialWithAnomaly/art_daily_jumpsup.csv', [288]],
  ])('should find the calendar seasons of %s', (file, periods) => {
    expect(seasons(file).periods).toEqual(periods);
  });
});
