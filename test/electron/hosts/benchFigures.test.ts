import { describe, expect, it } from 'vitest';
import {
  type BenchFigure,
  formatFigures,
  isMet,
  median,
  percentile,
} from '../../../electron/hosts/bench/benchFigures.js';

describe('bench figures', () => {
  it('takes medians and nearest-rank percentiles', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(Number.isNaN(median([]))).toBe(true);
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile([5], 95)).toBe(5);
  });

  it('prints each figure with its target and whether it is met', () => {
    const figures: BenchFigure[] = [
      {
        id: 'a',
        section: 'IPC',
        label: 'round trip',
        value: 1.42,
        unit: '×',
        reference: 'NavScope 200 µs, raw 141 µs',
        target: { max: 1.3, text: '≤ 1.3×' },
        samples: 10,
      },
      {
        id: 'b',
        section: 'processes',
        label: 'memory',
        value: 57.7,
        unit: 'MB',
        reference: null,
        target: { max: 60, text: '≤ 60 MB' },
        samples: 3,
      },
      {
        id: 'c',
        section: 'processes',
        label: 'browser',
        value: 172,
        unit: 'MB',
        reference: null,
        target: null,
        samples: 1,
      },
    ];
    expect(figures.map(isMet)).toEqual([false, true, null]);
    const table = formatFigures(figures).split('\n');
    expect(table).toHaveLength(5);
    expect(table[2]).toMatch(
      /\| IPC +\| round trip +\| 1\.42× +\| ≤ 1\.3× +\| MISSED \| NavScope 200 µs, raw 141 µs \|/,
    );
    expect(table[3]).toMatch(/57\.7 MB +\| ≤ 60 MB +\| met/);
    expect(table[4]).toMatch(/172 MB +\| — +\|/);
  });
});
