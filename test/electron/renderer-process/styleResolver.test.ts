import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { parseSelectorList, parseStyleSheet } from '../../../electron/renderer-process/cssStyleSheet.js';
import { userAgentStyleSheet } from '../../../electron/renderer-process/cssDefaultStyleSheets.js';
import { matchesSelector } from '../../../electron/renderer-process/selectorChecker.js';
import { specificity } from '../../../electron/renderer-process/selectorSpecificity.js';
import { resolveStyles } from '../../../electron/renderer-process/styleResolver.js';
import { byId, render } from './renderingTestUtils.js';
import { loadBlinkLibraries } from '../../../electron/renderer-process/blinkLibraries.js';

// The renderer loads its HTML and CSS parsers after start-up; here, before any test.
await loadBlinkLibraries();

const page = parse(`<!doctype html><html id="root"><body id="body">
  <div id="main" class="card wide" data-kind="news feed" lang="en-US">
    <h1 id="title" class="headline">Title</h1>
    <p id="p1" class="lead">First <a id="link" href="https://example.com/a.pdf" class="Btn">link</a> <a id="anchor" name="x">anchor</a></p>
    <p id="p2">Second</p>
    <ul id="list"><li id="only">only</li></ul>
    <section id="s"><p id="p3">Third</p></section>
  </div>
</body></html>`);

function matches(selector: string, id: string): boolean {
  const list = parseSelectorList(selector);
  if (!list) throw new Error(`cannot parse ${selector}`);
  return list.some((s) => matchesSelector(byId(page, id), s));
}

describe('selector matching', () => {
  const table: [string, string, boolean][] = [
    ['p', 'p1', true],
    ['P', 'p1', true],
    ['div', 'p1', false],
    ['*', 'p1', true],
    ['.lead', 'p1', true],
    ['.card.wide', 'main', true],
    ['.card.narrow', 'main', false],
    ['#p1', 'p1', true],
    ['p#p2', 'p1', false],
    ['[href]', 'link', true],
    ['[href]', 'anchor', false],
    ['[name=x]', 'anchor', true],
    ['[data-kind~=feed]', 'main', true],
    ['[data-kind~=fee]', 'main', false],
    ['[lang|=en]', 'main', true],
    ['[href^="https://"]', 'link', true],
    ['[href$=".pdf"]', 'link', true],
    ['[href*="example"]', 'link', true],
    ['[href*="EXAMPLE"]', 'link', false],
    ['[href*="EXAMPLE" i]', 'link', true],
    ['div p', 'p3', true],
    ['div > p', 'p3', false],
    ['section > p', 'p3', true],
    ['body a', 'link', true],
    ['h1 + p', 'p1', true],
    ['h1 + p', 'p2', false],
    ['h1 ~ p', 'p2', true],
    ['p ~ h1', 'title', false],
    ['h1 ~ section p', 'p3', true],
    ['#main > h1:first-child', 'title', true],
    ['p:first-child', 'p1', false],
    ['section:last-child', 's', true],
    ['li:only-child', 'only', true],
    [':root', 'root', true],
    [':root', 'body', false],
    ['p:not(.lead)', 'p2', true],
    ['p:not(.lead)', 'p1', false],
    ['p:is(.lead, #p3)', 'p3', true],
    ['a:link', 'link', true],
    ['a:link', 'anchor', false],
    ['a:hover', 'link', false],
    ['a::before', 'link', false],
    ['p:nth-child(2)', 'p1', false],
  ];
  it.each(table)('%s matches #%s: %s', (selector, id, expected) => {
    expect(matches(selector, id)).toBe(expected);
  });
});

describe('specificity (Selectors Level 4)', () => {
  const table: [string, [number, number, number]][] = [
    ['*', [0, 0, 0]],
    ['li', [0, 0, 1]],
    ['ul li', [0, 0, 2]],
    ['ul ol+li', [0, 0, 3]],
    ['h1 + *[rel=up]', [0, 1, 1]],
    ['ul ol li.red', [0, 1, 3]],
    ['li.red.level', [0, 2, 1]],
    ['#x34y', [1, 0, 0]],
    ['#s12:not(FOO)', [1, 0, 1]],
    ['.foo :is(.bar, #baz)', [1, 1, 0]],
    [':where(#a, .b) p', [0, 0, 1]],
    ['a:hover', [0, 1, 1]],
    ['p::first-line', [0, 0, 2]],
    [':root', [0, 1, 0]],
  ];
  it.each(table)('%s → %j', (selector, expected) => {
    const parsed = parseSelectorList(selector)?.[0];
    if (!parsed) throw new Error('unparsable');
    expect(specificity(parsed)).toEqual(expected);
  });
});

