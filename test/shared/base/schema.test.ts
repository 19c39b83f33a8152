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

  it('has a fast test that agrees with the check on every value', () => {
    const nested = s.object({
      kind: s.literal('a', 'b', 'c'),
      n: s.optional(s.number({ min: 0, max: 10, integer: true })),
      f: s.nullable(s.number({ finite: true })),
      list: s.array(s.tuple(s.string({ maxLength: 3 }), s.boolean()), { maxLength: 3 }),
      map: s.record(s.string({ pattern: /^x/ }), { maxKeys: 2 }),
      data: s.json({ maxDepth: 3, maxString: 5 }),
      any: s.unknownData({ maxDepth: 2 }),
    });
    const base = { kind: 'a', f: null, list: [['ab', true]], map: { k: 'xy' }, data: { a: [1] }, any: [1] };
    const values: unknown[] = [
      base,
      { ...base, n: 3 },
      { ...base, n: 3.5 },
      { ...base, n: 11 },
      { ...base, n: Number.NaN },
      { ...base, f: Infinity },
      { ...base, kind: 'd' },
      { ...base, list: [['abcd', true]] },
      { ...base, list: [['a', 1]] },
      { ...base, list: [['a'], ['b', true]] },
      {
        ...base,
        list: [
          ['a', true],
          ['a', true],
          ['a', true],
          ['a', true],
        ],
      },
      { ...base, map: { k: 'y' } },
      { ...base, map: { a: 'x', b: 'x', c: 'x' } },
      { ...base, data: { a: { b: { c: 1 } } } },
      { ...base, data: 'toolong' },
      { ...base, data: undefined },
      { ...base, any: [[[1]]] },
      { ...base, any: new Date() },
      { ...base, extra: 1 },
      { ...base, constructor: 1 },
      { ...base, toString: 'x' },
      Object.assign(Object.create({ inherited: 1 }), base),
      null,
      [],
      'a',
    ];
    for (const value of values) {
      const problem = nested.check(value, 'v');
      expect(nested.is(value), `${JSON.stringify(value)} → ${problem}`).toBe(problem === null);
    }
    // Fields named like Object.prototype's are not declared fields.
    expect(nested.check({ ...base, constructor: 1 }, 'v')).toBe('v: unexpected field "constructor"');
  });
});
