import { describe, expect, it } from 'vitest';
import {
  matchesMediaQueryList,
  parseInlineStyle,
  parseSelectorList,
  parseStyleSheet,
} from '../../../electron/renderer-process/cssStyleSheet.js';
import { loadBlinkLibraries } from '../../../electron/renderer-process/blinkLibraries.js';

// The renderer loads its HTML and CSS parsers after start-up; here, before any test.
await loadBlinkLibraries();

describe('parseStyleSheet', () => {
  it('reads rules, selectors and declarations as authored', () => {
    const sheet = parseStyleSheet(
      'h1, .title > a { color: red !important; margin: 0 auto } #main{font: bold 12px/1.5 Arial, sans-serif}',
      'a.css',
    );
    expect(sheet.source).toBe('a.css');
    expect(sheet.ruleCount).toBe(2);
    const [first, second] = sheet.rules;
    expect(first?.selectorText).toBe('h1, .title > a');
    expect(first?.selectors.map((s) => s.compounds.length)).toEqual([1, 2]);
    expect(first?.selectors[1]?.compounds[1]).toEqual({ combinator: '>', parts: [{ type: 'type', name: 'a' }] });
    expect(first?.declarations.map(({ property, value, important }) => ({ property, value, important }))).toEqual([
      { property: 'color', value: 'red', important: true },
      { property: 'margin', value: '0 auto', important: false },
    ]);
    expect(second?.declarations[0]?.value).toBe('bold 12px/1.5 Arial, sans-serif');
    expect(sheet.errorCount).toBe(0);
  });

  it('keeps @media rules only when they match a screen of the viewport width', () => {
    const css = `
      p { color: black }
      @media (min-width: 600px) { p { color: green } }
      @media screen and (max-width: 599px) { p { color: blue } }
      @media print { p { color: gray } }
      @media all and (min-width: 400px) and (max-width: 900px) { .mid { color: red } }
      @media (width >= 1000px) { .wide { color: red } }
      @media not print { .notprint { color: red } }`;
    const wide = parseStyleSheet(css, 'm.css', { viewportWidth: 1280, viewportHeight: 720 });
    expect(wide.rules.map((r) => r.selectorText)).toEqual(['p', 'p', '.wide', '.notprint']);
    expect(wide.rules[1]?.media).toBe('(min-width:600px)');
    const narrow = parseStyleSheet(css, 'm.css', { viewportWidth: 500, viewportHeight: 800 });
    expect(narrow.rules.map((r) => r.selectorText)).toEqual(['p', 'p', '.mid', '.notprint']);
    expect(narrow.rules[1]?.declarations[0]?.value).toBe('blue');
    expect(narrow.mediaRules.map((m) => m.matches)).toEqual([false, true, false, true, false, true]);
  });

  it('evaluates media query lists on their own (link and style media attributes)', () => {
    const env = { viewportWidth: 1024, viewportHeight: 768 };
    expect(matchesMediaQueryList('', env)).toBe(true);
    expect(matchesMediaQueryList('screen', env)).toBe(true);
    expect(matchesMediaQueryList('print', env)).toBe(false);
    expect(matchesMediaQueryList('print, (min-width: 1000px)', env)).toBe(true);
    expect(matchesMediaQueryList('(max-width: 40em)', env)).toBe(false);
    expect(matchesMediaQueryList('(orientation: landscape)', env)).toBe(true);
    expect(matchesMediaQueryList('(some-unknown-feature: 3)', env)).toBe(false);
    expect(matchesMediaQueryList('garbage (((', env)).toBe(false);
  });

  it('ignores @import (counted) and other at-rules that do not affect layout', () => {
    const sheet = parseStyleSheet(
      '@import url("base.css"); @import "print.css" print; @font-face { font-family: x } @keyframes k { from { color: red } } @supports (display: grid) { .g { display: grid } } a { color: red }',
      's.css',
    );
    expect(sheet.importsIgnored).toEqual(['base.css', 'print.css']);
    expect(sheet.ignoredAtRules).toEqual(['@font-face', '@keyframes']);
    expect(sheet.rules.map((r) => r.selectorText)).toEqual(['.g', 'a']);
  });

  it('tolerates bad CSS: broken parts are skipped and counted, the rest survives', () => {
    const sheet = parseStyleSheet(
      'a { color: red; ::: ; width: } }}} .broken{ color: blue } p { margin: 1px } div { color: green !ie; padding: 2px } @media (min-width: { x {} }',
      'bad.css',
    );
    expect(sheet.errorCount).toBeGreaterThanOrEqual(3);
    expect(sheet.rules.map((r) => r.selectorText)).toContain('p');
    expect(sheet.rules.find((r) => r.selectorText === 'a')?.declarations.map((d) => d.property)).toEqual(['color']);
    expect(sheet.rules.find((r) => r.selectorText === 'div')?.declarations.map((d) => d.property)).toEqual(['padding']);
    expect(() => parseStyleSheet('\u0000{{{{[[[(((', 'x.css')).not.toThrow();
    expect(parseStyleSheet('', 'empty.css').ruleCount).toBe(0);
  });

  it('marks selectors the model never matches', () => {
    const list = parseSelectorList(
      'a:hover, p::before, li:nth-child(2), div:not(.x), :root, a:link, svg|rect, p:first-child',
    );
    expect(list?.map((s) => s.unsupported === null)).toEqual([false, false, false, true, true, true, false, true]);
    expect(parseStyleSheet('a:hover, p { color: red }', 'x.css').unsupportedSelectorCount).toBe(1);
  });

  it('parses style attributes', () => {
    expect(
      parseInlineStyle('color: red; margin-top: 4px !important; bogus; width:').map((d) => [
        d.property,
        d.value,
        d.important,
      ]),
    ).toEqual([
      ['color', 'red', false],
      ['margin-top', '4px', true],
    ]);
    expect(parseInlineStyle('')).toEqual([]);
  });

  it('summarizes within bounds', () => {
    const css = Array.from(
      { length: 500 },
      (_, i) => `.rule-${i} { ${Array.from({ length: 30 }, (_, j) => `--p${j}: ${'x'.repeat(300)}`).join('; ')} }`,
    ).join('\n');
    const sheet = parseStyleSheet(css, `https://lab.test/${'long/'.repeat(200)}style.css`);
    const summary = sheet.summary(10);
    expect(summary.ruleCount).toBe(500);
    expect(summary.rules).toHaveLength(10);
    expect(summary.truncated).toBe(true);
    expect(summary.rules[0]?.declarations.length).toBeLessThanOrEqual(13);
    expect(summary.rules[0]?.declarations.every((d) => d.length <= 160)).toBe(true);
    expect(summary.href.length).toBeLessThanOrEqual(300);
    expect(JSON.stringify(summary).length).toBeLessThan(30_000);
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });
});
