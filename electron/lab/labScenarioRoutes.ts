import { createHash, randomBytes } from 'node:crypto';
import { LAB_HTTP_FAULTS } from './labHttpFaults.js';
import { solidPng } from './labPng.js';
import { CONTENT_TYPES, escapeHtml, html, labPage, notFoundPage, redirect } from './labPages.js';
import type { LabRequest, LabResource, LabRoute } from './labPages.js';

/**
 * The scenario pages of www.naver.com (HTTP and HTTPS): redirects, HSTS,
 * cookies, caching, content codings, chunked and slow responses, status codes.
 * Plain data plus a few functions of the request, like labSites.ts.
 */

const SITE = 'www.naver.com';

/** HSTS sent on every HTTPS response of www.naver.com (never over HTTP). */
export const NAVER_HTTPS_STS = 'max-age=31536000';
/** HSTS sent by https://www.naver.com/hsts. */
export const NAVER_HSTS_PAGE_STS = 'max-age=31536000; includeSubDomains';

/** `/slow-head` sends nothing for this long (the client's response timeout should fire first). */
export const SLOW_HEAD_DELAY_MS = 60_000;
/** `/slow-body` sends one byte of its body this often. */
export const SLOW_BODY_INTERVAL_MS = 1_000;
/** `/chunked` sends one chunk this often. */
export const CHUNK_INTERVAL_MS = 150;
/** Longest `/redirect-chain/N` served (more than any browser follows). */
export const MAX_REDIRECT_CHAIN = 100;

/** The fixed Last-Modified date of `/cached/last-modified.png`. */
export const CACHED_LAST_MODIFIED = 'Mon, 01 Jan 2024 00:00:00 GMT';

const page = (title: string, content: string, head?: string): string =>
  labPage({ site: SITE, title, content, ...(head ? { head } : {}) });

// --- redirects ---------------------------------------------------------------

function redirectChain(request: LabRequest): LabResource {
  const rest = request.url.pathname.slice('/redirect-chain/'.length);
  if (!/^\d{1,3}$/.test(rest) || Number(rest) > MAX_REDIRECT_CHAIN)
    return notFoundPage(request.url.hostname, request.url.pathname);
  const n = Number(rest);
  if (n > 0) return redirect(302, `/redirect-chain/${n - 1}`);
  return html(
    page(
      'End of the redirect chain',
      `<h1>End of the redirect chain</h1>
<p>Each <code>/redirect-chain/N</code> answered 302 Found with <code>Location: /redirect-chain/N-1</code>; this is <code>/redirect-chain/0</code>, the page at the end.</p>
<p><a href="/">Home</a></p>`,
    ),
  );
}

// --- HSTS ----------------------------------------------------------------------

function hstsPage(request: LabRequest): LabResource {
  if (request.scheme === 'https') {
    return html(
      page(
        'HSTS learned',
        `<h1>Strict-Transport-Security</h1>
<p>This HTTPS response carries <code>Strict-Transport-Security: ${escapeHtml(NAVER_HSTS_PAGE_STS)}</code>.
From now on the browser rewrites every <code>http://www.naver.com/</code> URL (and its subdomains) to <code>https://</code> before sending anything, for one year.</p>
<p>Every other HTTPS response of this lab site carries <code>Strict-Transport-Security: ${escapeHtml(NAVER_HTTPS_STS)}</code>.</p>
<p>Try <a href="http://www.naver.com/">http://www.naver.com/</a> next: it should never reach the network over plain HTTP.</p>`,
      ),
      {
        headers: { 'Strict-Transport-Security': NAVER_HSTS_PAGE_STS },
      },
    );
  }
  return html(
    page(
      'HSTS needs HTTPS',
      `<h1>Strict-Transport-Security over HTTP</h1>
<p>A browser ignores <code>Strict-Transport-Security</code> received over plain HTTP (an attacker could forge it), so this HTTP response does not send it.</p>
<p>Open <a href="https://www.naver.com/hsts">https://www.naver.com/hsts</a> to learn the policy.</p>`,
    ),
  );
}

// --- cookies -------------------------------------------------------------------

