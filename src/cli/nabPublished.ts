/**
 * Published NAB detector scores of a NAB-format folder, read from its README: a Markdown table
 * `| detector | standard | reward_low_FP | reward_low_FN |`, or a sentence "Published NAB detectors on these …
 * (standard profile …): ARTime 83.5, Numenta HTM 65.6, …" (standard profile only).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One published detector: its NAB scores per profile (standard, reward_low_FP_rate, reward_low_FN_rate). */
export interface PublishedScore {
  detector: string;
  /** [standard, low FP, low FN]; NaN where the README does not give it. */
  scores: [number, number, number];
}

const TABLE_ROW =
  /^\|\s*([^|]*?[A-Za-z][^|]*?)\s*\|\s*(\d+(?:\.\d+)?)\s*\|\s*(\d+(?:\.\d+)?)\s*\|\s*(\d+(?:\.\d+)?)\s*\|\s*$/;
const SENTENCE_PAIR = /^(.*\S)\s+(\d+(?:\.\d+)?)$/;

/** Published scores listed in `DIR/README.md`; [] when there is no README or no list in it. */
export function readPublishedScores(dir: string): PublishedScore[] {
  let text: string;
  try {
    text = readFileSync(join(dir, 'README.md'), 'utf8');
  } catch {
    return [];
  }
  const lines = text.split('\n');
  const rows = lines.map((line) => TABLE_ROW.exec(line.trim())).filter((m): m is RegExpExecArray => m !== null);
  if (rows.length > 0) {
    return rows.map((m) => ({ detector: m[1], scores: [Number(m[2]), Number(m[3]), Number(m[4])] }));
  }
  const sentence = text.replace(/\n/g, ' ').match(/Published NAB detectors[^:]*:(.*?)\.(?:\s|$)/);
  if (!sentence) {
    return [];
  }
  return sentence[1]
    .split(',')
    .map((part) => SENTENCE_PAIR.exec(part.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ detector: m[1], scores: [Number(m[2]), NaN, NaN] }));
}
