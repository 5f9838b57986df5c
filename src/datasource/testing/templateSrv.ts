/**
 * A TemplateSrv that interpolates as Grafana's does, for unit tests and the browser harness: `$var`, `${var}`,
 * `${var:format}`, `[[var]]` and `[[var:format]]`; scoped variables before dashboard variables; the `format`
 * argument honoured (a registered format name or a format function called with the value and the variable);
 * Grafana's default `glob` format (`{a,b}`) when none is given; "All" (`$__all`) replaced by the variable's custom
 * all value, unformatted, or by every option's value; unknown variables left in place.
 */
import type { ScopedVars } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

const ALL_VALUE = '$__all';

/** A dashboard variable as far as interpolation is concerned. */
export interface TestVariable {
  name: string;
  /** Selected value(s); `'$__all'` (or `['$__all']`) when "All" is selected. */
  current: string | string[];
  /** Display text of the selection (`${var:text}`); the value when absent. */
  text?: string | string[];
  multi?: boolean;
  includeAll?: boolean;
  /** Custom all value (e.g. `.*`), used verbatim. */
  allValue?: string;
  /** Every option's value, for "All" without a custom all value. */
  options?: string[];
}

type FormatFunction = (value: unknown, variable: unknown, formatValue?: unknown) => string;

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [String(value)]);

/** The formats Grafana registers that tests and the harness need; an unknown name falls back to glob, as there. */
const FORMATS: Record<string, (value: unknown) => string> = {
  glob: (value) => (Array.isArray(value) && value.length > 1 ? `{${value.join(',')}}` : list(value).join(',')),
  raw: (value) => list(value).join(','),
  csv: (value) => list(value).join(','),
  pipe: (value) => list(value).join('|'),
  json: (value) => JSON.stringify(value),
  regex: (value) => {
    const escaped = list(value).map((v) => v.replace(/[\\^$*+?.()|[\]{}/]/g, '\\$&'));
    return escaped.length === 1 ? escaped[0] : `(${escaped.join('|')})`;
  },
};

/** `$name` | `[[name(:fmt)]]` | `${name(:fmt)}` */
const VARIABLE = /\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\$\{(\w+)(?::([^}]+))?\}/g;

function isAll(value: unknown): boolean {
  return value === ALL_VALUE || (Array.isArray(value) && value[0] === ALL_VALUE);
}

export class GrafanaLikeTemplateSrv implements TemplateSrv {
  constructor(private variables: TestVariable[] = []) {}

  setVariables(variables: TestVariable[]): void {
    this.variables = variables;
  }

  getVariables() {
    return this.variables.map((v) => ({ ...v, type: 'custom' })) as unknown as ReturnType<TemplateSrv['getVariables']>;
  }

  containsTemplate(target?: string): boolean {
    return Boolean(target && [...target.matchAll(VARIABLE)].some((m) => this.known(m[1] ?? m[2] ?? m[4], {})));
  }

  updateTimeRange(): void {}

  replace(target?: string, scopedVars: ScopedVars = {}, format?: string | Function): string {
    return (target ?? '').replace(
      VARIABLE,
      (whole, simple?: string, bracket?: string, bracketFmt?: string, ...rest) => {
        const [braced, bracedFmt] = rest as [string | undefined, string | undefined];
        const name = (simple ?? bracket ?? braced)!;
        return this.interpolate(name, scopedVars, bracketFmt ?? bracedFmt ?? format) ?? whole;
      }
    );
  }

  private known(name: string | undefined, scopedVars: ScopedVars): boolean {
    return name !== undefined && (name in scopedVars || this.variables.some((v) => v.name === name));
  }

  private interpolate(name: string, scopedVars: ScopedVars, format: string | Function | undefined) {
    const variable = this.variables.find((v) => v.name === name);
    const scoped = scopedVars[name];
    if (!scoped && !variable) {
      return undefined;
    }
    let value: unknown = scoped ? scoped.value : variable!.current;
    if (format === 'text') {
      return list(scoped ? scoped.text : (variable!.text ?? value)).join(' + ');
    }
    if (variable && isAll(value)) {
      if (variable.allValue !== undefined) {
        return variable.allValue;
      }
      value = variable.options ?? [];
    }
    const model = variable ?? { name, type: 'scoped' };
    if (typeof format === 'function') {
      return String((format as FormatFunction)(value, model, (v: unknown) => FORMATS.glob(v)));
    }
    return (FORMATS[format ?? 'glob'] ?? FORMATS.glob)(value);
  }
}
