import type { PanelOptionsEditorBuilder } from '@grafana/data';
import { commonOptionsBuilder } from '@grafana/ui';
import { BandsPanelOptions, DEFAULT_OPTIONS, OPTION_LIMITS } from './options';

const BANDS = ['Bands'];
const FORECAST = ['Forecast'];
const ANOMALIES = ['Anomalies'];

/** The panel options editor; every default comes from DEFAULT_OPTIONS. */
// eslint-disable-next-line max-lines-per-function -- one builder chain of every panel option, in the order Grafana shows them
export function buildOptionsEditor(builder: PanelOptionsEditorBuilder<BandsPanelOptions>) {
  builder
    .addRadio({
      path: 'bandLevels',
      name: 'Band levels',
      description: 'Which expected ranges to shade: the weak (narrower) level, the strong (wider) level, or both.',
      category: BANDS,
      defaultValue: DEFAULT_OPTIONS.bandLevels,
      settings: {
        options: [
          { value: 'both', label: 'Both' },
          { value: 'weak', label: 'Weak' },
          { value: 'strong', label: 'Strong' },
          { value: 'none', label: 'None' },
        ],
      },
    })
    .addSliderInput({
      path: 'bandOpacityPct',
      name: 'Band opacity',
      description: 'Fill opacity of the weak band in percent; the strong band uses half of it.',
      category: BANDS,
      defaultValue: DEFAULT_OPTIONS.bandOpacityPct,
      settings: { ...OPTION_LIMITS.bandOpacityPct, step: 1 },
    })
    .addColorPicker({
      path: 'bandColor',
      name: 'Band colour',
      description: 'Leave empty to shade each band in its series colour.',
      category: BANDS,
      defaultValue: DEFAULT_OPTIONS.bandColor,
    })
    .addBooleanSwitch({
      path: 'showForecast',
      name: 'Show forecast line',
      category: FORECAST,
      defaultValue: DEFAULT_OPTIONS.showForecast,
    })
    .addBooleanSwitch({
      path: 'showHorizon',
      name: 'Shade forecast horizon',
      description: 'Shade the time after the last observation, where only the forecast is drawn.',
      category: FORECAST,
      defaultValue: DEFAULT_OPTIONS.showHorizon,
    })
    .addColorPicker({
      path: 'weakAnomalyColor',
      name: 'Weak anomaly colour',
      category: ANOMALIES,
      defaultValue: DEFAULT_OPTIONS.weakAnomalyColor,
    })
    .addColorPicker({
      path: 'strongAnomalyColor',
      name: 'Strong anomaly colour',
      category: ANOMALIES,
      defaultValue: DEFAULT_OPTIONS.strongAnomalyColor,
    })
    .addSliderInput({
      path: 'anomalyMarkerSizePx',
      name: 'Anomaly marker size',
      category: ANOMALIES,
      defaultValue: DEFAULT_OPTIONS.anomalyMarkerSizePx,
      settings: { ...OPTION_LIMITS.anomalyMarkerSizePx, step: 1 },
    })
    .addBooleanSwitch({
      path: 'showAnomalyRegions',
      name: 'Shade anomaly windows',
      category: ANOMALIES,
      defaultValue: DEFAULT_OPTIONS.showAnomalyRegions,
    });
  commonOptionsBuilder.addTooltipOptions(builder);
  commonOptionsBuilder.addLegendOptions(builder);
}
