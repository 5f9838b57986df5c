import { migrateOptions, migrationHandler } from './migrations';
import { BandsPanelOptions, DEFAULT_OPTIONS } from './options';

describe('migrateOptions', () => {
  const cases: Array<{ name: string; saved: unknown; expected: Partial<BandsPanelOptions> }> = [
    { name: 'undefined options (new panel)', saved: undefined, expected: DEFAULT_OPTIONS },
    { name: 'the placeholder panel options {}', saved: {}, expected: DEFAULT_OPTIONS },
    { name: 'a non-object', saved: 'both', expected: DEFAULT_OPTIONS },
    {
      name: 'valid version-1 options',
      saved: { ...DEFAULT_OPTIONS, bandLevels: 'strong', bandOpacityPct: 55, showHorizon: false },
      expected: { bandLevels: 'strong', bandOpacityPct: 55, showHorizon: false },
    },
    { name: 'an unknown band level', saved: { bandLevels: 'all' }, expected: { bandLevels: 'both' } },
    { name: 'an opacity above 100', saved: { bandOpacityPct: 250 }, expected: { bandOpacityPct: 100 } },
    { name: 'a negative marker size', saved: { anomalyMarkerSizePx: -3 }, expected: { anomalyMarkerSizePx: 1 } },
    { name: 'a NaN opacity', saved: { bandOpacityPct: NaN }, expected: { bandOpacityPct: 30 } },
    { name: 'a string boolean', saved: { showAnomalyRegions: 'false' }, expected: { showAnomalyRegions: true } },
    { name: 'an empty anomaly colour', saved: { strongAnomalyColor: '' }, expected: { strongAnomalyColor: 'red' } },
    { name: 'an empty band colour (series colour)', saved: { bandColor: '' }, expected: { bandColor: '' } },
    {
      name: 'a partial legend',
      saved: { legend: { showLegend: false } },
      expected: { legend: { ...DEFAULT_OPTIONS.legend, showLegend: false } },
    },
  ];

  it.each(cases)('should migrate $name', ({ saved, expected }) => {
    const migrated = migrateOptions(saved);
    expect(migrated).toMatchObject(expected);
    expect(migrated.optionsVersion).toBe(1);
  });

  it('should drop unknown keys when migrating', () => {
    expect(migrateOptions({ legacyThing: 1 })).not.toHaveProperty('legacyThing');
  });

  it('should return options from a newer version unchanged when the version is above 1', () => {
    const future = { optionsVersion: 2, bands: ['p95'] };
    expect(migrateOptions(future)).toBe(future);
  });

  it('should produce the same document as the snapshot when migrating mixed options', () => {
    expect(migrateOptions({ bandLevels: 'weak', bandOpacityPct: 12.5, tooltip: { mode: 'single' } })).toMatchSnapshot();
  });
});

describe('migrationHandler', () => {
  it('should migrate the panel options when Grafana passes a saved panel', () => {
    const panel = {
      options: { bandLevels: 'none' },
      pluginVersion: '0.0.1',
      fieldConfig: { defaults: {}, overrides: [] },
    };
    expect(migrationHandler(panel as never)).toMatchObject({ bandLevels: 'none', optionsVersion: 1 });
  });
});
