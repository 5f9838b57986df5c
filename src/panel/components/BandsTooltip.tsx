import React from 'react';
import { css } from '@emotion/css';
import { dateTimeFormat, GrafanaTheme2 } from '@grafana/data';
import type { TimeZone } from '@grafana/schema';
import { useStyles2 } from '@grafana/ui';
import type { SeriesTooltip } from '../tooltipRows';

interface Props {
  timeMs: number;
  timeZone: TimeZone;
  series: SeriesTooltip[];
  /** Plain (non-Tidemark) series values at the hovered time. */
  plain: Array<{ name: string; color: string; value: string }>;
}

/** Tooltip body for the hovered time: one block per series with its expected ranges and anomaly state. */
export function BandsTooltip({ timeMs, timeZone, series, plain }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.wrapper} data-testid="tidemark-tooltip">
      <div className={styles.header}>{dateTimeFormat(timeMs, { timeZone })}</div>
      {series.map((s) => (
        <div key={s.name} className={styles.block}>
          <div className={styles.name}>
            <span className={styles.swatch} style={{ background: s.color }} />
            {s.name}
          </div>
          {s.rows.map((row) => (
            <div key={row.label} className={styles.row}>
              <span className={styles.label}>{row.label}</span>
              <span style={row.color ? { color: row.color, fontWeight: 500 } : undefined}>{row.value}</span>
            </div>
          ))}
        </div>
      ))}
      {plain.map((p) => (
        <div key={p.name} className={styles.row}>
          <span className={styles.label}>
            <span className={styles.swatch} style={{ background: p.color }} />
            {p.name}
          </span>
          <span>{p.value}</span>
        </div>
      ))}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrapper: css({ padding: theme.spacing(1), fontSize: theme.typography.bodySmall.fontSize, minWidth: 220 }),
  header: css({ fontWeight: theme.typography.fontWeightMedium, marginBottom: theme.spacing(0.5) }),
  block: css({ padding: theme.spacing(0.5, 0), borderTop: `1px solid ${theme.colors.border.weak}` }),
  name: css({ display: 'flex', alignItems: 'center', fontWeight: theme.typography.fontWeightMedium }),
  swatch: css({ display: 'inline-block', width: 10, height: 4, marginRight: theme.spacing(0.75), borderRadius: 1 }),
  row: css({ display: 'flex', justifyContent: 'space-between', gap: theme.spacing(2) }),
  label: css({ color: theme.colors.text.secondary, display: 'flex', alignItems: 'center' }),
});
