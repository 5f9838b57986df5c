import { FieldColorModeId, FieldConfigProperty, PanelPlugin } from '@grafana/data';
import { commonOptionsBuilder } from '@grafana/ui';
import { BandsPanel } from './components/BandsPanel';
import { migrationHandler } from './migrations';
import { BandsPanelOptions } from './options';
import { buildOptionsEditor } from './optionsEditor';

export const plugin = new PanelPlugin<BandsPanelOptions>(BandsPanel)
  .setMigrationHandler(migrationHandler)
  .useFieldConfig({
    standardOptions: {
      [FieldConfigProperty.Color]: {
        settings: { byValueSupport: false, bySeriesSupport: true, preferThresholdsMode: false },
        defaultValue: { mode: FieldColorModeId.PaletteClassic },
      },
    },
    // Thresholds are not drawn by this panel.
    disableStandardOptions: [FieldConfigProperty.Thresholds],
    // hideFrom must be registered so legend clicks (which write hideFrom overrides) reach the fields.
    useCustomConfig: (builder) => commonOptionsBuilder.addHideFrom(builder),
  })
  .setPanelOptions(buildOptionsEditor);
