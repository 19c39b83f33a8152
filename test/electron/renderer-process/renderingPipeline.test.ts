import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import {
  RENDERING_LIMITS,
  renderDocument,
  renderDocumentSnapshot,
} from '../../../electron/renderer-process/renderingPipeline.js';
import { loadBlinkLibraries } from '../../../electron/renderer-process/blinkLibraries.js';

// The renderer loads its HTML and CSS parsers after start-up; here, before any test.
await loadBlinkLibraries();

const options = { viewportWidth: 1024, viewportHeight: 768, baseUrl: 'http://www.lab.test/' };

describe('renderDocument', () => {
  it('runs style → render tree → layout → paint and returns JSON-ready summaries', () => {
    const document = parse(`<!doctype html><html><head><title>T</title><link rel="stylesheet" href="/a.css"></head>
      <body><h1 class="t">Hello</h1><p style="display:none">no</p><p>한국어 <img src="/logo.png" width="10" height="10"></p><div class="gone">x</div></body></html>`);
    const result = renderDocument(
      document,
      [
        {
          href: 'http://www.lab.test/a.css',
          cssText: '.t { color: red } .gone { display: none } a:hover { color: blue } @import "x.css"; broken {{{',
        },
        { href: 'inline <style> #1', cssText: '.t { color: green }' },
      ],
      options,
    );
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(result.cssom.sheets.map((s) => s.href)).toEqual(['http://www.lab.test/a.css', 'inline <style> #1']);
    expect(result.cssom.ruleCount).toBe(5); // "broken {{{" is still a rule (with no valid declarations), as in Chromium's CSSOM
    expect(result.cssom.errorCount).toBeGreaterThan(0);
    expect(result.cssom.unsupportedSelectorCount).toBe(1);
    expect(result.cssom.sheets[0]?.rules[0]).toMatchObject({
      selector: '.t',
      declarations: ['color: red'],
      specificity: [0, 1, 0],
    });
    const h1 = result.renderTree.nodes.find((n) => n.tag === 'h1');
    expect(h1).toMatchObject({ label: 'h1.t', display: 'block', depth: 2 });
    expect(h1?.style.color).toBe('green'); // the later sheet wins
    expect(result.renderTree.nodes.filter((n) => n.tag === '#text').map((n) => n.text)).toEqual(['Hello', '한국어']);
    expect(result.renderTree.excluded.map((e) => `${e.label}:${e.reason}`)).toEqual([
      'head:head',
      'p:display:none',
      'div.gone:display:none',
    ]);
    expect(result.layout.viewport).toEqual({ width: 1024, height: 768 });
    expect(result.layout.boxes.find((b) => b.kind === 'image')).toMatchObject({
      width: 10,
      height: 10,
      src: 'http://www.lab.test/logo.png',
    });
    expect(result.paint.items[0]).toMatchObject({ op: 'rect', label: 'canvas' });
    expect(result.paint.items.some((i) => i.op === 'text' && i.text === 'Hello' && i.color === 'green')).toBe(true);
    for (const key of ['cssomMs', 'styleMs', 'renderTreeMs', 'layoutMs', 'paintMs', 'totalMs'] as const)
      expect(typeof result.timings[key]).toBe('number');
  });

  it('keeps every summary bounded on a large page', () => {
    const body = Array.from(
      { length: 1500 },
      (_, i) =>
        `<div class="row r${i}" id="row-${i}"><span>${'word '.repeat(40)}</span><script>x()</script><p hidden>h</p></div>`,
    ).join('');
    const css = Array.from({ length: 600 }, (_, i) => `.r${i} { color: rgb(${i % 255}, 0, 0); padding: 1px }`).join(
      '\n',
    );
    const sheets = Array.from({ length: 25 }, (_, i) => ({
      href: `s${i}.css`,
      cssText: i === 0 ? css : 'p { margin: 0 }',
    }));
    const result = renderDocument(parse(`<body>${body}</body>`), sheets, options);
    expect(result.renderTree.nodes.length).toBeLessThanOrEqual(RENDERING_LIMITS.renderTreeNodes);
    expect(result.renderTree.truncated).toBe(true);
    expect(result.renderTree.count).toBeGreaterThan(4500);
    expect(result.renderTree.excluded.length).toBeLessThanOrEqual(RENDERING_LIMITS.excluded);
    expect(result.renderTree.excludedCount).toBe(3001);
    expect(result.layout.boxes.length).toBeLessThanOrEqual(RENDERING_LIMITS.boxes);
    expect(result.layout.truncated).toBe(true);
    expect(result.paint.items.length).toBeLessThanOrEqual(RENDERING_LIMITS.paintItems);
    expect(result.paint.truncated).toBe(true);
    expect(result.cssom.sheets.length).toBe(RENDERING_LIMITS.sheets);
    expect(result.cssom.sheetsTruncated).toBe(true);
    expect(result.cssom.sheets.reduce((n, s) => n + s.rules.length, 0)).toBeLessThanOrEqual(
      RENDERING_LIMITS.rulesTotal,
    );
    expect(result.cssom.ruleCount).toBe(624);
    expect(result.layout.boxes.every((b) => (b.text ?? '').length <= RENDERING_LIMITS.text)).toBe(true);
    expect(JSON.stringify(result).length).toBeLessThan(400_000);
  });

  it('renders an empty or non-HTML-looking document without throwing', () => {
    const result = renderDocument(parse(''), [], options);
    expect(result.renderTree.nodes.map((n) => n.tag)).toEqual(['html', 'body']);
    expect(result.layout.documentHeight).toBe(768);
    expect(result.layout.contentHeight).toBe(16); // body's margins
  });
});

describe('renderDocumentSnapshot', () => {
  it('shapes the result as the trace RenderSnapshot', () => {
    const snapshot = renderDocumentSnapshot(
      parse('<p style="border: 1px solid">Hi <img src="a.png" width="5" height="5"></p>'),
      [{ href: 'inline <style> #1', cssText: 'p { color: red }' }],
      options,
    );
    expect(snapshot.cssom.sheets[0]).toEqual({
      href: 'inline <style> #1',
      ruleCount: 1,
      parseErrors: 0,
      rules: [{ selector: 'p', specificity: [0, 0, 1], declarations: ['color: red'] }],
    });
    expect(snapshot.layout).toMatchObject({ viewportWidth: 1024, viewportHeight: 768, truncated: false });
    expect(new Set(snapshot.layout.boxes.map((b) => b.kind))).toEqual(new Set(['block', 'text', 'replaced']));
    expect(snapshot.paint.items.map((i) => i.op)).toEqual(['fillRect', 'strokeRect', 'drawText', 'drawImage']);
    expect(snapshot.paint.items[2]).toMatchObject({ label: '#text', color: 'red', text: 'Hi ' });
    expect(snapshot.renderTree.excluded).toEqual([{ label: 'head', reason: 'head' }]);
  });
});

describe('limits', () => {
  it('cuts a DOM deeper than 512 elements instead of overflowing the stack', () => {
    const depth = 5000;
    const result = renderDocument(
      parse(`${'<div>'.repeat(depth)}deep${'</div>'.repeat(depth)}`),
      [{ href: 'a.css', cssText: 'div div { padding-left: 1px }' }],
      options,
    );
    expect(result.renderTree.count).toBe(512);
    expect(result.renderTree.excluded.at(-1)).toEqual({ tag: 'div', label: 'div', reason: 'not rendered' });
  });
});
