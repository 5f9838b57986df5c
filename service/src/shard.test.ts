import { fnv1a32, ownsDetector, parseShardIndex } from './shard';

describe('fnv1a32', () => {
  it('should match the published FNV-1a 32-bit test vectors', () => {
    // Vectors from the FNV reference (Noll, "FNV hash" test suite): "" → 0x811c9dc5, "a" → 0xe40c292c.
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });
});

describe('ownsDetector', () => {
  it('should give every detector to exactly one of N shards', () => {
    const names = Array.from({ length: 200 }, (_, i) => `detector_${i}`);
    const counts = [0, 1, 2].map((index) => names.filter((n) => ownsDetector({ index, count: 3 }, n)).length);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(200);
    // Balanced within ±30% of 200/3 ≈ 67: a hash this spread would only fail this if badly broken.
    counts.forEach((c) => expect(Math.abs(c - 200 / 3)).toBeLessThan(20));
  });
});

describe('parseShardIndex', () => {
  it.each([
    ['2', 2],
    ['tidemark-3', 3],
    ['tidemark-svc-0', 0],
    ['tidemark', null],
    ['-', null],
  ])('should read %j as %j', (text, index) => expect(parseShardIndex(text)).toBe(index));
});
