/**
 * Template variable values formatted for PromQL, as Grafana's Prometheus data source formats them: a variable that
 * can hold several values (multi-value or "All") is regex-escaped, because it is meant for `=~"$var"`, and several
 * values become one alternation `(a|b)`; any other variable is only escaped for a double-quoted PromQL string.
 * Passed to `templateSrv.replace` as its format function, so Grafana's default glob format (`{a,b}`, which no
 * Prometheus matcher understands) never reaches Prometheus.
 */

/** The parts of a template variable the format looks at (Grafana passes the variable model). */
export interface FormattedVariable {
  multi?: boolean;
  includeAll?: boolean;
}

/** Characters with a meaning in RE2 regular expressions (Prometheus' regex engine). */
const REGEX_META = /[\\$^*+?.()|{}[\]]/g;
/** A whole label matcher such as `job="api"` in a text box: already PromQL, left as it is. */
const WHOLE_MATCHER = /^\w+(=|!=|=~|!~)".*"$/;

/** Escapes a value for the inside of a double-quoted PromQL string. */
export function escapePromQLString(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/** Escapes a value so that, inside a double-quoted `=~` string, it matches itself literally. */
export function escapePromQLRegex(value: string): string {
  return escapePromQLString(value.replace(REGEX_META, '\\$&'));
}

/**
 * The format function for `templateSrv.replace(expr, scopedVars, formatPromQLVariable)`. Non-string values
 * (numbers from built-ins such as `$__interval_ms`) pass through unchanged.
 */
export function formatPromQLVariable(value: unknown, variable?: FormattedVariable): string {
  const regex = Boolean(variable?.multi || variable?.includeAll);
  if (Array.isArray(value)) {
    const escaped = value.map((v) => (regex ? escapePromQLRegex(String(v)) : escapePromQLString(String(v))));
    return escaped.length === 1 ? escaped[0] : `(${escaped.join('|')})`;
  }
  if (typeof value !== 'string') {
    return String(value ?? '');
  }
  if (regex) {
    return escapePromQLRegex(value);
  }
  return WHOLE_MATCHER.test(value) ? value : escapePromQLString(value);
}
