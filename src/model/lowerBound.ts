/**
 * First index of increasing `sorted` (its first `length` entries) whose value is not below `x`; `length` if none.
 * The lower bound of binary search (Knuth, TAOCP vol. 3, §6.2.1), shared by every sorted lookup of the model.
 */
export function lowerBound(sorted: ArrayLike<number>, x: number, length = sorted.length): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}
