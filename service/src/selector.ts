/**
 * A small PromQL subset: series selectors (`metric{label="v", other=~"a|b"}` with `=`, `!=`, `=~`, `!~`) and
 * number arithmetic (`1+1`, which Grafana's Prometheus data source sends as its health check). Anything else
 * (functions, ranges, aggregations, offsets) is rejected with a Prometheus-style parse error naming the
 * position, which the API answers as `bad_data`. Regexes use RE2 semantics through re2js (linear-time matching:
 * no pattern can freeze the event loop), fully anchored as Prometheus anchors them, `(?i)` included.
 */
import { RE2JS } from 're2js';

export type MatchOp = '=' | '!=' | '=~' | '!~';

export interface Matcher {
  name: string;
  op: MatchOp;
  value: string;
  /** Compiled, anchored RE2 regex for `=~` and `!~`. */
  regex?: RE2JS;
}

export type Expr = { type: 'selector'; matchers: Matcher[] } | { type: 'scalar'; value: number };

/** The query is not in the supported subset; `message` reads like Prometheus's `1:5: parse error: …`. */
export class PromQLParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PromQLParseError';
  }
}

const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  '"': '"',
  "'": "'",
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
};

class Parser {
  private pos = 0;

  constructor(private readonly text: string) {}

  fail(message: string, at = this.pos): never {
    throw new PromQLParseError(`1:${at + 1}: parse error: ${message}`);
  }

  skipSpace(): void {
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos];
      if (ch === '#') {
        while (this.pos < this.text.length && this.text[this.pos] !== '\n') {
          this.pos++;
        }
      } else if (/\s/.test(ch)) {
        this.pos++;
      } else {
        return;
      }
    }
  }

  peek(): string {
    this.skipSpace();
    return this.text[this.pos] ?? '';
  }

  atEnd(): boolean {
    return this.peek() === '';
  }

  expect(token: string): void {
    if (this.peek() !== token) {
      this.fail(`expected ${JSON.stringify(token)}, got ${this.describeNext()}`);
    }
    this.pos++;
  }

  describeNext(): string {
    const rest = this.text.slice(this.pos);
    return rest === '' ? 'end of input' : JSON.stringify(rest.slice(0, 12));
  }

  identifier(re: RegExp): string | null {
    this.skipSpace();
    const match = re.exec(this.text.slice(this.pos));
    if (!match) {
      return null;
    }
    this.pos += match[0].length;
    return match[0];
  }

  string(): string {
    this.skipSpace();
    const quote = this.text[this.pos];
    if (quote !== '"' && quote !== "'" && quote !== '`') {
      this.fail(`expected a quoted label value, got ${this.describeNext()}`);
    }
    const start = this.pos;
    this.pos++;
    let out = '';
    while (this.pos < this.text.length && this.text[this.pos] !== quote) {
      const ch = this.text[this.pos++];
      if (ch === '\\' && quote !== '`') {
        out += this.escape(start);
      } else if (ch === '\n' && quote !== '`') {
        this.fail('unterminated quoted string', start);
      } else {
        out += ch;
      }
    }
    if (this.pos >= this.text.length) {
      this.fail('unterminated quoted string', start);
    }
    this.pos++;
    return out;
  }

  private escape(start: number): string {
    const ch = this.text[this.pos++] ?? '';
    if (ch in ESCAPES) {
      return ESCAPES[ch];
    }
    const hexLength = ch === 'x' ? 2 : ch === 'u' ? 4 : ch === 'U' ? 8 : 0;
    const hex = this.text.slice(this.pos, this.pos + hexLength);
    if (hexLength > 0 && new RegExp(`^[0-9a-fA-F]{${hexLength}}$`).test(hex)) {
      this.pos += hexLength;
      return String.fromCodePoint(parseInt(hex, 16));
    }
    return this.fail(`unknown escape sequence ${JSON.stringify('\\' + ch)}`, start);
  }

  // expr := term (('+' | '-') term)*
  arithmetic(): Expr {
    let left = this.term();
    for (let op = this.peek(); op === '+' || op === '-'; op = this.peek()) {
      const at = this.pos++;
      left = combine(left, this.term(), op, at, this);
    }
    return left;
  }

  private term(): Expr {
    let left = this.unary();
    for (let op = this.peek(); op === '*' || op === '/' || op === '%'; op = this.peek()) {
      const at = this.pos++;
      left = combine(left, this.unary(), op, at, this);
    }
    return left;
  }

  private unary(): Expr {
    const ch = this.peek();
    if (ch === '-' || ch === '+') {
      const at = this.pos++;
      const operand = this.unary();
      return combine({ type: 'scalar', value: 0 }, operand, ch, at, this);
    }
    if (ch === '(') {
      this.pos++;
      const inner = this.arithmetic();
      this.expect(')');
      return inner;
    }
    const number = this.identifier(/^(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|Inf\b|NaN\b)/i);
    if (number !== null) {
      const lower = number.toLowerCase();
      const value = lower === 'inf' ? Infinity : lower === 'nan' ? NaN : Number(number);
      return { type: 'scalar', value };
    }
    return { type: 'selector', matchers: this.selector() };
  }

  /** selector := name? ('{' matchers '}')? — at least one of the two. */
  selector(): Matcher[] {
    const start = this.pos;
    const name = this.identifier(/^[a-zA-Z_:][a-zA-Z0-9_:]*/);
    const matchers: Matcher[] = [];
    if (name !== null) {
      if (this.peek() === '(') {
        this.fail(`functions and aggregations are not supported (only selectors like tidemark_anomaly{detector="x"})`);
      }
      matchers.push({ name: '__name__', op: '=', value: name });
    }
    if (this.peek() === '{') {
      this.pos++;
      matchers.push(...this.matchers());
    } else if (name === null) {
      this.fail(`unexpected ${this.describeNext()}; expected a series selector or a number`, start);
    }
    const next = this.peek();
    if (next === '[') {
      this.fail('range selectors are not supported');
    }
    if (this.identifier(/^(offset|@)/) !== null) {
      this.fail('offset and @ modifiers are not supported');
    }
    if (!matchers.some((m) => !matchEmpty(m))) {
      this.fail('vector selector must contain at least one non-empty matcher', start);
    }
    return matchers;
  }

  private matchers(): Matcher[] {
    const out: Matcher[] = [];
    while (this.peek() !== '}') {
      const at = this.pos;
      const name = this.identifier(/^[a-zA-Z_][a-zA-Z0-9_]*/);
      if (name === null) {
        this.fail(`expected a label name, got ${this.describeNext()}`);
      }
      const op = this.identifier(/^(=~|!~|!=|=)/) as MatchOp | null;
      if (op === null) {
        this.fail(`expected a label matching operator (=, !=, =~, !~), got ${this.describeNext()}`);
      }
      out.push(makeMatcher(name, op, this.string(), at, this));
      if (this.peek() === ',') {
        this.pos++;
      } else if (this.peek() !== '}') {
        this.fail(`expected "," or "}", got ${this.describeNext()}`);
      }
    }
    this.pos++;
    return out;
  }
}

