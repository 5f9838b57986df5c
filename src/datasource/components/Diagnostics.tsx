import React from 'react';
import type { DataFrame } from '@grafana/data';
import { Stack, Text } from '@grafana/ui';
import { diagnosticsFromFrames, formatStat, modelLabel, type SeriesDiagnostics, summaryRows } from '../diagnostics';

interface Props {
  frames: DataFrame[] | undefined;
  refId: string;
}

/** Series shown in full; the rest are counted, so a 50-series query does not flood the editor. */
const MAX_SERIES = 5;

const cell = { padding: '2px 12px 2px 0' };

/** Diagnostics of the last run of this query, read from its frames' meta. */
export function Diagnostics({ frames, refId }: Props) {
  const series = diagnosticsFromFrames(frames, refId);
  if (series.length === 0) {
    return null;
  }
  return (
    <Stack direction="column" gap={1}>
      <Text variant="h6">Model diagnostics</Text>
      {series.slice(0, MAX_SERIES).map((s) => (
        <SeriesDetails key={s.seriesKey} diagnostics={s} />
      ))}
      {series.length > MAX_SERIES && (
        <Text color="secondary">{`…and ${series.length - MAX_SERIES} more series (open the query inspector for all)`}</Text>
      )}
    </Stack>
  );
}

function SeriesDetails({ diagnostics: { seriesKey, model } }: { diagnostics: SeriesDiagnostics }) {
  return (
    <details>
      <summary>
        <Text weight="medium">{seriesKey}</Text> <Text color="secondary">{modelLabel(model)}</Text>
      </summary>
      <table aria-label={`diagnostics of ${seriesKey}`}>
        <tbody>
          {summaryRows(model).map(([label, value]) => (
            <tr key={label}>
              <td style={cell}>{label}</td>
              <td style={cell}>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table aria-label={`coefficients of ${seriesKey}`}>
        <thead>
          <tr>
            <th style={cell}>Coefficient</th>
            <th style={cell}>Estimate</th>
            <th style={cell}>Std. error</th>
          </tr>
        </thead>
        <tbody>
          {model.coefficients.map((c) => (
            <tr key={c.name}>
              <td style={cell}>{c.name}</td>
              <td style={cell}>{formatStat(c.value)}</td>
              <td style={cell}>{formatStat(c.standardError)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {model.candidates && model.candidates.length > 0 && (
        <table aria-label={`candidates of ${seriesKey}`}>
          <thead>
            <tr>
              <th style={cell}>Candidate (ranked)</th>
              <th style={cell}>AICc</th>
            </tr>
          </thead>
          <tbody>
            {model.candidates.map((c) => (
              <tr key={c.label}>
                <td style={cell}>{c.label}</td>
                <td style={cell}>{c.error ?? formatStat(c.aicc)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
