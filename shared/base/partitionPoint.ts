/**
 * Binary search over a sorted range: the first index in [0, count) at which
 * `isBefore` is false, or `count` when it is true everywhere. `isBefore` must be true
 * for a prefix of the range and false after it (C++'s std::partition_point).
 *
 *   partitionPoint(list.length, (i) => list[i] < x)    first item ≥ x (lower bound)
 *   partitionPoint(list.length, (i) => list[i] <= x)   first item > x (upper bound)
 */
export function partitionPoint(count: number, isBefore: (index: number) => boolean): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (isBefore(mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}
