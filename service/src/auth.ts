/**
 * Bearer-token checks: one token for every endpoint except `/metrics` and the health probes, and an optional
 * separate token for `/metrics`. Constant-time comparison; the token itself is never logged.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

const OPEN_PATHS = new Set(['/-/healthy', '/-/ready']);

function digest(text: string): Buffer {
  // Hashing first gives equal-length buffers, as timingSafeEqual requires, without leaking the token length.
  return createHash('sha256').update(text).digest();
}

/** Which token protects `path` (undefined = open). */
export function requiredToken(path: string, tokens: { authToken?: string; metricsToken?: string }) {
  if (OPEN_PATHS.has(path)) {
    return undefined;
  }
  return path === '/metrics' ? tokens.metricsToken : tokens.authToken;
}

/** True when the `Authorization` header carries `Bearer <token>`. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match !== null && timingSafeEqual(digest(match[1]), digest(token));
}
