import { describe, expect, it } from 'vitest';
import { textAdvance } from '../../../electron/renderer-process/fontMetrics.js';
import { render } from './renderingTestUtils.js';
import { loadBlinkLibraries } from '../../../electron/renderer-process/blinkLibraries.js';

// The renderer loads its HTML and CSS parsers after start-up; here, before any test.
await loadBlinkLibraries();

const RESET = 'body, p { margin: 0 }';

describe('the render tree', () => {
  it('leaves out head, display:none subtrees (with their children) and whitespace-only text', () => {
    const r = render(`<!doctype html><html><head><title>T</title><style>p{}</style></head><body>
      <div id="shown">Visible <b id="bold">text</b></div>
      <div id="gone" style="display: none"><p id="child">inside</p><span>more</span></div>
      <script>var x = 1;</script>
      <template><p>template</p></template>
      <video id="v"><p id="fallback">fallback</p></video>
    </body></html>`);
    const tags = r.tree.objects.map((o) => o.tag);
    expect(tags).not.toContain('head');
    expect(tags).not.toContain('title');
    expect(tags).not.toContain('script');
    expect(tags).not.toContain('p');
    expect(r.tree.objects.filter((o) => o.tag === '#text').map((o) => o.text.trim())).toEqual(['Visible', 'text']);
    expect(r.tree.excluded).toEqual([
      { tag: 'head', label: 'head', reason: 'head' },
      { tag: 'div', label: 'div#gone', reason: 'display:none' },
      { tag: 'script', label: 'script', reason: 'display:none' },
      { tag: 'template', label: 'template', reason: 'display:none' },
      { tag: 'p', label: 'p#fallback', reason: 'not rendered' },
    ]);
    expect(() => r.box('child')).toThrow();
    expect(r.box('v').kind).toBe('inline-block');
    expect([r.box('v').width, r.box('v').height]).toEqual([300, 150]);
  });

  it('keeps visibility:hidden boxes: they take space', () => {
    const r = render(
      `<div id="a" style="height: 40px; visibility: hidden">hidden</div><div id="b" style="height: 10px"></div>`,
      RESET,
    );
    expect(r.box('a').height).toBe(40);
    expect(r.box('b').y).toBe(40);
    expect(r.layout.boxes.some((b) => b.kind === 'text' && b.text === 'hidden')).toBe(true);
  });

  it('replaces display:contents elements by their children', () => {
    const r = render('<div id="c" style="display: contents; color: red"><p id="p">x</p></div>', RESET);
    expect(r.tree.objects.map((o) => o.tag)).not.toContain('div');
    expect(r.box('p').depth).toBe(2);
    expect(r.tree.objects.find((o) => o.tag === '#text')?.style.color).toBe('red');
  });
});

