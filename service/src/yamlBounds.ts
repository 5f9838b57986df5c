/**
 * Converts a parsed YAML document to plain values with the alias expansion bounded. A few lines of nested
 * aliases ("billion laughs") expand to billions of nodes; the yaml package stops at `maxAliasCount` with a
 * ReferenceError, which this turns into a configuration problem with the file:line:column of the first alias.
 */
import { visit, type Document, type LineCounter } from 'yaml';

/** Alias resolutions allowed per document conversion (yaml's `maxAliasCount`). */
export const MAX_YAML_ALIAS_COUNT = 100;

export function toJsBounded(
  doc: Document,
  lines: LineCounter,
  file: string
): { ok: true; value: unknown } | { ok: false; problem: string } {
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT }) };
  } catch (err) {
    if (!(err instanceof ReferenceError)) {
      throw err;
    }
    let where = file;
    visit(doc, {
      Alias(_key, node) {
        if (node.range) {
          const pos = lines.linePos(node.range[0]);
          where = `${file}:${pos.line}:${pos.col}`;
        }
        return visit.BREAK;
      },
    });
    return {
      ok: false,
      problem:
        `${where}: YAML aliases expand too far (${err.message}; at most ${MAX_YAML_ALIAS_COUNT} alias ` +
        'expansions): write the values out instead of nesting aliases',
    };
  }
}
