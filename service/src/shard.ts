/**
 * Deterministic split of detectors over N replicas: a detector belongs to shard FNV-1a32(name) mod N, so every
 * replica agrees without coordination and a detector moves only when N changes.
 */

/** FNV-1a, 32 bit (Fowler–Noll–Vo), over the UTF-16 code units of `text`. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export interface Shard {
  index: number;
  count: number;
}

/** True when the detector `name` belongs to `shard`. */
export function ownsDetector(shard: Shard, name: string): boolean {
  return fnv1a32(name) % shard.count === shard.index;
}

/**
 * Parses a shard index: an integer, or a StatefulSet pod name ending in `-<ordinal>` (`tidemark-2` → 2), so the
 * pod name from the downward API can be passed as is. Null when neither.
 */
export function parseShardIndex(text: string): number | null {
  const match = /^(?:.*-)?(\d+)$/.exec(text.trim());
  return match ? Number(match[1]) : null;
}
