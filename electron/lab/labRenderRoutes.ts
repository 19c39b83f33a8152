import { CONTENT_TYPES, escapeHtml, html, labNotice, labPage, notFoundPage } from './labPages.js';
import type { LabRequest, LabResource, LabRoute } from './labPages.js';

/**
 * Pages for the renderer: script timing (`/render/scripts`), Cross-Origin Read
 * Blocking (`/render/corb`, with its cross-origin resources on www.google.com),
 * the render tree and layout (`/render/display`) and a render-blocking
 * stylesheet (`/render/slow-css`), on www.naver.com (HTTP and HTTPS). NavScope
 * only fetches the scripts, it never runs them: each is a harmless comment
 * that names it. Plain data plus two generic routes, like labSites.ts.
 */

const SITE = 'www.naver.com';

/** The JavaScript MIME type the HTML standard recommends (module scripts need a JavaScript type). */
export const RENDER_JS_TYPE = 'text/javascript; charset=utf-8';
export const RENDER_JSON_TYPE = 'application/json';
/** Longest `?delay=N` honoured by `/render/js/` and `/render/css/` (larger values are capped). */
export const RENDER_MAX_DELAY_MS = 2000;

/** Every body of `/render/js/<name>.js`. */
export const renderScriptBody = (name: string): string => `// NavScope lab script ${name}\n`;

/** Every body of `/render/css/<name>.css` (`/render/css/display.css` has its own). */
export const renderStylesheetBody = (name: string): string => `/* NavScope lab stylesheet ${name} */
.styled-by-${name} {
  border-left: 4px solid #03c75a;
  padding: 8px 12px;
  background: #f0fbf4;
}
`;

const NAME = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The `delay` query parameter in milliseconds: a whole number, capped at
 * RENDER_MAX_DELAY_MS. Absent or not a whole number: no delay.
 */
export function renderDelayMs(url: URL): number {
  const value = url.searchParams.get('delay');
  if (value === null || !/^\d{1,9}$/.test(value)) return 0;
  return Math.min(Number(value), RENDER_MAX_DELAY_MS);
}

/** `<prefix><name><extension>` → name, or undefined when the rest of the path is not a plain name. */
function nameIn(request: LabRequest, prefix: string, extension: string): string | undefined {
  const rest = request.url.pathname.slice(prefix.length);
  if (!rest.endsWith(extension)) return undefined;
  const name = rest.slice(0, -extension.length);
  return NAME.test(name) ? name : undefined;
}

function afterDelay(resource: LabResource, delayMs: number): LabResource {
  return delayMs > 0 ? { ...resource, delivery: { kind: 'delayed', delayMs } } : resource;
}

/** `/render/js/<name>.js?delay=N`: a harmless script naming itself, sent after N ms. */
function renderScript(request: LabRequest): LabResource {
  const name = nameIn(request, '/render/js/', '.js');
  if (name === undefined) return notFoundPage(request.url.hostname, request.url.pathname);
  return afterDelay({ contentType: RENDER_JS_TYPE, body: renderScriptBody(name) }, renderDelayMs(request.url));
}

/** `/render/css/<name>.css?delay=N`: a small stylesheet, sent after N ms. */
function renderStylesheet(request: LabRequest): LabResource {
  const name = nameIn(request, '/render/css/', '.css');
  if (name === undefined) return notFoundPage(request.url.hostname, request.url.pathname);
  return afterDelay({ contentType: CONTENT_TYPES.css, body: renderStylesheetBody(name) }, renderDelayMs(request.url));
}

/** A whole document, for pages whose head and body order matters. */
const renderDocument = (title: string, head: string, body: string): string => `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — NavScope lab</title>
${head}
</head>
<body>
${labNotice(SITE)}
${body}
</body>
</html>
`;

// --- script timing ---------------------------------------------------------------

