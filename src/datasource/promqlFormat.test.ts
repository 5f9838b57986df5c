import { GrafanaLikeTemplateSrv, type TestVariable } from './testing/templateSrv';
import { escapePromQLRegex, escapePromQLString, formatPromQLVariable } from './promqlFormat';
import { interpolateExpr } from './upstream';

const pod = (current: string | string[], extra: Partial<TestVariable> = {}): TestVariable => ({
  name: 'pod',
  current,
  multi: true,
  includeAll: true,
  options: ['api-1', 'api-2', 'db.0'],
  ...extra,
});

describe('formatPromQLVariable', () => {
  it.each([
    // [value, variable, expected]
    [['a', 'b'], { multi: true }, '(a|b)'],
    [['a.b', 'c+d'], { multi: true }, '(a\\\\.b|c\\\\+d)'],
    [['only.one'], { multi: true }, 'only\\\\.one'],
    ['single.value', { includeAll: true }, 'single\\\\.value'],
    ['a.*', {}, 'a.*'],
    ['say "hi" \\o/', {}, 'say \\"hi\\" \\\\o/'],
    ['job="api"', {}, 'job="api"'],
    [60_000, {}, '60000'],
    [[], { multi: true }, '()'],
  ])('should format %p of %p as %p', (value, variable, expected) => {
    expect(formatPromQLVariable(value, variable)).toBe(expected);
  });

  it('should escape a regex value so Prometheus matches it literally (string unescape, then regex)', () => {
    const value = 'a.b(c)|d\\e"f';
    const promqlString = escapePromQLRegex(value);
    // Undo the PromQL double-quoted string escaping, as Prometheus' lexer does, then compile the RE2-compatible regex.
    const regexSource = JSON.parse(`"${promqlString}"`) as string;
    expect(new RegExp(`^(?:${regexSource})$`).test(value)).toBe(true);
    expect(new RegExp(`^(?:${regexSource})$`).test('aXb(c)|d\\e"f')).toBe(false);
    expect(JSON.parse(`"${escapePromQLString(value)}"`)).toBe(value);
  });
});

describe('interpolateExpr with a Grafana-like TemplateSrv', () => {
  const expr = 'up{pod=~"$pod"}';

  it('should send several selected values as an escaped alternation, never as the glob {a,b}', () => {
    const srv = new GrafanaLikeTemplateSrv([pod(['api-1', 'db.0'])]);
    expect(srv.replace(expr)).toBe('up{pod=~"{api-1,db.0}"}');
    expect(interpolateExpr(srv, expr, {})).toBe('up{pod=~"(api-1|db\\\\.0)"}');
  });

  it('should send "All" as the custom all value verbatim, or as every option', () => {
    expect(interpolateExpr(new GrafanaLikeTemplateSrv([pod('$__all', { allValue: '.*' })]), expr, {})).toBe(
      'up{pod=~".*"}'
    );
    expect(interpolateExpr(new GrafanaLikeTemplateSrv([pod(['$__all'])]), expr, {})).toBe(
      'up{pod=~"(api-1|api-2|db\\\\.0)"}'
    );
  });

  it('should escape a single selection of a multi-value variable and keep a single-value variable as typed', () => {
    expect(interpolateExpr(new GrafanaLikeTemplateSrv([pod(['db.0'])]), expr, {})).toBe('up{pod=~"db\\\\.0"}');
    const regexBox = new GrafanaLikeTemplateSrv([{ name: 'pod', current: 'api-.*' }]);
    expect(interpolateExpr(regexBox, expr, {})).toBe('up{pod=~"api-.*"}');
  });

  it('should honour an explicit format in the expression and format a repeated panel’s scoped value', () => {
    const srv = new GrafanaLikeTemplateSrv([pod(['a', 'b'])]);
    expect(interpolateExpr(srv, 'x{pod=~"${pod:pipe}"} or y{pod="${pod:csv}"}', {})).toBe(
      'x{pod=~"a|b"} or y{pod="a,b"}'
    );
    expect(interpolateExpr(srv, expr, { pod: { text: 'db.0', value: 'db.0' } })).toBe('up{pod=~"db\\\\.0"}');
  });

  it('should leave unknown variables and the step-dependent built-ins for Prometheus', () => {
    const srv = new GrafanaLikeTemplateSrv([]);
    const vars = { __interval: { text: '15s', value: '15s' }, job: { text: 'api', value: 'api' } };
    expect(interpolateExpr(srv, 'rate(x{job="$job",a="$nope"}[$__interval])', vars)).toBe(
      'rate(x{job="api",a="$nope"}[$__interval])'
    );
  });
});

describe('GrafanaLikeTemplateSrv', () => {
  it('should support every variable syntax, the text format and format functions', () => {
    const srv = new GrafanaLikeTemplateSrv([{ name: 'env', current: ['a', 'b'], text: ['A', 'B'], multi: true }]);
    expect(srv.replace('$env [[env]] ${env} ${env:text} [[env:regex]]')).toBe('{a,b} {a,b} {a,b} A + B (a|b)');
    const seen: unknown[] = [];
    const format = (value: unknown, variable: unknown) => {
      seen.push(value, (variable as TestVariable).multi);
      return 'F';
    };
    expect(srv.replace('$env', {}, format)).toBe('F');
    expect(seen).toEqual([['a', 'b'], true]);
    expect(srv.containsTemplate('x $env')).toBe(true);
    expect(srv.containsTemplate('x $other')).toBe(false);
  });
});