describe('block layout', () => {
  it('stacks blocks vertically with margins (adjacent siblings collapse), borders and padding', () => {
    const r = render(
      `<div id="a"></div><div id="b"><div id="inner"></div></div><div id="c"></div>`,
      `${RESET} #a { height: 50px; margin-bottom: 20px } #b { height: 30px; margin-top: 30px; padding: 10px; border: 5px solid } #inner { height: 5px } #c { margin: 10px 0; height: 10px }`,
    );
    expect(r.box('a')).toMatchObject({ x: 0, y: 0, width: 800, height: 50, kind: 'block' });
    expect(r.box('b')).toMatchObject({ x: 0, y: 80, width: 800, height: 60 });
    expect(r.box('inner')).toMatchObject({ x: 15, y: 95, width: 770, height: 5 });
    expect(r.box('c')).toMatchObject({ y: 150, height: 10 });
    expect(r.layout.contentHeight).toBe(170);
    expect(r.layout.documentHeight).toBe(600); // at least the viewport
  });

  it('uses the UA body margin of 8px and heading sizes (no parent/child margin collapsing)', () => {
    const r = render('<body><h1 id="h">Title</h1><p id="p">Para</p></body>');
    expect(r.box('h').x).toBe(8);
    expect(r.box('h').y).toBeCloseTo(8 + 21.44);
    expect(r.box('h').width).toBe(784);
    expect(r.box('h').height).toBeCloseTo(38.4);
    expect(r.box('p').y).toBeCloseTo(8 + 21.44 + 38.4 + 21.44); // max(21.44, 16)
  });

  it('resolves width: px, %, auto margins, min/max, box-sizing', () => {
    const r = render(
      '<div id="fixed"></div><div id="pct"></div><div id="center"></div><div id="max"></div><div id="bb"></div><div id="right"></div>',
      `${RESET} #fixed { width: 200px; padding: 0 10px } #pct { width: 50% } #center { width: 200px; margin: 0 auto } #max { max-width: 300px; margin: 0 auto } #bb { box-sizing: border-box; width: 200px; padding: 20px; border: 5px solid } #right { width: 100px; margin-left: auto }`,
    );
    expect(r.box('fixed').width).toBe(220);
    expect(r.box('pct').width).toBe(400);
    expect(r.box('center').x).toBe(300);
    expect([r.box('max').x, r.box('max').width]).toEqual([250, 300]);
    expect(r.box('bb').width).toBe(200);
    expect(r.box('right').x).toBe(700);
  });

  it('resolves percentage heights against a definite containing block only', () => {
    const r = render(
      '<div id="outer"><div id="half"></div></div><div id="auto"><div id="pct"></div></div>',
      `${RESET} html, body { height: 100% } #outer { height: 200px } #half { height: 50% } #pct { height: 50% }`,
    );
    expect(r.box('half').height).toBe(100);
    expect(r.box('pct').height).toBe(0);
  });
});

describe('inline layout', () => {
  const narrow = { viewportWidth: 100, viewportHeight: 400 };

  it('measures text with 0.55 × font-size per character, 1 × font-size for CJK', () => {
    expect(textAdvance('abcd', 16)).toBeCloseTo(35.2);
    expect(textAdvance('한국', 16)).toBe(32);
    expect(textAdvance('漢字かな', 10)).toBe(40);
  });

  it('wraps words greedily into line boxes at a narrow viewport', () => {
    const r = render('<p id="p">aaaa bbbb cccc dddd</p>', RESET, narrow);
    const runs = r.layout.boxes.filter((b) => b.kind === 'text');
    expect(runs.map((b) => b.text)).toEqual(['aaaa bbbb', 'cccc dddd']);
    expect(runs.map((b) => b.width)).toEqual([expect.closeTo(79.2), expect.closeTo(79.2)]);
    expect(runs.map((b) => b.x)).toEqual([0, 0]);
    expect(runs[0]?.y).toBeCloseTo(1.6); // half-leading of a 19.2px line
    expect(runs[1]?.y).toBeCloseTo(19.2 + 1.6);
    expect(r.box('p').height).toBeCloseTo(38.4);
  });

  it('does not wrap at the wide viewport, and lets an unbreakable word overflow', () => {
    expect(render('<p>aaaa bbbb cccc dddd</p>', RESET).layout.boxes.filter((b) => b.kind === 'text')).toHaveLength(1);
    const r = render('<p id="p">abcdefghijklmnop</p>', RESET, narrow);
    const runs = r.layout.boxes.filter((b) => b.kind === 'text');
    expect(runs).toHaveLength(1);
    expect(runs[0]?.width).toBeCloseTo(140.8);
  });

  it('breaks between CJK characters', () => {
    const r = render('<p>가나다라마바사아자차</p>', RESET, narrow);
    expect(r.layout.boxes.filter((b) => b.kind === 'text').map((b) => b.text)).toEqual(['가나다라마바', '사아자차']);
  });

  it('collapses white space across elements and splits inline boxes over lines', () => {
    const r = render('<p id="p">aaaa   <span id="s">  bbbb\n cccc</span> dddd</p>', RESET, narrow);
    const spans = r.boxes('s');
    expect(spans).toHaveLength(2);
    expect(spans[0]?.x).toBeCloseTo(44); // after "aaaa "
    expect(spans[1]?.x).toBe(0);
    expect(r.layout.boxes.filter((b) => b.kind === 'text').map((b) => b.text?.trim())).toEqual([
      'aaaa',
      'bbbb',
      'cccc',
      'dddd',
    ]);
  });

  it('honours <br>, text-align and white-space: pre', () => {
    const br = render('<p id="p">a<br>b<br><br>c<br></p>', RESET);
    expect(br.box('p').height).toBeCloseTo(4 * 19.2);
    const centered = render('<p id="p" style="text-align: center">ab</p>', RESET, narrow);
    expect(centered.layout.boxes.find((b) => b.kind === 'text')?.x).toBeCloseTo((100 - 17.6) / 2);
    const pre = render('<pre id="pre">a  b\nc</pre>', 'pre { margin: 0 }', narrow);
    expect(pre.layout.boxes.filter((b) => b.kind === 'text').map((b) => b.text)).toEqual(['a  b', 'c']);
  });

  it('lays out inline-blocks as atomic inlines with a shrink-to-fit width', () => {
    const r = render('<p>x <span id="ib" style="display: inline-block; padding: 4px">ib</span></p>', RESET);
    expect(r.box('ib').kind).toBe('inline-block');
    expect(r.box('ib').width).toBeCloseTo(17.6 + 8);
    expect(r.box('ib').x).toBeCloseTo(17.6); // "x "
    expect(r.box('ib').height).toBeCloseTo(19.2 + 8);
  });

  it('treats an inline that contains a block as a block', () => {
    const r = render('<a id="a" href="#"><div id="d">card</div></a>', RESET);
    expect(r.box('a').kind).toBe('block');
    expect(r.box('d').y).toBe(0);
  });
});

