import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../../../electron/lab/lab.js';
import type { LabRequest, LabResource, LabRoute } from '../../../electron/lab/labPages.js';
import {
  RENDER_DATA_JSON,
  RENDER_DISPLAY_CSS,
  RENDER_INLINE_SCRIPT,
  RENDER_MAX_DELAY_MS,
  RENDER_REAL_SCRIPT_JS,
  RENDER_SAME_ORIGIN_JSON,
  RENDER_WRONG_TYPE_JS,
  RENDER_XSSI_BODY,
  XSSI_PREFIX,
  renderScriptBody,
  renderStylesheetBody,
} from '../../../electron/lab/labRenderRoutes.js';
import { LAB_SCENARIOS } from '../../../electron/lab/labScenarios.js';
import { labSites } from '../../../electron/lab/labSites.js';
import { httpGet, httpsGet, until } from './labTestClient.js';
import type { HttpReply } from './labTestClient.js';

const NAVER_WEB = '127.80.0.1';
const GOOGLE_WEB = '127.80.0.2';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JS_TYPE = 'text/javascript; charset=utf-8';
const CSS_TYPE = 'text/css; charset=utf-8';
const HTML_TYPE = 'text/html; charset=utf-8';

let lab: Lab;
let webPort: number;
let httpsPort: number;

beforeAll(async () => {
  lab = await Lab.start();
  webPort = lab.config.portMap['80'] ?? 0;
  httpsPort = lab.config.portMap['443'] ?? 0;
});

afterAll(async () => {
  await lab.stop();
});

type Scheme = 'http' | 'https';

function get(scheme: Scheme, host: 'www.naver.com' | 'www.google.com', path: string): Promise<HttpReply> {
  const address = host === 'www.naver.com' ? NAVER_WEB : GOOGLE_WEB;
  return scheme === 'http'
    ? httpGet(address, webPort, host, path)
    : httpsGet(address, httpsPort, path, { ca: lab.config.ca.certPem, servername: host });
}

const naver = (path: string, scheme: Scheme = 'http'): Promise<HttpReply> => get(scheme, 'www.naver.com', path);
const google = (path: string, scheme: Scheme = 'http'): Promise<HttpReply> => get(scheme, 'www.google.com', path);
const text = (reply: HttpReply): string => reply.body.toString('utf8');

/** Every `<script …>` start tag, `<img …>` tag or stylesheet `<link …>` of a document, in order. */
function tags(html: string, name: 'script' | 'img' | 'link'): string[] {
  return [...html.matchAll(new RegExp(`<${name}\\b[^>]*>`, 'g'))].map((m) => m[0]);
}

/** The route the lab would pick for `path` on www.naver.com, as the request handler does (exact, then longest prefix). */
function naverRoute(path: string): LabRoute | undefined {
  const site = labSites.find((s) => s.hosts.includes('www.naver.com'));
  if (!site) return undefined;
  if (Object.hasOwn(site.routes, path)) return site.routes[path];
  const prefix = Object.keys(site.prefixRoutes ?? {})
    .filter((p) => path.startsWith(p))
    .sort((a, b) => b.length - a.length)[0];
  return prefix === undefined ? undefined : site.prefixRoutes?.[prefix];
}

/** What the www.naver.com route answers for `pathAndQuery`, without the network. */
function naverResource(pathAndQuery: string): LabResource | undefined {
  const url = new URL(`http://www.naver.com${pathAndQuery}`);
  const route = naverRoute(url.pathname);
  if (route === undefined) return undefined;
  const request: LabRequest = { url, scheme: 'http', method: 'GET', headers: {} };
  return typeof route === 'function' ? route(request) : route;
}

const SCRIPT_TAGS = [
  '<script src="/render/js/blocking.js?delay=300">',
  '<script async src="/render/js/async-fast.js?delay=20">',
  '<script async src="/render/js/async-slow.js?delay=500">',
  '<script defer src="/render/js/defer-1.js?delay=400">',
  '<script defer src="/render/js/defer-2.js?delay=10">',
  '<script type="module" src="/render/js/module.js?delay=50">',
  '<script>',
];

