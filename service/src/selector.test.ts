import { matchesAll, MAX_MATCHER_VALUE_LENGTH, parseExpr, parseSelector, PromQLParseError } from './selector';

describe('parseExpr', () => {
  it.each([
    ['1+1', 2],
    ['2 * (3 - 1) / 4', 1],
    ['-1.5e1 + 0x10', 1],
    ['7 % 4', 3],
  ])('should evaluate number arithmetic %s', (text, value) => {
    expect(parseExpr(text)).toEqual({ type: 'scalar', value });
  });

  it('should parse a selector with all four matchers, quotes and escapes', () => {
    const expr = parseExpr(`tidemark_lower{detector="a\\"b", level!='95', pod=~"web-.*", ns!~\`kube-.*\`,}`);
    expect(expr.type).toBe('selector');
    const matchers = expr.type === 'selector' ? expr.matchers : [];
    expect(matchers.map(({ name, op, value }) => [name, op, value])).toEqual([
      ['__name__', '=', 'tidemark_lower'],
      ['detector', '=', 'a"b'],
      ['level', '!=', '95'],
      ['pod', '=~', 'web-.*'],
      ['ns', '!~', 'kube-.*'],
    ]);
  });

  it.each([
    ['rate(tidemark_actual[5m])', '1:5: parse error: functions and aggregations are not supported'],
    ['tidemark_actual[5m]', 'range selectors are not supported'],
    ['tidemark_actual offset 1h', 'offset and @ modifiers are not supported'],
    ['tidemark_actual > 1', '1:17: parse error: unexpected ">'],
    ['tidemark_actual + 1', 'binary operators are supported between numbers only'],
    ['{pod=~".*"}', 'vector selector must contain at least one non-empty matcher'],
    ['{pod="a"', 'expected "," or "}", got end of input'],
    ['{pod="a",', 'expected a label name, got end of input'],
    ['{pod~"a"}', 'expected a label matching operator'],
    ['{pod="a}', 'unterminated quoted string'],
    ['{pod=~"("}', 'invalid regular expression'],
    ['', 'no expression found in input'],
  ])('should reject %j with a parse error', (text, message) => {
    expect(() => parseExpr(text)).toThrow(PromQLParseError);
    expect(() => parseExpr(text)).toThrow(message);
  });
});

describe('matchesAll', () => {
  const labels = { __name__: 'tidemark_anomaly', detector: 'cpu', pod: 'web-1' };

  it.each([
    ['tidemark_anomaly{pod="web-1"}', true],
    ['tidemark_anomaly{pod=~"web"}', false],
    ['tidemark_anomaly{pod=~"web-\\\\d"}', true],
    ['{__name__=~"tidemark_.*", detector!="mem"}', true],
    ['{detector="cpu", missing=""}', true],
    ['{detector="cpu", missing!=""}', false],
    ['tidemark_anomaly{pod!~"web-.*"}', false],
  ])('should anchor regexes and treat missing labels as empty: %s → %s', (selector, expected) => {
    expect(matchesAll(labels, parseSelector(selector))).toBe(expected);
  });
});

describe('RE2 regex matchers', () => {
  it('should support (?i) and anchor alternations as a whole', () => {
    const labels = { __name__: 'tidemark_anomaly', pod: 'Web-1' };
    expect(matchesAll(labels, parseSelector('{pod=~"(?i)web-1"}'))).toBe(true);
    expect(matchesAll(labels, parseSelector('{pod=~"web-1"}'))).toBe(false);
    expect(matchesAll(labels, parseSelector('{pod=~"x|Web"}'))).toBe(false);
    expect(matchesAll({ pod: 'a\nb' }, parseSelector('{pod=~"a.b"}'))).toBe(true);
  });

  it('should match a pattern that makes a backtracking engine explode, in linear time', () => {
    // (\w|\w|\w)*\d against 5,000 word characters and no digit: 3^5000 paths for a backtracking engine.
    const matchers = parseSelector('{__name__=~"(\\\\w|\\\\w|\\\\w)*\\\\d"}');
    const started = performance.now();
    expect(matchesAll({ __name__: 'a'.repeat(5000) }, matchers)).toBe(false);
    expect(matchesAll({ __name__: `${'a'.repeat(5000)}7` }, matchers)).toBe(true);
    // Generous bound (linear time takes milliseconds); a backtracking engine would not finish at all.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('should refuse a label value or regex longer than the bound, naming both lengths', () => {
    const long = 'a'.repeat(MAX_MATCHER_VALUE_LENGTH + 1);
    expect(() => parseSelector(`{pod=~"${long}"}`)).toThrow(
      `regular expression of pod is ${MAX_MATCHER_VALUE_LENGTH + 1} characters long; at most ${MAX_MATCHER_VALUE_LENGTH}`
    );
    expect(() => parseSelector(`{pod="${long}"}`)).toThrow('label value of pod is');
  });
});