function cookieSet(): LabResource {
  const session = randomBytes(12).toString('hex');
  return html(
    page(
      'Cookies set',
      `<h1>Cookies set</h1>
<p>This response carries two <code>Set-Cookie</code> headers:</p>
<ul>
  <li><code>lab_session=${session}; Path=/; HttpOnly; SameSite=Lax</code> — a session cookie (no expiry), hidden from scripts.</li>
  <li><code>lab_theme=dark; Path=/; Max-Age=3600</code> — a persistent cookie for one hour.</li>
</ul>
<p>Now open <a href="/cookie/show">/cookie/show</a>: the browser sends both back in a <code>Cookie</code> header.</p>`,
    ),
    {
      headers: {
        'Set-Cookie': [
          `lab_session=${session}; Path=/; HttpOnly; SameSite=Lax`,
          'lab_theme=dark; Path=/; Max-Age=3600',
        ],
      },
    },
  );
}

/** The `Cookie` header as name/value pairs, in order. */
function cookiesOf(request: LabRequest): [string, string][] {
  const header = request.headers['cookie'] ?? '';
  const pairs: [string, string][] = [];
  for (const part of header.split(';')) {
    const item = part.trim();
    if (item === '') continue;
    const eq = item.indexOf('=');
    pairs.push(eq === -1 ? ['', item] : [item.slice(0, eq).trim(), item.slice(eq + 1).trim()]);
  }
  return pairs;
}

function cookieShow(request: LabRequest): LabResource {
  const cookies = cookiesOf(request);
  const list =
    cookies.length === 0
      ? '<p>The request carried no <code>Cookie</code> header. Visit <a href="/cookie/set">/cookie/set</a> first.</p>'
      : `<p>The request carried ${cookies.length} cookie${cookies.length === 1 ? '' : 's'}:</p>
<ul>
${cookies.map(([name, value]) => `  <li><code>${escapeHtml(name)}</code> = <code>${escapeHtml(value)}</code></li>`).join('\n')}
</ul>`;
  return html(
    page(
      'Cookies received',
      `<h1>Cookies received</h1>
${list}
<p>The server only sees names and values: attributes such as <code>HttpOnly</code> or <code>Max-Age</code> stay in the browser's cookie jar.</p>`,
    ),
  );
}

function cookieEcho(request: LabRequest): LabResource {
  const cookies = cookiesOf(request);
  const lines = cookies.map(([name, value]) => `${name}=${value}`);
  return { contentType: CONTENT_TYPES.text, body: lines.length === 0 ? '(no cookies)\n' : `${lines.join('\n')}\n` };
}

// --- caching -------------------------------------------------------------------

const etagCss = `/* NavScope lab: revalidated on every use (Cache-Control: no-cache + ETag). */
.cached-demo { border: 2px solid #03c75a; padding: 12px; }
`;
const maxAgeJs = `// NavScope lab: fresh for an hour (Cache-Control: max-age=3600); a second visit uses the cache without asking.
window.navscopeLabCached = true;
`;
const lastModifiedPng = solidPng(48, 48, [3, 199, 90]);

function etagOf(body: string | Buffer): string {
  return `"v1-${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
}

const cachedPage = page(
  'Caching demo',
  `<h1>Caching demo</h1>
<div class="cached-demo">
  <p>Load this page twice. On the second visit:</p>
  <ul>
    <li><code>/cached/etag.css</code> (<code>no-cache</code> + <code>ETag</code>) is revalidated with <code>If-None-Match</code> and answered <strong>304 Not Modified</strong>;</li>
    <li><code>/cached/max-age.js</code> (<code>max-age=3600</code>) is still fresh and comes from the cache without a request;</li>
    <li><code>/cached/last-modified.png</code> (<code>no-cache</code> + <code>Last-Modified</code>) is revalidated with <code>If-Modified-Since</code> and answered <strong>304</strong>.</li>
  </ul>
  <img src="/cached/last-modified.png" alt="cached image" width="48" height="48">
</div>`,
  '<link rel="stylesheet" href="/cached/etag.css">\n<script src="/cached/max-age.js"></script>\n',
);

// --- content codings and framing ---------------------------------------------

const encodedPage = (coding: string): string =>
  page(
    `Content-Encoding: ${coding}`,
    `<h1>Content-Encoding: ${coding}</h1>
<p>This HTML was compressed with ${coding === 'gzip' ? 'gzip' : 'Brotli'} by the lab server and sent with <code>Content-Encoding: ${coding}</code> and <code>Vary: Accept-Encoding</code>.
The network stack decodes it before the renderer sees it; the byte counts on the wire and after decoding differ.</p>
${'<p>Repetitive text compresses well. 반복되는 문장은 잘 압축됩니다. </p>\n'.repeat(12)}`,
  );

const chunkedPage = page(
  'Transfer-Encoding: chunked',
  `<h1>Transfer-Encoding: chunked</h1>
<p>This response has no Content-Length: the body arrives in several chunks, each preceded by its size in hexadecimal, and ends with a zero-size chunk.</p>
${Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i + 1} of the chunked page.</p>`).join('\n')}
<p>The end.</p>`,
);