describe('Lab render: /render/scripts', () => {
  for (const scheme of ['http', 'https'] as const) {
    it(`is a lab page with its scripts in document order (${scheme})`, async () => {
      const reply = await naver('/render/scripts', scheme);
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toBe(HTML_TYPE);
      const html = text(reply);
      expect(html).toContain('NavScope lab stand-in');
      expect(tags(html, 'script')).toEqual(SCRIPT_TAGS);
      // The parser-blocking script is in the head; body content comes before the async scripts and after the module.
      expect(html.indexOf(SCRIPT_TAGS[0] ?? '')).toBeLessThan(html.indexOf('</head>'));
      const body = html.slice(html.indexOf('<body>'));
      const asyncAt = body.indexOf(SCRIPT_TAGS[1] ?? '');
      const moduleAt = body.indexOf(SCRIPT_TAGS[5] ?? '');
      expect(body.slice(0, asyncAt)).toMatch(/<p>[^<]*\w/);
      expect(body.slice(moduleAt, body.indexOf('<script>'))).toMatch(/<p>[^<]*\w/);
      // The inline script sits last in the body and is a harmless comment.
      expect(html).toMatch(
        new RegExp(`<script>\\n${RENDER_INLINE_SCRIPT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n</script>\\n</body>`),
      );
    });
  }

  it('every script it references is JavaScript naming itself, after its delay', async () => {
    const html = text(await naver('/render/scripts'));
    const sources = tags(html, 'script').flatMap((tag) => /src="([^"]+)"/.exec(tag)?.[1] ?? []);
    expect(sources).toHaveLength(6);
    const replies = await Promise.all(sources.map((src) => naver(src)));
    const bodies = new Set<string>();
    replies.forEach((reply, i) => {
      const name = /\/render\/js\/([\w-]+)\.js/.exec(sources[i] ?? '')?.[1] ?? '';
      expect(reply.status, sources[i]).toBe(200);
      expect(reply.headers['content-type']).toBe(JS_TYPE);
      expect(text(reply)).toBe(renderScriptBody(name));
      expect(text(reply)).toBe(`// NavScope lab script ${name}\n`);
      expect(Number(reply.headers['content-length'])).toBe(reply.body.length);
      bodies.add(text(reply));
    });
    expect(bodies.size).toBe(6);
    await until(() => lab.slowResponseCount() === 0, 'the delayed scripts to finish');
  });

  it('a delayed script waits on the server, then arrives whole (HTTP and HTTPS)', async () => {
    for (const scheme of ['http', 'https'] as const) {
      const pending = naver('/render/js/blocking.js?delay=300', scheme);
      await until(() => lab.slowResponseCount() === 1, 'the server to hold the script');
      const reply = await pending;
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toBe(JS_TYPE);
      expect(text(reply)).toBe(renderScriptBody('blocking'));
      await until(() => lab.slowResponseCount() === 0, 'the delayed script to finish');
    }
  });
});