/** The inline script of `/render/scripts` (classic, never run by NavScope). */
export const RENDER_INLINE_SCRIPT = '// NavScope lab inline script (never run: NavScope only fetches scripts)';

const scriptsPage = renderDocument(
  'Script timing',
  '<script src="/render/js/blocking.js?delay=300"></script>',
  `<main>
<h1>Script timing</h1>
<p>This page is a NavScope lab stand-in served from this machine. Its scripts are one-line comments: NavScope fetches them but never runs them.</p>
<p>The classic script in the head, <code>/render/js/blocking.js</code>, arrives after 300 ms. It is parser-blocking: the HTML parser stops until it has been fetched and run, so none of this text is parsed before then.</p>
<script async src="/render/js/async-fast.js?delay=20"></script>
<script async src="/render/js/async-slow.js?delay=500"></script>
<script defer src="/render/js/defer-1.js?delay=400"></script>
<script defer src="/render/js/defer-2.js?delay=10"></script>
<script type="module" src="/render/js/module.js?delay=50"></script>
<p>The five scripts above do not block the parser. The two <code>async</code> ones run as soon as each arrives, possibly before parsing ends:
<code>async-fast.js</code> (20 ms) before <code>async-slow.js</code> (500 ms).
The two <code>defer</code> scripts and the module script (module scripts are deferred by default) wait until parsing has finished,
then run in document order: <code>defer-1.js</code>, <code>defer-2.js</code>, <code>module.js</code>, even though <code>defer-2.js</code> (10 ms) arrives before <code>defer-1.js</code> (400 ms).
Only then does the document fire <code>DOMContentLoaded</code>.</p>
<ol class="expected-order">
  <li>blocking.js (pauses the parser)</li>
  <li>the inline script at the end of the body, as soon as the parser reaches it</li>
  <li>async-fast.js, then async-slow.js, whenever each arrives (before or after the inline script, before or after parsing ends, even after DOMContentLoaded)</li>
  <li>after parsing: defer-1.js, defer-2.js, module.js</li>
  <li>DOMContentLoaded</li>
</ol>
</main>
<script>
${RENDER_INLINE_SCRIPT}
</script>`,
);

// --- Cross-Origin Read Blocking --------------------------------------------------

/** `https://www.google.com/render/data.json`: JSON that CORB's sniffer confirms (an object whose first key is a string). */
export const RENDER_DATA_JSON = `{"navscope": "lab stand-in", "site": "www.google.com", "note": "JSON served as application/json: blocked when read cross-origin as a no-cors subresource"}\n`;
/** The parser breaker that starts `/render/xssi.js`. */
export const XSSI_PREFIX = ")]}'";
/** `https://www.google.com/render/xssi.js`: a JSON reply behind the parser breaker, as text/plain. */
export const RENDER_XSSI_BODY = `${XSSI_PREFIX}\n{"navscope": "lab stand-in", "site": "www.google.com", "note": "a parser breaker protects this JSON from being run as a script"}\n`;
/** `https://www.google.com/render/wrong-type.js`: real JavaScript, mislabeled text/plain with nosniff. */
export const RENDER_WRONG_TYPE_JS =
  '// NavScope lab script wrong-type (JavaScript sent as text/plain with X-Content-Type-Options: nosniff)\n';
/** `https://www.google.com/render/real-script.js`: JavaScript labeled as such. */
export const RENDER_REAL_SCRIPT_JS =
  '// NavScope lab script real-script (cross-origin JavaScript as text/javascript)\n';
/** `/render/same-origin.json` on www.naver.com. */
export const RENDER_SAME_ORIGIN_JSON = `{"navscope": "lab stand-in", "site": "www.naver.com", "note": "same-origin JSON: CORB only applies to cross-origin responses"}\n`;