describe('images', () => {
  it('sizes images from width/height attributes, CSS, the natural size when known, else 0×0', () => {
    const sizes = new Map([['http://lab.test/c.png', { width: 200, height: 50 }]]);
    const r = render(
      `<p><img id="attrs" src="a.png" width="40" height="30"><img id="none" src="b.png"><img id="natural" src="c.png" width="100"><img id="css" src="a.png" width="40" height="30"><img id="half" src="d.png" width="60"></p>`,
      `${RESET} #css { width: 10px; height: 12px }`,
      undefined,
      sizes,
    );
    expect(r.box('attrs')).toMatchObject({ kind: 'image', width: 40, height: 30, src: 'http://lab.test/a.png' });
    expect(r.box('none')).toMatchObject({ width: 0, height: 0 });
    expect(r.box('natural')).toMatchObject({ width: 100, height: 25 });
    expect(r.box('css')).toMatchObject({ width: 10, height: 12 });
    expect(r.box('half')).toMatchObject({ width: 60, height: 0 });
  });

  it('places inline images on the baseline and makes the line as tall as they need', () => {
    const r = render('<p id="p">x<img id="i" src="a.png" width="40" height="30"></p>', RESET);
    expect(r.box('i').y).toBe(0);
    expect(r.box('i').x).toBeCloseTo(8.8);
    expect(r.box('p').height).toBeCloseTo(30 + 4.8); // image above the baseline + strut descent
  });

  it('stacks block-level images like blocks', () => {
    const r = render(
      '<img id="a" src="a.png" width="50" height="20" style="display: block"><img id="b" src="b.png" width="50" height="20" style="display: block; margin: 5px auto">',
      RESET,
    );
    expect(r.box('a')).toMatchObject({ x: 0, y: 0, width: 50, height: 20 });
    expect(r.box('b')).toMatchObject({ x: 375, y: 25 });
  });
});