describe('Lab render: the generic /render/js/ and /render/css/ routes', () => {
  it('apply ?delay=N as a delayed delivery, capped, and ignore anything but a whole number', () => {
    expect(naverResource('/render/js/blocking.js?delay=300')?.delivery).toEqual({ kind: 'delayed', delayMs: 300 });
    expect(naverResource('/render/js/x.js?delay=99999')?.delivery).toEqual({
      kind: 'delayed',
      delayMs: RENDER_MAX_DELAY_MS,
    });
    expect(RENDER_MAX_DELAY_MS).toBe(2000);
    expect(naverResource('/render/css/slow.css?delay=400')?.delivery).toEqual({ kind: 'delayed', delayMs: 400 });
    expect(naverResource('/render/css/a.css?delay=2001')?.delivery).toEqual({ kind: 'delayed', delayMs: 2000 });
    for (const query of ['', '?delay=', '?delay=0', '?delay=-5', '?delay=1.5', '?delay=abc']) {
      expect(naverResource(`/render/js/x.js${query}`)?.delivery, query).toBeUndefined();
      expect(naverResource(`/render/css/x.css${query}`)?.delivery, query).toBeUndefined();
    }
  });

  it('serve any plain name, and 404 for anything else', async () => {
    const script = await naver('/render/js/any_name-1.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe(JS_TYPE);
    expect(text(script)).toBe('// NavScope lab script any_name-1\n');
    for (const path of [
      '/render/js/',
      '/render/js/.js',
      '/render/js/a.css',
      '/render/js/a/b.js',
      '/render/js/a.js.map',
      '/render/css/a.js',
      '/render/css/x/y.css',
    ]) {
      const reply = await naver(path);
      expect(reply.status, path).toBe(404);
      expect(text(reply)).toContain('404 Not Found');
    }
  });

  it('/render/css/<name>.css is CSS after its delay', async () => {
    const reply = await naver('/render/css/slow.css?delay=400');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe(CSS_TYPE);
    expect(text(reply)).toBe(renderStylesheetBody('slow'));
    expect(text(reply)).toContain('/* NavScope lab stylesheet slow */');
    expect(text(reply)).toMatch(/\.styled-by-slow \{[^}]*border-left:/);
    const https = await naver('/render/css/slow.css?delay=5', 'https');
    expect(https.headers['content-type']).toBe(CSS_TYPE);
    expect(text(https)).toBe(renderStylesheetBody('slow'));
    await until(() => lab.slowResponseCount() === 0, 'the delayed stylesheets to finish');
  });
});

describe('Lab render: /render/corb', () => {
  const SUBRESOURCES = [
    '<img src="https://www.google.com/render/data.json"',
    '<img src="https://www.google.com/render/xssi.js"',
    '<script src="https://www.google.com/render/wrong-type.js">',
    '<img src="https://www.google.com/static/logo.png"',
    '<script src="https://www.google.com/render/real-script.js">',
    '<img src="/render/same-origin.json"',
  ];

  for (const scheme of ['http', 'https'] as const) {
    it(`loads the cross-origin resources as no-cors subresources, in order (${scheme})`, async () => {
      const reply = await naver('/render/corb', scheme);
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toBe(HTML_TYPE);
      const html = text(reply);
      expect(html).toContain('NavScope lab stand-in');
      const subresources = [...tags(html, 'img'), ...tags(html, 'script')]
        .sort((a, b) => html.indexOf(a) - html.indexOf(b))
        .filter((tag) => / src="/.test(tag));
      expect(subresources).toHaveLength(SUBRESOURCES.length);
      subresources.forEach((tag, i) => expect(tag.startsWith(SUBRESOURCES[i] ?? '?'), tag).toBe(true));
      // No-cors: nothing asks for CORS.
      expect(html).not.toContain('crossorigin=');
    });
  }

  for (const scheme of ['http', 'https'] as const) {
    it(`www.google.com serves what CORB blocks and allows (${scheme})`, async () => {
      const data = await google('/render/data.json', scheme);
      expect(data.status).toBe(200);
      expect(data.headers['content-type']).toBe('application/json');
      expect(data.headers['x-content-type-options']).toBeUndefined();
      expect(text(data)).toBe(RENDER_DATA_JSON);
      // What CORB's JSON sniffer confirms: an object whose first key is a string.
      expect(text(data)).toMatch(/^\{\s*"[^"]*"\s*:/);
      expect(JSON.parse(text(data))).toEqual(expect.objectContaining({ navscope: 'lab stand-in' }));

      const xssi = await google('/render/xssi.js', scheme);
      expect(xssi.status).toBe(200);
      expect(xssi.headers['content-type']).toMatch(/^text\/plain(;|$)/);
      expect(xssi.headers['x-content-type-options']).toBeUndefined();
      expect(XSSI_PREFIX).toBe(")]}'");
      expect(xssi.body.subarray(0, 4).toString('latin1')).toBe(")]}'");
      expect(text(xssi)).toBe(RENDER_XSSI_BODY);
      expect(JSON.parse(text(xssi).slice(XSSI_PREFIX.length))).toEqual(
        expect.objectContaining({ navscope: 'lab stand-in' }),
      );

      const wrongType = await google('/render/wrong-type.js', scheme);
      expect(wrongType.status).toBe(200);
      expect(wrongType.headers['content-type']).toMatch(/^text\/plain(;|$)/);
      expect(wrongType.headers['x-content-type-options']).toBe('nosniff');
      expect(text(wrongType)).toBe(RENDER_WRONG_TYPE_JS);
      expect(text(wrongType)).toMatch(/^\/\/ NavScope lab script wrong-type/);

      const realScript = await google('/render/real-script.js', scheme);
      expect(realScript.status).toBe(200);
      expect(realScript.headers['content-type']).toBe(JS_TYPE);
      expect(realScript.headers['x-content-type-options']).toBeUndefined();
      expect(text(realScript)).toBe(RENDER_REAL_SCRIPT_JS);
      expect(text(realScript)).toMatch(/^\/\/ NavScope lab script real-script/);

      const logo = await google('/static/logo.png', scheme);
      expect(logo.status).toBe(200);
      expect(logo.headers['content-type']).toBe('image/png');
      expect(logo.body.subarray(0, 8)).toEqual(PNG_SIGNATURE);

      // No CORS headers: the no-cors loads stay opaque.
      for (const reply of [data, xssi, wrongType, realScript, logo])
        expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    });

    it(`www.naver.com serves the same-origin JSON (${scheme})`, async () => {
      const reply = await naver('/render/same-origin.json', scheme);
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toBe('application/json');
      expect(text(reply)).toBe(RENDER_SAME_ORIGIN_JSON);
      expect(JSON.parse(text(reply))).toEqual(expect.objectContaining({ site: 'www.naver.com' }));
    });
  }

  it('the CORB resources exist only where the page loads them from', async () => {
    expect((await naver('/render/data.json')).status).toBe(404);
    expect((await google('/render/same-origin.json')).status).toBe(404);
    expect((await google('/render/scripts')).status).toBe(404);
  });
});

describe('Lab render: /render/display', () => {
  for (const scheme of ['http', 'https'] as const) {
    it(`has visible, display:none, visibility:hidden and hidden elements (${scheme})`, async () => {
      const reply = await naver('/render/display', scheme);
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toBe(HTML_TYPE);
      const html = text(reply);
      expect(html).toContain('NavScope lab stand-in');
      expect(tags(html, 'link')).toEqual(['<link rel="stylesheet" href="/render/css/display.css">']);
      expect(html.indexOf('/render/css/display.css')).toBeLessThan(html.indexOf('</head>'));
      expect(html).toMatch(
        /<div id="none-inline" style="display:none">\s*<p>[^<]+<code>[^<]+<\/code>[^<]*<\/p>\s*<span>[^<]+<\/span>\s*<\/div>/,
      );
      expect(html).toMatch(/<p id="none-class" class="hidden">/);
      expect(html).toMatch(/<p id="invisible" style="visibility:hidden">/);
      expect(html).toMatch(/<p id="none-attribute" hidden>/);
      expect(html).toMatch(
        /<div class="outer" id="outer">\s*<div class="middle" id="middle">\s*<div class="inner" id="inner">/,
      );
      for (const inline of ['<span>', '<em>', '<strong>', '<a href="/">', '<code>']) expect(html).toContain(inline);
      expect(tags(html, 'img')).toEqual(['<img src="/static/logo.png" alt="NAVER" width="120" height="40">']);
      expect(tags(html, 'script')).toEqual([]);
    });
  }

  it('/render/css/display.css hides .hidden and gives the boxes margins and padding', async () => {
    const reply = await naver('/render/css/display.css');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe(CSS_TYPE);
    expect(reply.headers['content-length']).toBe(String(reply.body.length));
    const css = text(reply);
    expect(css).toBe(RENDER_DISPLAY_CSS);
    expect(css).toMatch(/\.hidden \{ display: none; \}/);
    for (const box of ['outer', 'middle', 'inner'])
      expect(css).toMatch(new RegExp(`\\.${box} \\{[^}]*margin:[^}]*padding:`));
    // The exact route wins over the generic /render/css/ route, which would delay nothing and say something else.
    expect(css).not.toBe(renderStylesheetBody('display'));
  });
});

describe('Lab render: /render/slow-css', () => {
  for (const scheme of ['http', 'https'] as const) {
    it(`links a slow stylesheet and naver.css in its head (${scheme})`, async () => {
      const reply = await naver('/render/slow-css', scheme);
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toBe(HTML_TYPE);
      const html = text(reply);
      expect(html).toContain('NavScope lab stand-in');
      expect(tags(html, 'link')).toEqual([
        '<link rel="stylesheet" href="/render/css/slow.css?delay=400">',
        '<link rel="stylesheet" href="/static/naver.css">',
      ]);
      expect(html.lastIndexOf('<link ')).toBeLessThan(html.indexOf('</head>'));
      expect(html).toContain('class="styled-by-slow"');
      expect(tags(html, 'img')).toEqual(['<img src="/static/logo.png" alt="NAVER" width="120" height="40">']);
    });
  }
});

describe('Lab render: the home page is unchanged', () => {
  it('keeps its subresources, and naver.css styles what it uses', async () => {
    const html = text(await naver('/'));
    expect(tags(html, 'link')).toEqual(['<link rel="stylesheet" href="/static/naver.css">']);
    expect(tags(html, 'script')).toEqual([
      '<script src="/static/search.js">',
      '<script src="/static/analytics.js" async>',
    ]);
    expect(tags(html, 'img')).toEqual(['<img src="/static/logo.png" alt="NAVER" width="120" height="40">']);
    const css = text(await naver('/static/naver.css'));
    for (const selector of [
      'body {',
      '.lab-notice {',
      'header.top {',
      'nav.services {',
      'main {',
      'section {',
      'footer {',
    ]) {
      expect(css).toContain(selector);
    }
    for (const className of ['lab-notice', 'top', 'services', 'search']) expect(html).toContain(`class="${className}"`);
  });
});

describe('Lab render: scenarios', () => {
  it('one scenario per render page', () => {
    const render = LAB_SCENARIOS.filter((s) => s.id.startsWith('render-'));
    expect(render.map((s) => [s.id, s.input])).toEqual([
      ['render-scripts', 'http://www.naver.com/render/scripts'],
      ['render-corb', 'http://www.naver.com/render/corb'],
      ['render-display', 'http://www.naver.com/render/display'],
      ['render-slow-css', 'http://www.naver.com/render/slow-css'],
    ]);
    for (const scenario of render) expect(naverRoute(new URL(scenario.input).pathname), scenario.id).toBeDefined();
  });
});
