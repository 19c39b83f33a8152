import { describe, expect, it } from 'vitest';
import { buildPaintList } from '../../../electron/renderer-process/paintList.js';
import { render } from './renderingTestUtils.js';
import { loadBlinkLibraries } from '../../../electron/renderer-process/blinkLibraries.js';

// The renderer loads its HTML and CSS parsers after start-up; here, before any test.
await loadBlinkLibraries();

describe('the paint list', () => {
  it('paints the canvas, then block backgrounds and borders, then text and images in document order', () => {
    const r = render(
      `<div id="outer"><div id="inner">Hello <img src="a.png" width="20" height="20"> world</div></div><p id="after">After</p>`,
      'body, p { margin: 0 } #outer { background: #eee; border: 2px solid red; padding: 4px } #inner { background-color: blue; color: white } #after { color: green }',
    );
    const items = buildPaintList(r.layout);
    expect(items.map((i) => `${i.op}:${i.label}${i.text ? `:${i.text.trim()}` : ''}`)).toEqual([
      'rect:canvas',
      'rect:div#outer',
      'border:div#outer',
      'rect:div#inner',
      'text:#text:Hello',
      'image:img',
      'text:#text:world',
      'text:#text:After',
    ]);
    expect(items[0]).toMatchObject({ x: 0, y: 0, width: 800, height: 600, color: 'white' });
    const border = items[2];
    expect(border).toMatchObject({
      x: 0,
      y: 0,
      width: 800,
      color: 'red',
      borderWidths: { top: 2, right: 2, bottom: 2, left: 2 },
    });
    const text = items.find((i) => i.op === 'text');
    expect(text).toMatchObject({
      color: 'white',
      fontSize: 16,
      boxId: r.tree.objects.find((o) => o.text.includes('Hello'))?.id,
    });
    expect(items.find((i) => i.op === 'image')).toMatchObject({ width: 20, height: 20, src: 'http://lab.test/a.png' });
  });

  it('skips visibility:hidden boxes (they keep their space), but paints visible descendants', () => {
    const r = render(
      `<div id="hidden" style="visibility: hidden; background: red; height: 50px">secret <span style="visibility: visible">shown</span></div><div id="next" style="background: blue; height: 10px"></div>`,
      'body { margin: 0 }',
    );
    const items = buildPaintList(r.layout);
    expect(items.some((i) => i.label === 'div#hidden')).toBe(false);
    expect(items.filter((i) => i.op === 'text').map((i) => i.text?.trim())).toEqual(['shown']);
    expect(items.find((i) => i.label === 'div#next')).toMatchObject({ op: 'rect', y: 50 });
  });

  it('propagates the body background to the canvas when the root has none', () => {
    const r = render('<body id="b"><p>x</p></body>', 'body { background: url(x.png) #123456 no-repeat }');
    const items = buildPaintList(r.layout);
    expect(items[0]).toMatchObject({ label: 'canvas', color: '#123456' });
    expect(items.some((i) => i.op === 'rect' && i.label === 'body')).toBe(false);
    const rooted = buildPaintList(
      render('<body><p>x</p></body>', 'html { background: black } body { background: white }').layout,
    );
    expect(rooted[0]).toMatchObject({ label: 'canvas', color: 'black' });
    expect(rooted.find((i) => i.label === 'body')).toMatchObject({ op: 'rect', color: 'white' });
  });

  it('paints an inline-block atomically where it sits in the line', () => {
    const r = render(
      '<div>a <span style="display: inline-block; background: yellow"><b style="display: block; background: pink">in</b></span> b</div>',
      'body { margin: 0 }',
    );
    const order = buildPaintList(r.layout).map((i) => `${i.op}:${i.label}${i.text ? `:${i.text.trim()}` : ''}`);
    expect(order).toEqual(['rect:canvas', 'text:#text:a', 'rect:span', 'rect:b', 'text:#text:in', 'text:#text:b']);
  });
});
