import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compactTraceFileOf, expandCompactEvents } from '../../../shared/trace/compactTraceFile.js';
import { parseTraceFileText, traceFileOf, TraceFileError } from '../../../shared/trace/traceFile.js';
import { importTraceFile } from '../../../shared/import/traceImport.js';

const demo = parseTraceFileText(
  readFileSync(path.resolve(__dirname, '../../../renderer/src/demos/www.naver.com.json'), 'utf8'),
);

/** A compact file's text with one part replaced (a damaged or hostile file). */
function compactWith(change: (file: Record<string, unknown>) => void): string {
  const file = JSON.parse(JSON.stringify(compactTraceFileOf(demo.events))) as Record<string, unknown>;
  change(file);
  return JSON.stringify(file);
}

describe('the compact trace file (version 2)', () => {
  it('reads back exactly the events version 1 holds, in a much smaller file', () => {
    const compact = JSON.stringify(compactTraceFileOf(demo.events));
    const old = JSON.stringify(traceFileOf(demo.events));
    expect(parseTraceFileText(compact)).toEqual({ ...demo, version: 1 });
    expect(compact.length).toBeLessThan(old.length * 0.6);
    // Numbers stay numbers: timestamps are in the file as they are.
    expect(compact).toContain(String(demo.events[5]!.ts));
  });

  it('keeps every kind of value: nested lists, booleans, null, empty objects, odd field names', () => {
    const events = [
      {
        type: 'error',
        ts: 1.5,
        endpoint: 'browser',
        seq: 0,
        where: 'x',
        message: 'y',
        extra: { list: [1, 'a', true, false, null, [], {}, [[2]]], '': 0, 'a.b': -3e-7, __proto__x: 'p' },
      },
    ];
    const file = JSON.parse(JSON.stringify(compactTraceFileOf(events))) as Record<string, unknown>;
    expect(expandCompactEvents(file)).toEqual(events);
  });

  it('opens through the import dispatcher, as version 1 does, and says which it was', async () => {
    const compact = await importTraceFile(JSON.stringify(compactTraceFileOf(demo.events)), 'a.navscope.json');
    const old = await importTraceFile(JSON.stringify(traceFileOf(demo.events)), 'b.navscope.json');
    expect(compact.format).toBe('navscope');
    expect(compact.trace.events).toEqual(old.trace.events);
  });

  it('hands over the first events, checked, before reading the rest (the window shows them first)', async () => {
    for (const text of [JSON.stringify(compactTraceFileOf(demo.events)), JSON.stringify(traceFileOf(demo.events))]) {
      const parts: { count: number; total: number; firstSeq: number }[] = [];
      const imported = await importTraceFile(
        text,
        'a.json',
        {},
        {
          count: 50,
          read: (events, total) => parts.push({ count: events.length, total, firstSeq: events[0]!.seq }),
        },
      );
      expect(parts).toEqual([{ count: 50, total: demo.events.length, firstSeq: 0 }]);
      expect(imported.trace.events).toHaveLength(demo.events.length);
    }
    // A file damaged after its first part: the first part was handed over, then the file is refused.
    const damaged = compactWith((file) => ((file.events as unknown[])[80] = 'x'));
    const read: number[] = [];
    await expect(
      importTraceFile(damaged, 'b.json', {}, { count: 50, read: (events) => read.push(events.length) }),
    ).rejects.toThrow(/event 80 is not a row/);
    expect(read).toEqual([50]);
  });

  it('reads a field named __proto__ as an own field, never as the prototype', () => {
    const text = compactWith((file) => {
      const strings = file.strings as string[];
      const shapes = file.shapes as (string | number)[][];
      strings.push('__proto__', 'polluted');
      // The first event gets a field "__proto__" holding an object with "polluted": 1.
      shapes.push(['n', strings.length - 1]);
      const inner = shapes.length - 1;
      const events = file.events as unknown[][];
      const first = events[0]!;
      const shape = shapes[first[0] as number]!;
      shapes.push([`${shape[0] as string}o`, ...shape.slice(1), strings.length - 2]);
      events[0] = [shapes.length - 1, ...first.slice(1), [inner, 1]];
    });
    const event = parseTraceFileText(text).events[0] as unknown as Record<string, unknown>;
    expect(Object.getPrototypeOf(event)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    [
      'strings that are not strings',
      (f: Record<string, unknown>) => (f.strings = [1]),
      /"strings" is not a list of strings/,
    ],
    ['shapes that are not a list', (f: Record<string, unknown>) => (f.shapes = {}), /"shapes" is not a list/],
    [
      'an unknown kind',
      (f: Record<string, unknown>) => ((f.shapes as unknown[][])[0]![0] = 'q'),
      /shape 0 has an unknown kind "q"/,
    ],
    [
      'a field name that is not a string index',
      (f: Record<string, unknown>) => (f.shapes = [['n', 1e9]]),
      /shape 0 names a field by 1000000000/,
    ],
    [
      'a row without a shape',
      (f: Record<string, unknown>) => ((f.events as unknown[])[3] = [99999]),
      /event 3 has no shape at 99999/,
    ],
    [
      'a row that is not a list',
      (f: Record<string, unknown>) => ((f.events as unknown[])[2] = 'x'),
      /event 2 is not a row/,
    ],
    [
      'a row with too few values',
      (f: Record<string, unknown>) => ((f.events as unknown[][])[1] = (f.events as unknown[][])[1]!.slice(0, 2)),
      /event 1 has 1 values where its shape has \d+/,
    ],
    [
      'a string index out of range',
      (f: Record<string, unknown>) => {
        const strings = f.strings as string[];
        f.shapes = [['s', 0]];
        f.events = [[0, strings.length + 5]];
      },
      /event 0: value 1 is \d+, not a string's index/,
    ],
    [
      'a string where a number belongs',
      (f: Record<string, unknown>) => {
        f.shapes = [['n', 0]];
        f.events = [[0, 'x']];
      },
      /event 0: value 1 should be a number/,
    ],
    [
      'rows nested deeper than 64 levels',
      (f: Record<string, unknown>) => {
        f.shapes = [['o', 0]];
        let row: unknown[] = [0, [0]];
        for (let i = 0; i < 70; i++) row = [0, row];
        f.events = [row];
      },
      /event 0 is nested deeper than 64 levels/,
    ],
  ])('refuses %s with a message that names the problem', (_what, change, message) => {
    const text = compactWith(change);
    expect(() => parseTraceFileText(text)).toThrow(TraceFileError);
    expect(() => parseTraceFileText(text)).toThrow(message);
  });

  it('still refuses a version it does not know', () => {
    expect(() => parseTraceFileText('{"format":"navscope-trace","version":3,"events":[]}')).toThrow(
      /unsupported NavScope trace version 3 \(this NavScope reads versions 1 and 2\)/,
    );
  });
});
