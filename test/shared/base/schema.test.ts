import { describe, expect, it } from 'vitest';
import * as s from '../../../shared/base/schema.js';

describe('schema', () => {
  const head = s.object({
    status: s.number({ integer: true, min: 100, max: 599 }),
    note: s.optional(s.string({ maxLength: 4 })),
    tags: s.array(s.literal('a', 'b'), { maxLength: 2 }),
    body: s.nullable(s.bytes({ maxLength: 3 })),
  });

  it('accepts conforming values, optional fields and nulls', () => {
    expect(head.check({ status: 200, tags: ['a'], body: null }, 'v')).toBeNull();
    expect(head.check({ status: 204, note: 'ok', tags: [], body: new Uint8Array(3) }, 'v')).toBeNull();
  });

  it('names the path of the first problem', () => {
    expect(head.check({ status: 200.5, tags: [], body: null }, 'v')).toBe('v.status: expected an integer, got 200.5');
    expect(head.check({ status: 200, tags: ['c'], body: null }, 'v')).toMatch(
      /^v\.tags\[0\]: expected one of "a", "b"/,
    );
    expect(head.check({ status: 200, tags: [], body: new Uint8Array(4) }, 'v')).toMatch(/v\.body: 4 bytes exceed/);
    expect(head.check({ status: 200, tags: ['a', 'b', 'a'], body: null }, 'v')).toMatch(/longer than 2/);
    expect(head.check({ status: 200, tags: [], body: null, x: 1 }, 'v')).toBe('v: unexpected field "x"');
    expect(head.check([], 'v')).toBe('v: expected an object, got array');
    expect(head.check({ status: Number.NaN, tags: [], body: null }, 'v')).toMatch(/NaN is not a number/);
  });

  it('checks discriminated unions and plain data', () => {
    const u = s.union('kind', {
      a: s.object({ kind: s.literal('a'), n: s.number() }),
      b: s.object({ kind: s.literal('b') }),
    });
    expect(u.check({ kind: 'a', n: 1 }, 'u')).toBeNull();
    expect(u.check({ kind: 'c' }, 'u')).toMatch(/unknown variant "c"/);
    expect(s.unknownData().check({ a: [1, { b: new Uint8Array(1) }] }, 'd')).toBeNull();
    expect(s.unknownData().check({ f: () => 1 }, 'd')).toMatch(/expected plain data/);
  });
});
