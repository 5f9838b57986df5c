import { PanelPlugin } from '@grafana/data';
import { BandsPanel } from './components/BandsPanel';
import { BandsPanelOptions } from './options';

export const plugin = new PanelPlugin<BandsPanelOptions>(BandsPanel);
