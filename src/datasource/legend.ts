/** Series names from the query's legend format, as Prometheus names its series. */
import { renderLegendFormat } from '@grafana/data';
import { seriesDisplayName } from './frames';

/** Prometheus' legend value meaning "name the series by its labels". */
const LEGEND_AUTO = '__auto';

/**
 * The name of a series: the legend format with `{{label}}` replaced by the label's value (Grafana's own
 * `renderLegendFormat`, so it behaves as in a Prometheus query), or the label set when the legend is empty or auto.
 */
export function seriesName(labels: Record<string, string>, key: string, legendFormat: string | undefined): string {
  const legend = legendFormat?.trim();
  if (!legend || legend === LEGEND_AUTO) {
    return seriesDisplayName(labels, key);
  }
  return renderLegendFormat(legend, labels);
}