const SLOW_BODY_TEXT = 'NavScope lab: this body arrives one byte per second.'.padEnd(59, '.') + '\n';

const slowHeadPage = page(
  'Slow server',
  `<h1>Finally</h1>
<p>The lab server waited ${SLOW_HEAD_DELAY_MS / 1000} seconds before sending even the status line.</p>`,
);

// --- status codes --------------------------------------------------------------

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  404: 'Not Found',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

function statusPage(request: LabRequest): LabResource {
  const code = Number(request.url.pathname.slice('/status/'.length));
  switch (request.url.pathname) {
    case '/status/204':
    case '/status/205':
      return { status: code, contentType: CONTENT_TYPES.text, body: '' };
    case '/status/301':
      return redirect(301, '/');
    case '/status/200':
    case '/status/404':
    case '/status/500':
    case '/status/503': {
      const text = `${code} ${STATUS_TEXT[code] ?? ''}`;
      return html(
        page(
          text,
          `<h1>${text}</h1>
<p>The NavScope lab answered <code>${text}</code> on purpose (this is <code>/status/${code}</code>).</p>`,
        ),
        {
          status: code,
          ...(code === 503 ? { headers: { 'Retry-After': '120' } } : {}),
        },
      );
    }
    default:
      return notFoundPage(request.url.hostname, request.url.pathname);
  }
}

// --- the route tables ----------------------------------------------------------

export const naverScenarioRoutes: Record<string, LabRoute> = {
  '/go/google': redirect(302, 'http://www.google.com/'),
  '/loop': redirect(302, '/loop2'),
  '/loop2': redirect(302, '/loop'),
  '/hsts': hstsPage,
  '/cookie/set': cookieSet,
  '/cookie/show': cookieShow,
  '/cookie/echo': cookieEcho,
  '/cached/page': html(cachedPage),
  '/cached/etag.css': {
    contentType: CONTENT_TYPES.css,
    body: etagCss,
    headers: { 'Cache-Control': 'no-cache', ETag: etagOf(etagCss) },
  },
  '/cached/max-age.js': { contentType: CONTENT_TYPES.js, body: maxAgeJs, headers: { 'Cache-Control': 'max-age=3600' } },
  '/cached/last-modified.png': {
    contentType: CONTENT_TYPES.png,
    body: lastModifiedPng,
    headers: { 'Cache-Control': 'no-cache', 'Last-Modified': CACHED_LAST_MODIFIED },
  },
  '/gzip': html(encodedPage('gzip'), { contentEncoding: 'gzip' }),
  '/br': html(encodedPage('br'), { contentEncoding: 'br' }),
  '/chunked': html(chunkedPage, { delivery: { kind: 'chunked', chunks: 4, intervalMs: CHUNK_INTERVAL_MS } }),
  '/slow-head': html(slowHeadPage, { delivery: { kind: 'delayed', delayMs: SLOW_HEAD_DELAY_MS } }),
  '/slow-body': {
    contentType: CONTENT_TYPES.text,
    body: SLOW_BODY_TEXT,
    delivery: { kind: 'trickle', intervalMs: SLOW_BODY_INTERVAL_MS },
  },
  // Broken or hostile responses (raw bytes, see labHttpFaults.ts): /fault/garbage-status, /fault/reset-mid-body, …
  ...Object.fromEntries(
    LAB_HTTP_FAULTS.map((fault): [string, LabRoute] => [
      `/fault/${fault}`,
      { contentType: null, body: '', delivery: { kind: 'fault', fault } },
    ]),
  ),
};

/** Routes by path prefix (longest prefix wins; exact routes first). */
export const naverScenarioPrefixRoutes: Record<string, LabRoute> = {
  '/redirect-chain/': redirectChain,
  '/status/': statusPage,
};