function combine(left: Expr, right: Expr, op: string, at: number, parser: Parser): Expr {
  if (left.type !== 'scalar' || right.type !== 'scalar') {
    return parser.fail('binary operators are supported between numbers only (not between series)', at);
  }
  const a = left.value;
  const b = right.value;
  const value = op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : op === '/' ? a / b : a % b;
  return { type: 'scalar', value };
}

/** Longest label value or regex a matcher may carry (characters); longer ones are refused, not truncated. */
export const MAX_MATCHER_VALUE_LENGTH = 4096;

function makeMatcher(name: string, op: MatchOp, value: string, at: number, parser: Parser): Matcher {
  if (value.length > MAX_MATCHER_VALUE_LENGTH) {
    const what = op === '=' || op === '!=' ? 'label value' : 'regular expression';
    return parser.fail(
      `${what} of ${name} is ${value.length} characters long; at most ${MAX_MATCHER_VALUE_LENGTH} are accepted`,
      at
    );
  }
  if (op === '=' || op === '!=') {
    return { name, op, value };
  }
  try {
    // Prometheus anchors label regexes at both ends; DOTALL lets `.` match newlines, as Go's (?s) does there.
    return { name, op, value, regex: RE2JS.compile(`^(?:${value})$`, RE2JS.DOTALL) };
  } catch (err) {
    return parser.fail(`invalid regular expression ${JSON.stringify(value)}: ${(err as Error).message}`, at);
  }
}

function matchEmpty(m: Matcher): boolean {
  return matchOne('', m);
}

function matchOne(value: string, m: Matcher): boolean {
  switch (m.op) {
    case '=':
      return value === m.value;
    case '!=':
      return value !== m.value;
    case '=~':
      return m.regex!.test(value);
    case '!~':
      return !m.regex!.test(value);
  }
}

/** True when the label set satisfies every matcher (a missing label counts as the empty string, as in PromQL). */
export function matchesAll(labels: Record<string, string>, matchers: Matcher[]): boolean {
  return matchers.every((m) => matchOne(labels[m.name] ?? '', m));
}

/** Parses an instant or range query expression: one selector, or number arithmetic. */
export function parseExpr(text: string): Expr {
  const parser = new Parser(text);
  if (parser.atEnd()) {
    parser.fail('no expression found in input');
  }
  const expr = parser.arithmetic();
  if (!parser.atEnd()) {
    parser.fail(`unexpected ${parser.describeNext()}`);
  }
  return expr;
}

/** Parses a `match[]` series selector (no arithmetic). */
export function parseSelector(text: string): Matcher[] {
  const parser = new Parser(text);
  const matchers = parser.selector();
  if (!parser.atEnd()) {
    parser.fail(`unexpected ${parser.describeNext()}`);
  }
  return matchers;
}