const corbPage = labPage({
  site: SITE,
  title: 'Cross-Origin Read Blocking',
  content: `<h1>Cross-Origin Read Blocking (CORB)</h1>
<p>This page is a NavScope lab stand-in served from this machine. It loads resources from <code>www.google.com</code>, another site, as no-cors subresources (images and classic scripts without <code>crossorigin</code>).
A page may embed such resources but not read them; CORB keeps the bytes of the ones that look like data (HTML, XML, JSON) out of the renderer process.
Chrome has since replaced CORB with ORB (Opaque Response Blocking), which blocks the same cases here.</p>
<p>In document order:</p>
<ol>
  <li>Blocked: <img src="https://www.google.com/render/data.json" alt="JSON as an image" width="16" height="16">
    <code>/render/data.json</code>, JSON as <code>application/json</code> (the sniffer confirms it is JSON).</li>
  <li>Blocked: <img src="https://www.google.com/render/xssi.js" alt="parser breaker as an image" width="16" height="16">
    <code>/render/xssi.js</code>, <code>text/plain</code> that starts with the parser breaker <code>${escapeHtml(XSSI_PREFIX)}</code>, a sure sign of data.</li>
  <li>Blocked: <script src="https://www.google.com/render/wrong-type.js"></script>
    <code>/render/wrong-type.js</code>, JavaScript sent as <code>text/plain</code> with <code>X-Content-Type-Options: nosniff</code>: with nosniff, text/plain is a protected type and is not sniffed.</li>
  <li>Allowed: <img src="https://www.google.com/static/logo.png" alt="Google" width="272" height="92">
    <code>/static/logo.png</code>, a real image.</li>
  <li>Allowed: <script src="https://www.google.com/render/real-script.js"></script>
    <code>/render/real-script.js</code>, JavaScript as <code>text/javascript</code>.</li>
  <li>Allowed: <img src="/render/same-origin.json" alt="same-origin JSON as an image" width="16" height="16">
    <code>/render/same-origin.json</code>, JSON from www.naver.com itself: CORB only applies cross-origin.</li>
</ol>`,
});

// --- render tree and layout ------------------------------------------------------

/** `/render/css/display.css`: the stylesheet of `/render/display`. */
export const RENDER_DISPLAY_CSS = `/* NavScope lab stylesheet display (for /render/display) */
body { margin: 8px; font: 16px/24px sans-serif; color: #222; }
.lab-notice { margin: 0 0 16px; padding: 6px 12px; background: #fff4c2; font-size: 13px; }
.hidden { display: none; }
.outer { width: 600px; margin: 16px 0; padding: 12px; border: 2px solid #03c75a; }
.middle { margin: 10px 20px; padding: 8px; border: 1px solid #999; }
.inner { margin: 4px; padding: 16px 24px; background: #eef; }
`;

const displayPage = labPage({
  site: SITE,
  title: 'Render tree and layout',
  head: '<link rel="stylesheet" href="/render/css/display.css">\n',
  content: `<h1>Render tree and layout</h1>
<p>This page is a NavScope lab stand-in served from this machine, for render tree and layout checks. Boxes with <code>display: none</code> are left out of the render tree;
a <code>visibility: hidden</code> box stays in it and takes up space, but is not painted.</p>
<div id="none-inline" style="display:none">
  <p>Hidden by an inline <code>display:none</code>, with all of its children.</p>
  <span>A hidden child span.</span>
</div>
<p id="none-class" class="hidden">Hidden by the page's stylesheet: <code>.hidden { display: none }</code>.</p>
<p id="invisible" style="visibility:hidden">Invisible (<code>visibility: hidden</code>), yet it still takes up its space.</p>
<p id="none-attribute" hidden>Hidden by the <code>hidden</code> attribute (the user-agent stylesheet's <code>[hidden] { display: none }</code>).</p>
<div class="outer" id="outer">
  <div class="middle" id="middle">
    <div class="inner" id="inner">
      <p>Nested blocks with margins and padding, and some inline elements:
      <span>a span</span>, <em>emphasis</em>, <strong>strong text</strong>, <a href="/">a link</a> and <code>code</code>.</p>
    </div>
  </div>
</div>
<p><img src="/static/logo.png" alt="NAVER" width="120" height="40"> An image with width and height attributes, laid out inline.</p>`,
});