describe('the cascade', () => {
  it('applies author rules by specificity, then order; the UA sheet loses to both', () => {
    const r = render(
      '<p id="a" class="c">x</p><p id="b">y</p><h1 id="h">z</h1>',
      'p { color: red } p { color: green } .c { color: blue } p { color: orange } h1 { font-size: 20px }',
    );
    expect(r.style('a').color).toBe('blue');
    expect(r.style('b').color).toBe('orange');
    expect(r.style('h').fontSize).toBe(20);
  });

  it('!important wins over specificity; inline style wins over selectors; inline !important wins over all', () => {
    const r = render(
      `<div id="d1" class="x">1</div>
       <div id="d2" style="color: purple">2</div>
       <div id="d3" class="imp" style="color: purple">3</div>
       <div id="d4" class="imp" style="color: purple !important">4</div>`,
      '#d1 { color: red } .x { color: green !important } #d2 { color: red } #d3 { color: red } .imp { color: teal !important }',
    );
    expect(r.style('d1').color).toBe('green');
    expect(r.style('d2').color).toBe('purple');
    expect(r.style('d3').color).toBe('teal');
    expect(r.style('d4').color).toBe('purple');
  });

  it('drops a value it cannot parse so that an earlier declaration wins', () => {
    const r = render(
      '<div id="d">x</div>',
      '#d { width: 100px; width: banana; color: red; color: 12px; margin: 1px 2px 3px 4px 5px }',
    );
    expect(r.style('d').width).toEqual({ type: 'px', value: 100 });
    expect(r.style('d').color).toBe('red');
    expect(r.style('d').margin.top).toEqual({ type: 'px', value: 0 });
  });

  it('expands shorthands and computes border widths only where a border style is set', () => {
    const r = render(
      '<div id="a">a</div><div id="b">b</div>',
      '#a { margin: 1px 2px; padding: 3px 4px 5px; border: 2px solid red; border-left-width: 7px } #b { border-width: 4px }',
    );
    const a = r.style('a');
    expect(
      [a.margin.top, a.margin.right, a.margin.bottom, a.margin.left].map((l) => (l.type === 'px' ? l.value : null)),
    ).toEqual([1, 2, 1, 2]);
    expect(
      [a.padding.top, a.padding.right, a.padding.bottom, a.padding.left].map((l) => (l.type === 'px' ? l.value : null)),
    ).toEqual([3, 4, 5, 4]);
    expect(a.borderWidth).toEqual({ top: 2, right: 2, bottom: 2, left: 7 });
    expect(a.borderColor.top).toBe('red');
    expect(r.style('b').borderWidth).toEqual({ top: 0, right: 0, bottom: 0, left: 0 });
  });

  it('has a user-agent stylesheet with HTML display types, margins and heading sizes', () => {
    const r = render(
      '<body id="body"><h1 id="h1">T</h1><h2 id="h2">t</h2><p id="p">p</p><span id="s">s</span><ul id="ul"><li id="li">i</li></ul><div id="hid" hidden>h</div><script id="sc"></script></body>',
    );
    expect(r.style('body').margin.top).toEqual({ type: 'px', value: 8 });
    expect(r.style('h1').fontSize).toBe(32);
    expect(r.style('h1').fontWeight).toBe(700);
    const h1Margin = r.style('h1').margin.top;
    expect(h1Margin.type === 'px' && h1Margin.value).toBeCloseTo(21.44);
    expect(r.style('h2').fontSize).toBe(24);
    expect(r.style('p').margin.bottom).toEqual({ type: 'px', value: 16 });
    expect(r.style('p').display).toBe('block');
    expect(r.style('s').display).toBe('inline');
    expect(r.style('li').display).toBe('list-item');
    expect(r.style('li').layoutDisplay).toBe('block');
    expect(r.style('ul').padding.left).toEqual({ type: 'px', value: 40 });
    expect(r.style('hid').display).toBe('none');
    expect(r.style('sc').display).toBe('none');
    expect(r.styles.styles.get(r.document.childNodes.find((n) => 'tagName' in n) as never)?.display).toBe('block');
  });

  it('counts selectors it can never match', () => {
    const document = parse('<p>x</p>');
    const sheet = parseStyleSheet('p:hover { color: red } p::after { color: red } p { color: blue }', 's.css');
    const result = resolveStyles(document, [sheet], { viewportWidth: 800, viewportHeight: 600 });
    expect(result.unsupportedSelectorCount).toBe(2);
    expect(result.authorRuleCount).toBe(3);
  });

  it('maps presentational hints (img width/height attributes) below author rules', () => {
    const r = render(
      '<img id="i" src="a.png" width="40" height="30"><img id="j" src="b.png" width="40" height="30">',
      '#j { width: 10px }',
    );
    expect(r.style('i').width).toEqual({ type: 'px', value: 40 });
    expect(r.style('i').height).toEqual({ type: 'px', value: 30 });
    expect(r.style('j').width).toEqual({ type: 'px', value: 10 });
  });
});

