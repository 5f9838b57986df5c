// Issue 11: the same good and bad values through every edge that reads settings — the detectors YAML, the fit
// API, the query resolver and the CLI — with the same accept/reject and the same message (the schema's).
import fixture from '../../../tests/fixtures/settings/consistency.json';
import { parseDetectorArgs } from '../../cli/detectorArgs';
import { resolveQuery } from '../../datasource/settings';
import { DEFAULT_QUERY, type SarimaQuery } from '../../datasource/types';
import { ConfigError, parseConfig } from '../../../service/src/config';
import { fitRequestProblem } from '../../../service/src/fitRoute';
import { FIT_CONTRACT_VERSION } from '../fit';
import { DEFAULT_FIT_SETTINGS, SETTINGS, type SettingName } from './index';
import type { SettingSpec } from './spec';
import { DAY_MS } from '../constants';

interface Case {
  setting: SettingName;
  value: unknown;
  yaml: string;
  cli?: string;
  error?: string;
  cliError?: string;
}

/** The message without the edge's location prefix and its `, got …` tail; undefined when accepted. */
const core = (message: string | undefined, prefix: string) =>
  message === undefined ? undefined : message.slice(message.indexOf(prefix) + prefix.length).replace(/, got .*$/, '');

function throughYaml({ setting, yaml }: Case): string | undefined {
  const path = ((SETTINGS[setting] as SettingSpec).yamlKey ?? setting).split('.');
  const field = path.length === 2 ? `${path[0]}: { ${path[1]}: ${yaml} }` : `${path[0]}: ${yaml}`;
  const text = `upstream: { url: 'http://127.0.0.1:9090' }\ndetectors:\n  - { name: d, query: up, ${field} }\n`;
  try {
    parseConfig(text, 'detectors.yaml', {}, 1);
    return undefined;
  } catch (error) {
    return core((error as ConfigError).problems.join('\n'), `${path.join('.')}: `);
  }
}

function throughFitApi({ setting, value }: Case): string | undefined {
  const body = { version: FIT_CONTRACT_VERSION, series: [], settings: { ...DEFAULT_FIT_SETTINGS, [setting]: value } };
  return core(fitRequestProblem(body), `settings.${setting}: `);
}

function throughQuery({ setting, value }: Case): string | undefined {
  const field =
    setting === 'trainingWindow' ? { trainingWindow: { type: 'duration', duration: value } } : { [setting]: value };
  const query = { ...DEFAULT_QUERY, refId: 'A', expr: 'up', ...field } as SarimaQuery;
  try {
    resolveQuery(query, { fromMs: 100 * DAY_MS, toMs: 101 * DAY_MS, intervalMs: 60_000, minIntervalMs: 15_000 });
    return undefined;
  } catch (error) {
    return core((error as Error).message, `${setting}: `);
  }
}

function throughCli({ setting, cli }: Case): string | undefined {
  const flag = (SETTINGS[setting] as SettingSpec).cli!.flag;
  try {
    parseDetectorArgs([`--${flag}`, cli!], []);
    return undefined;
  } catch (error) {
    return core((error as Error).message, `--${flag}: `);
  }
}

describe('settings at every edge', () => {
  const cases = fixture.cases as Case[];

  it.each(cases)('should treat $setting $yaml alike in the YAML, the fit API and the query', (c) => {
    const expected = { yaml: c.error, fit: c.error, query: c.error };
    expect({ yaml: throughYaml(c), fit: throughFitApi(c), query: throughQuery(c) }).toEqual(expected);
  });

  it.each(cases.filter((c) => c.cli !== undefined))('should treat --$setting $cli alike in the CLI', (c) => {
    expect(throughCli(c)).toEqual(c.error);
  });

  it.each(cases.filter((c) => c.cliError !== undefined))('should refuse $setting $yaml in the CLI, saying why', (c) => {
    const flag = (SETTINGS[c.setting] as SettingSpec).cli!.flag;
    expect(() => parseDetectorArgs([`--${flag}`, String(c.value)], [])).toThrow(c.cliError);
  });

  it('should give every shared setting the same default in the query, the YAML, the fit API and the CLI', () => {
    const yaml = parseConfig(
      "upstream: { url: 'http://127.0.0.1:9090' }\ndetectors:\n  - { name: d, query: up }\n",
      'detectors.yaml',
      {},
      1
    ).detectors[0].settings;
    expect(yaml).toEqual(DEFAULT_FIT_SETTINGS);
    const query = resolveQuery(
      { ...DEFAULT_QUERY, refId: 'A', expr: 'up' },
      { fromMs: 100 * DAY_MS, toMs: 101 * DAY_MS, intervalMs: 60_000, minIntervalMs: 15_000 }
    );
    expect(query.settings).toEqual(DEFAULT_FIT_SETTINGS);
    // The CLI's defaults are the detector's configuration scored on NAB (src/cli/detectorArgs.test.ts).
  });
});
