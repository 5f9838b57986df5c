/**
 * Depth bound of the fit protocol's JSON: a request nested thousands of levels deep passes JSON parsing but
 * overflows the stack of every recursive step after it (`JSON.stringify`, structured clone to a worker), which
 * then surfaced as a `RangeError` per series. The check itself walks iteratively, so it cannot overflow.
 */

/**
 * Deepest nesting the fit protocol accepts. A fit request (request → series → item → labels) is 3 levels deep and
 * a browser worker job with its cache entry (job → cached → fits → fit → model → spec → seasonal) 7-8 deep;
 * 16 leaves room for additive fields.
 */
export const MAX_NESTING_DEPTH = 16;

/**
 * The path of the first value nested deeper than `maxDepth` levels below `value`, as a message, or undefined when
 * none is. Arrays and objects each count one level.
 */
export function nestingError(value: unknown, maxDepth = MAX_NESTING_DEPTH, root = 'body'): string | undefined {
  const stack: Array<{ node: unknown; depth: number; path: string }> = [{ node: value, depth: 0, path: root }];
  while (stack.length > 0) {
    const { node, depth, path } = stack.pop()!;
    if (typeof node !== 'object' || node === null) {
      continue;
    }
    if (depth >= maxDepth) {
      return `${path} is nested more than ${maxDepth} levels deep (the fit protocol needs at most 8)`;
    }
    for (const [key, child] of Object.entries(node)) {
      stack.push({ node: child, depth: depth + 1, path: `${path}/${key}` });
    }
  }
  return undefined;
}

/** A request or message the fit protocol refuses before any work (too deeply nested); HTTP 400 on the service. */
export class ValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ValidationError';
  }
}
