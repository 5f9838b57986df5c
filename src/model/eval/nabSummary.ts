/**
 * Per-file and total NAB results of a detector over a set of files, under every profile.
 */
import { NAB_PROFILES, normalizeNabScore, scoreNabFile, type NabFileScore, type NabWindow } from './nabScore';

/** A scored file: its rows, its labelled windows and the detector's flag per row. */
export interface FlaggedFile {
  name: string;
  timesMs: ArrayLike<number>;
  windows: readonly NabWindow[];
  flags: ArrayLike<boolean>;
}

/** Results of one file: NAB file scores per profile, plus the normalised score of the file alone. */
export interface FileSummary {
  name: string;
  rows: number;
  flags: number;
  scores: Array<NabFileScore & { normalized: number }>;
}

/** Totals over all files for one profile. */
export interface TotalSummary {
  profile: string;
  raw: number;
  /** NAB normalised score of the whole set (raw scores and windows summed first). */
  normalized: number;
  windows: number;
  detectedWindows: number;
  /** detectedWindows / windows (1 when there are no windows). */
  recall: number;
  falsePositives: number;
  falsePositiveEvents: number;
}

/** NAB results of a set of flagged files (NAB §4 scoring, normalised over the set as NAB's final score). */
export interface NabSummary {
  files: FileSummary[];
  totals: TotalSummary[];
}

/** Score every file under every NAB profile and total them (see `nabScore.ts`). */
export function summarizeNab(files: readonly FlaggedFile[]): NabSummary {
  const summaries: FileSummary[] = files.map((f) => ({
    name: f.name,
    rows: f.timesMs.length,
    flags: Array.from(f.flags).filter(Boolean).length,
    scores: NAB_PROFILES.map((p) => {
      const s = scoreNabFile(f.timesMs, f.flags, f.windows, p);
      return { ...s, normalized: normalizeNabScore(s.raw, s.windows, p) };
    }),
  }));
  const totals = NAB_PROFILES.map((p, k): TotalSummary => {
    const scores = summaries.map((f) => f.scores[k]);
    const sum = (pick: (s: NabFileScore) => number) => scores.reduce((acc, s) => acc + pick(s), 0);
    const windows = sum((s) => s.windows);
    const detectedWindows = sum((s) => s.detectedWindows);
    const raw = sum((s) => s.raw);
    return {
      profile: p.name,
      raw,
      normalized: normalizeNabScore(raw, windows, p),
      windows,
      detectedWindows,
      recall: windows > 0 ? detectedWindows / windows : 1,
      falsePositives: sum((s) => s.falsePositives),
      falsePositiveEvents: sum((s) => s.falsePositiveEvents),
    };
  });
  return { files: summaries, totals };
}
