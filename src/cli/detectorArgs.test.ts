import fixture from '../../tests/fixtures/settings/consistency.json';
import { DEFAULT_SETTINGS, SETTINGS, type SettingName } from '../contract/settings';
import type { SettingSpec } from '../contract/settings/spec';
import { DEFAULT_DETECTOR_CONFIG } from '../model/detect/config';
import { DETECTOR_OPTIONS_HELP, parseDetectorArgs } from './detectorArgs';
import { CLI_FLAGS, readFlag } from './detectorSettings';

describe('DETECTOR_OPTIONS_HELP', () => {
  it.each([...CLI_FLAGS])("should list --%s with the schema's description of %s", (flag, name) => {
    const entry = SETTINGS[name] as SettingSpec;
    const line = DETECTOR_OPTIONS_HELP.split('\n').find((l) => l.startsWith(`  --${flag} `));
    expect(line).toBeDefined();
    expect(line).toContain(entry.schema.description);
    expect(line).toContain('(default ');
  });
});

describe('parseDetectorArgs', () => {
  it('should return the default configuration without options', () => {
    expect(parseDetectorArgs([], []).config).toEqual(DEFAULT_DETECTOR_CONFIG);
  });

  it('should read detector options in both --name value and --name=value forms', () => {
    const { config, options, flags } = parseDetectorArgs(
      [
        '--input',
        'f.csv',
        '--order=2,1,0',
        '--seasonal',
        '1,1,1',
        '--train-window',
        '500',
        '--refit-every=12h',
        '--json',
      ],
      ['input']
    );
    expect(config.order).toEqual({ p: 2, d: 1, q: 0 });
    expect(config.seasonalOrder).toEqual({ P: 1, D: 1, Q: 1 });
    expect(config.trainWindow).toEqual({ points: 500 });
    expect(config.refitEvery).toEqual({ ms: 12 * 3_600_000 });
    expect(options.get('input')).toBe('f.csv');
    expect(flags.has('json')).toBe(true);
  });

  it('should not mutate the default when changing alert rules', () => {
    const { config } = parseDetectorArgs(['--all-points', '--hold-off', '2h'], []);
    expect(config.rules).toEqual({
      ...DEFAULT_DETECTOR_CONFIG.rules,
      minConsecutive: 1,
      onsetOnly: false,
      holdOffMs: 7_200_000,
    });
    expect(DEFAULT_DETECTOR_CONFIG.rules.onsetOnly).toBe(true);
  });

  it('should reject unknown options and malformed values with a usage error', () => {
    expect(() => parseDetectorArgs(['--colour', 'red'], [])).toThrow('unknown option --colour');
    expect(() => parseDetectorArgs(['--order', '1,1'], [])).toThrow(
      '--order: must be auto or p, d, q with p, q in 0..5 and d in 0..2, got "1,1"'
    );
    expect(() => parseDetectorArgs(['--levels', '99,95'], [])).toThrow(
      '--levels: must be [weak, strong] with 0 < weak < strong < 100, got "99,95"'
    );
    expect(() => parseDetectorArgs(['--order', 'auto'], [])).toThrow('the CLI detector needs explicit orders');
    expect(() => parseDetectorArgs(['--input'], ['input'])).toThrow('--input needs a value');
  });

  it('should read --sensitivity and --direction from the settings schema, an explicit --min-score winning', () => {
    const high = parseDetectorArgs(['--sensitivity', 'high', '--direction', 'below'], []).config;
    expect(high.minScore).toBe(3.15);
    expect(high.direction).toBe('below');
    expect(parseDetectorArgs(['--sensitivity', '4.5', '--min-score', '6'], []).config.minScore).toBe(6);
    expect(() => parseDetectorArgs(['--direction', 'up'], [])).toThrow('--direction');
  });

  // The CLI maps shared settings through the pipeline's detectorConfig: a flag it dropped would pass silently.
  const good = (fixture.cases as Array<{ setting: SettingName; cli?: string; error?: string }>).filter(
    (c) => c.cli !== undefined && c.error === undefined
  );
  it.each(good)(
    'should carry --$setting $cli into the configuration when it is not the default',
    ({ setting, cli }) => {
      const flag = (SETTINGS[setting] as SettingSpec).cli!.flag;
      const config = parseDetectorArgs([`--${flag}`, cli!], []).config;
      const isDefault = JSON.stringify(readFlag(setting, cli!)) === JSON.stringify(DEFAULT_SETTINGS[setting]);
      expect(config).toEqual(
        isDefault ? DEFAULT_DETECTOR_CONFIG : expect.not.objectContaining(DEFAULT_DETECTOR_CONFIG)
      );
    }
  );
});
