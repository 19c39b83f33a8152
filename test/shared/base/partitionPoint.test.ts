import { describe, expect, it } from 'vitest';
import { partitionPoint } from '../../../shared/base/partitionPoint.js';

describe('partitionPoint', () => {
  const list = [1, 3, 3, 3, 7, 9];
  const lowerBound = (x: number): number => partitionPoint(list.length, (i) => list[i]! < x);
  const upperBound = (x: number): number => partitionPoint(list.length, (i) => list[i]! <= x);

  it('finds the first item at or above, and the first above, a value', () => {
    expect([0, 1, 2, 3, 4, 8, 9, 10].map(lowerBound)).toEqual([0, 0, 1, 1, 4, 5, 5, 6]);
    expect([0, 1, 2, 3, 4, 8, 9, 10].map(upperBound)).toEqual([0, 1, 1, 4, 4, 5, 6, 6]);
  });

  it('agrees with a linear scan on every prefix of a sorted list', () => {
    const sorted = Array.from({ length: 200 }, (_, i) => Math.floor(i / 3));
    for (let count = 0; count <= sorted.length; count++)
      for (const x of [-1, 0, 17, 33, 66, 67, 100]) {
        const linear = sorted.slice(0, count).findIndex((v) => v >= x);
        expect(partitionPoint(count, (i) => sorted[i]! < x)).toBe(linear === -1 ? count : linear);
      }
  });

  it('answers 0 for an empty range without asking', () => {
    expect(
      partitionPoint(0, () => {
        throw new Error('asked');
      }),
    ).toBe(0);
  });
});
