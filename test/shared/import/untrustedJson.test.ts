import { describe, expect, it } from 'vitest';
import { depthExceededAt } from '../../../shared/import/untrustedJson.js';

describe('the nesting check before JSON.parse', () => {
  it('counts brackets outside strings only, however the strings escape their quotes', () => {
    const strings = ['"[[["', '"a\\"[["', '"\\\\"', '"\\\\\\"]]]"', '"{\\\\\\\\"', '"\\u0022[["', '""'];
    for (const s of strings) {
      // Each string is one value in a list two deep: the brackets inside it do not count.
      const text = `[[${s}, 1]]`;
      expect(JSON.parse(text)).toBeTruthy();
      expect(depthExceededAt(text, 2)).toBe(-1);
      expect(depthExceededAt(text, 1)).toBe(1);
    }
  });

  it('finds where a deep nesting passes the limit, after strings with escaped quotes', () => {
    const text = `{"a\\"{{": "x\\\\", "b": ${'['.repeat(70)}${']'.repeat(70)}}`;
    expect(JSON.parse(text)).toBeTruthy();
    expect(depthExceededAt(text, 64)).toBe(text.indexOf('[') + 63);
    expect(depthExceededAt(text, 71)).toBe(-1);
  });

  it('leaves a string that is never closed to JSON.parse', () => {
    expect(depthExceededAt('["abc', 1)).toBe(-1);
    expect(depthExceededAt('["abc\\"', 1)).toBe(-1);
  });
});