// --- render-blocking stylesheet --------------------------------------------------

const slowCssPage = labPage({
  site: SITE,
  title: 'Render-blocking stylesheet',
  head: '<link rel="stylesheet" href="/render/css/slow.css?delay=400">\n<link rel="stylesheet" href="/static/naver.css">\n',
  content: `<section class="styled-by-slow">
<h1>Render-blocking stylesheet</h1>
<p>This page is a NavScope lab stand-in served from this machine. Its head links <code>/render/css/slow.css?delay=400</code>, which the lab sends after 400 ms, and <code>/static/naver.css</code>.</p>
<p>Stylesheets in the head are render-blocking: the parser keeps going, but nothing is painted until both have arrived, so the page appears styled at once instead of flashing unstyled content.</p>
<img src="/static/logo.png" alt="NAVER" width="120" height="40">
</section>`,
});

// --- a same-origin nosniff script with the wrong type -------------------------------

/** `/render/plain-nosniff.js`: JavaScript served as text/plain with nosniff, from the page's own origin. */
export const RENDER_PLAIN_NOSNIFF_JS =
  '// NavScope lab script plain-nosniff (text/plain + nosniff: the renderer refuses to run it)\n';

const nosniffScriptPage = labPage({
  site: SITE,
  title: 'nosniff script with the wrong type',
  head: '',
  content: `<h1>nosniff script with the wrong type</h1>
<p>This page is a NavScope lab stand-in served from this machine. It loads <code>/render/plain-nosniff.js</code> from its own origin, so ORB does not apply.
The response says <code>Content-Type: text/plain</code> and <code>X-Content-Type-Options: nosniff</code>: the renderer refuses to run a script whose type is not a JavaScript MIME type when sniffing is forbidden.</p>
<script src="/render/plain-nosniff.js"></script>
<p>The parser waited for the script, then went on without running it.</p>`,
});

// --- the route tables ----------------------------------------------------------------

export const naverRenderRoutes: Record<string, LabRoute> = {
  '/render/scripts': html(scriptsPage),
  '/render/corb': html(corbPage),
  '/render/same-origin.json': { contentType: RENDER_JSON_TYPE, body: RENDER_SAME_ORIGIN_JSON },
  '/render/display': html(displayPage),
  '/render/css/display.css': { contentType: CONTENT_TYPES.css, body: RENDER_DISPLAY_CSS },
  '/render/slow-css': html(slowCssPage),
  '/render/nosniff-script': html(nosniffScriptPage),
  '/render/plain-nosniff.js': {
    contentType: CONTENT_TYPES.text,
    body: RENDER_PLAIN_NOSNIFF_JS,
    headers: { 'X-Content-Type-Options': 'nosniff' },
  },
};

/** Generic routes by prefix (exact routes such as `/render/css/display.css` come first). */
export const naverRenderPrefixRoutes: Record<string, LabRoute> = {
  '/render/js/': renderScript,
  '/render/css/': renderStylesheet,
};

/** The cross-origin resources of `/render/corb`, on www.google.com. */
export const googleRenderRoutes: Record<string, LabRoute> = {
  '/render/data.json': { contentType: RENDER_JSON_TYPE, body: RENDER_DATA_JSON },
  '/render/xssi.js': { contentType: CONTENT_TYPES.text, body: RENDER_XSSI_BODY },
  '/render/wrong-type.js': {
    contentType: CONTENT_TYPES.text,
    body: RENDER_WRONG_TYPE_JS,
    headers: { 'X-Content-Type-Options': 'nosniff' },
  },
  '/render/real-script.js': { contentType: RENDER_JS_TYPE, body: RENDER_REAL_SCRIPT_JS },
};