describe('inheritance and computed values', () => {
  it('inherits color, font-size, line-height, font-weight, text-align and visibility, not box properties', () => {
    const r = render(
      '<div id="outer"><p id="inner"><span id="leaf">x</span></p></div>',
      '#outer { color: rgb(1, 2, 3); font-size: 20px; line-height: 1.5; font-weight: bold; text-align: center; visibility: hidden; background-color: yellow; margin: 5px; width: 50% } #inner { font-size: 2em; visibility: visible }',
    );
    const leaf = r.style('leaf');
    expect(leaf.color).toBe('rgb(1,2,3)');
    expect(leaf.fontSize).toBe(40);
    expect(leaf.lineHeight).toEqual({ type: 'number', value: 1.5 });
    expect(leaf.lineHeightPx).toBe(60);
    expect(leaf.fontWeight).toBe(700);
    expect(leaf.textAlign).toBe('center');
    expect(leaf.visibility).toBe('visible');
    expect(r.style('outer').visibility).toBe('hidden');
    expect(leaf.backgroundColor).toBe('transparent');
    expect(leaf.margin.left).toEqual({ type: 'px', value: 0 });
    expect(leaf.width).toEqual({ type: 'auto' });
  });

  it('resolves lengths: em of the parent for font-size, em of the element elsewhere, rem, %, keywords', () => {
    const r = render(
      '<div id="a"><div id="b"><div id="c">x</div></div></div>',
      'html { font-size: 10px } #a { font-size: 20px } #b { font-size: 150%; padding-left: 2em; width: 50%; margin-top: 1rem; line-height: 2em } #c { font-size: larger; border: thin solid; inherit-me: 1 }',
    );
    const b = r.style('b');
    expect(b.fontSize).toBe(30);
    expect(b.padding.left).toEqual({ type: 'px', value: 60 });
    expect(b.width).toEqual({ type: 'percent', value: 50 });
    expect(b.margin.top).toEqual({ type: 'px', value: 10 });
    expect(b.lineHeightPx).toBe(60);
    const c = r.style('c');
    expect(c.fontSize).toBeCloseTo(36);
    expect(c.lineHeightPx).toBe(60); // a length line-height inherits as px
    expect(c.borderWidth.top).toBe(1);
    expect(c.borderColor.top).toBe('black'); // currentcolor
  });

  it('supports inherit, initial and unset for any property', () => {
    const r = render(
      '<div id="p"><div id="c">x</div></div>',
      '#p { margin-left: 12px; color: red } #c { margin-left: inherit; color: initial } #c { font-size: unset }',
    );
    expect(r.style('c').margin.left).toEqual({ type: 'px', value: 12 });
    expect(r.style('c').color).toBe('black');
    expect(r.style('c').fontSize).toBe(16);
  });

  it('blockifies the root element and flex items; treats flex and list-item as blocks for layout', () => {
    const r = render(
      '<div id="f"><span id="item">a</span></div><li id="li">x</li>',
      'html { display: inline } #f { display: flex }',
    );
    expect(r.styles.styles.get(byId(r.document, 'f'))?.layoutDisplay).toBe('block');
    expect(r.style('item').display).toBe('block');
    expect(r.style('li').layoutDisplay).toBe('block');
  });
});

describe('the user-agent stylesheet', () => {
  it('parses cleanly and uses only selectors the model matches', () => {
    const sheet = userAgentStyleSheet();
    expect(sheet.errorCount).toBe(0);
    expect(sheet.unsupportedSelectorCount).toBe(0);
    expect(sheet.rules.every((r) => r.declarations.length > 0)).toBe(true);
  });
});
