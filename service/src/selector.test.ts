import { matchesAll, parseExpr, parseSelector, PromQLParseError } from './selector';

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
