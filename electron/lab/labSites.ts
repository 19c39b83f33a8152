import { naverContentRoutes } from './labContentRoutes.js';
import { googleFrameRoutes, naverFrameRoutes } from './labFrameRoutes.js';
import { solidPng } from './labPng.js';
import { CONTENT_TYPES, escapeHtml, html, labNotice, labPage } from './labPages.js';
import type { LabRequest, LabResource, LabRoute } from './labPages.js';
import { googleRenderRoutes, naverRenderPrefixRoutes, naverRenderRoutes } from './labRenderRoutes.js';
import { NAVER_HTTPS_STS, naverScenarioPrefixRoutes, naverScenarioRoutes } from './labScenarioRoutes.js';
import { LAB_ORDINARY_SITES } from './labZones.js';

/**
 * The lab's web content: stand-ins for real sites, served from this machine
 * over HTTP and HTTPS. Plain data (plus a few functions for dynamic pages), so
 * more sites can be added by editing this file only.
 */

/**
 * The certificate the HTTPS server presents for a site's hosts. `valid` (the
 * default): issued by the lab CA for the host. The others are the
 * certificate-error scenarios: `expired` (notAfter in the past), `wrong-host`
 * (a lab-CA certificate whose only name is `presentedName`), `untrusted-root`
 * (issued by a throwaway CA that nothing trusts, sent with that CA's certificate).
 */
export type LabSiteCertificate =
  { kind: 'valid' } | { kind: 'expired' } | { kind: 'wrong-host'; presentedName: string } | { kind: 'untrusted-root' };

export interface LabSite {
  /** Host names this site answers for (the first is its canonical name). */
  hosts: string[];
  /** Routes by exact path (the query string is not part of the key). */
  routes: Record<string, LabRoute>;
  /** Routes by path prefix, tried after the exact routes (longest prefix first). */
  prefixRoutes?: Record<string, LabRoute>;
  /** Headers added to every HTTPS response for these hosts (e.g. Strict-Transport-Security); never sent over HTTP. */
  httpsHeaders?: Record<string, string>;
  /** What the HTTPS server presents for these hosts; a valid lab-CA certificate when omitted. */
  certificate?: LabSiteCertificate;
  /** `handshake-abort`: the HTTPS server drops the connection in the middle of the TLS handshake (after the ClientHello). */
  tlsFault?: 'handshake-abort';
}

export interface LabHostRedirect {
  /** Host names that only redirect. */
  hosts: string[];
  status: 301 | 302 | 307 | 308;
  /** Host to redirect to, on the request's own scheme; the request's path and query are kept. */
  targetHost: string;
}

const naverLogo = solidPng(120, 40, [3, 199, 90]);
const googleLogo = solidPng(272, 92, [66, 133, 244]);
/** Served for held requests whose path ends in `.png`. */
export const labHeldPng = solidPng(64, 64, [160, 160, 160]);

// --- www.naver.com -----------------------------------------------------------

const naverHead = (title: string, scripts: string): string => `<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="/static/naver.css">
${scripts}
</head>`;

const naverHeader = `<header class="top">
  <a href="/" class="logo"><img src="/static/logo.png" alt="NAVER" width="120" height="40"></a>
  <form class="search" action="/search" method="get" role="search">
    <input type="search" name="query" placeholder="검색어를 입력해 주세요." aria-label="검색">
    <button type="submit">검색</button>
  </form>
</header>`;

const naverNav = `<nav class="services">
  <a href="/news">뉴스</a>
  <a href="/mail">메일</a>
  <a href="/cafe">카페</a>
  <a href="/blog">블로그</a>
  <a href="/shopping">쇼핑</a>
  <a href="/map">지도</a>
</nav>`;

const naverHome = `${naverHead(
  'NAVER — NavScope lab',
  '<script src="/static/search.js"></script>\n<script src="/static/analytics.js" async></script>',
)}
<body>
${labNotice('www.naver.com')}
${naverHeader}
${naverNav}
<main>
  <section class="news">
    <h2>뉴스</h2>
    <ul>
      <li><a href="/news">오늘의 주요 뉴스 (연구실 샘플 기사)</a></li>
      <li><a href="/news">날씨: 맑음, 최고 24도 (가상 데이터)</a></li>
      <li><a href="/news">경제: 샘플 지수 1.2% 상승</a></li>
    </ul>
  </section>
  <section class="mail">
    <h2>메일</h2>
    <p>로그인하고 메일을 확인하세요. (이 실험실 페이지에는 로그인 기능이 없습니다.)</p>
  </section>
  <section class="shortcuts">
    <h2>바로가기</h2>
    <p>카페 · 블로그 · 쇼핑 · 지도 · 웹툰</p>
  </section>
</main>
<footer>NavScope lab · 이 페이지는 실제 네이버가 아닙니다 (not the real NAVER).</footer>
</body>
</html>
`;

const naverNews = `${naverHead('뉴스 : NAVER — NavScope lab', '<script src="/static/search.js"></script>')}
<body>
${labNotice('www.naver.com')}
${naverHeader}
${naverNav}
<main>
  <section class="news">
    <h1>뉴스</h1>
    <article>
      <h2>NavScope 실험실 기사</h2>
      <p>이 기사는 내비게이션을 관찰하기 위한 샘플입니다. 실제 뉴스가 아닙니다.</p>
    </article>
    <p><a href="/">홈으로</a></p>
  </section>
</main>
<footer>NavScope lab · 이 페이지는 실제 네이버가 아닙니다 (not the real NAVER).</footer>
</body>
</html>
`;

const naverSlow = `${naverHead('느린 페이지 : NAVER — NavScope lab', '')}
<body>
${labNotice('www.naver.com')}
<main>
  <h1>느린 이미지</h1>
  <p>The image below is held by the lab until it is released, so the page load pauses.</p>
  <img src="/hold/slow.png" alt="held image" width="64" height="64">
  <p><a href="/">홈으로</a></p>
</main>
</body>
</html>
`;

const naverCss = `/* NavScope lab stand-in stylesheet for www.naver.com */
:root {
  --naver-green: #03c75a;
  --text: #222;
  --muted: #767676;
  --line: #e3e5e8;
}
* { box-sizing: border-box; }
body {
  margin: 0;
  font-family: -apple-system, "Apple SD Gothic Neo", "Malgun Gothic", sans-serif;
  color: var(--text);
  background: #f5f6f7;
}
.lab-notice {
  margin: 0;
  padding: 6px 12px;
  background: #fff4c2;
  border-bottom: 1px solid #e6d27a;
  font-size: 13px;
}
header.top {
  display: flex;
  align-items: center;
  gap: 24px;
  padding: 24px 32px;
  background: #fff;
}
.search { display: flex; flex: 1; max-width: 560px; border: 2px solid var(--naver-green); }
.search input { flex: 1; border: 0; padding: 12px; font-size: 18px; }
.search button { border: 0; background: var(--naver-green); color: #fff; padding: 0 20px; font-size: 16px; }
nav.services { display: flex; gap: 16px; padding: 12px 32px; background: #fff; border-top: 1px solid var(--line); }
nav.services a { color: var(--text); text-decoration: none; font-weight: 600; }
main { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: 16px; padding: 16px 32px; }
section { background: #fff; border: 1px solid var(--line); padding: 16px; }
section h2 { margin-top: 0; font-size: 16px; }
footer { padding: 16px 32px; color: var(--muted); font-size: 12px; }
`;

const naverSearchJs = `// NavScope lab stand-in for www.naver.com: search box helpers (never executed by NavScope).
(function () {
  'use strict';
  var form = document.querySelector('form.search');
  if (!form) return;
  form.addEventListener('submit', function (event) {
    var input = form.querySelector('input');
    if (input && input.value.trim() === '') event.preventDefault();
  });
})();
`;

const naverAnalyticsJs = `// NavScope lab stand-in analytics: it records nothing and sends nothing.
(function () {
  'use strict';
  window.navscopeLabAnalytics = { loadedAt: Date.now() };
})();
`;

// --- www.google.com ----------------------------------------------------------

const googleHead = (title: string): string => `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="/static/google.css">
<script src="/static/gsearch.js" defer></script>
</head>`;

const googleHome = `${googleHead('Google — NavScope lab')}
<body>
${labNotice('www.google.com')}
<main class="home">
  <img src="/static/logo.png" alt="Google" width="272" height="92">
  <form action="/search" method="get" role="search">
    <input type="search" name="q" aria-label="Search" autofocus>
    <button type="submit">Google Search</button>
  </form>
</main>
<footer>NavScope lab — not the real Google.</footer>
</body>
</html>
`;

function googleResults(request: LabRequest): LabResource {
  const query = request.url.searchParams.get('q') ?? '';
  const q = escapeHtml(query);
  return html(`${googleHead(query === '' ? 'Google Search — NavScope lab' : `${q} - Google Search — NavScope lab`)}
<body>
${labNotice('www.google.com')}
<header class="results-top">
  <a href="/"><img src="/static/logo.png" alt="Google" width="92" height="31"></a>
  <form action="/search" method="get" role="search">
    <input type="search" name="q" value="${q}" aria-label="Search">
  </form>
</header>
<main class="results">
  <p>Lab results for <strong>${q}</strong> (made up on this machine):</p>
  <ol>
    <li><a href="http://www.naver.com/">NAVER — NavScope lab</a></li>
    <li><a href="/">Google — NavScope lab</a></li>
  </ol>
</main>
<footer>NavScope lab — not the real Google.</footer>
</body>
</html>
`);
}

const googleCss = `/* NavScope lab stand-in stylesheet for www.google.com */
body { margin: 0; font-family: Arial, sans-serif; color: #202124; }
.lab-notice { margin: 0; padding: 6px 12px; background: #fff4c2; border-bottom: 1px solid #e6d27a; font-size: 13px; }
main.home { display: flex; flex-direction: column; align-items: center; margin-top: 120px; gap: 24px; }
main.home input { width: 480px; padding: 12px 16px; border: 1px solid #dfe1e5; border-radius: 24px; font-size: 16px; }
button { margin-left: 8px; padding: 8px 16px; border: 1px solid #f8f9fa; background: #f8f9fa; border-radius: 4px; }
.results-top { display: flex; align-items: center; gap: 24px; padding: 16px 24px; border-bottom: 1px solid #ebebeb; }
.results-top input { width: 480px; padding: 8px 16px; border: 1px solid #dfe1e5; border-radius: 24px; }
main.results { padding: 16px 24px; max-width: 640px; }
footer { padding: 16px 24px; color: #70757a; font-size: 12px; }
`;

const googleSearchJs = `// NavScope lab stand-in for www.google.com (never executed by NavScope).
(function () {
  'use strict';
  var input = document.querySelector('input[name="q"]');
  if (input) input.setAttribute('data-lab', 'navscope');
})();
`;

/** A page whose title is markup: the window must show it as text, never as HTML. */
/** One page that loads an image from each of the twenty ordinary sites at once: twenty DNS walks, connections and ORB checks in parallel. */
const naverTwentySites = labPage({
  site: 'www.naver.com',
  title: 'Twenty sites at once',
  content: `<h1>Twenty sites at once</h1>
<p>Each image below comes from another site (site1-lab.com … site20-lab.com): the network thread resolves, connects to and loads from all of them in parallel, and each cross-site image passes ORB.</p>
<p>${LAB_ORDINARY_SITES.map((site) => `<img src="http://${site.host}/static/mark.png" alt="site ${site.number}" width="24" height="24">`).join('\n')}</p>`,
});

const naverEscape = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title><img src=x onerror=alert(1)></title>
</head>
<body>
<p class="lab-notice">NavScope lab stand-in served from this machine: a page trying to escape its own display — a title made of markup, a javascript: link, an HTML body posing as an image — to check that page text is always shown as text and page script never runs.</p>
<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>
<p><a href="javascript:alert(document.cookie)">a javascript: link</a></p>
<p><img src="/escape/fake.png" alt="not an image" width="10" height="10"></p>
</body>
</html>
`;

// --- certificate errors and the glueless zone --------------------------------

function badsslSite(host: string, certificate: LabSiteCertificate, title: string, explanation: string): LabSite {
  return {
    hosts: [host],
    certificate,
    routes: {
      '/': html(
        labPage({
          site: host,
          title,
          content: `<h1>${escapeHtml(title)}</h1>
<p>${explanation}</p>
<p>If you can read this over HTTPS, the browser accepted a certificate it should have rejected.</p>`,
        }),
      ),
    },
  };
}

const gluelessHome = labPage({
  site: 'www.glueless-lab.com',
  title: 'Glueless referral',
  content: `<h1>www.glueless-lab.com</h1>
<p>You reached this page through a glueless referral: the com servers named <code>ns.lab-dns.net</code> as the name server of glueless-lab.com but gave no address for it,
so the resolver first had to resolve <code>ns.lab-dns.net</code> itself (through net and lab-dns.net) before it could ask for www.glueless-lab.com.</p>`,
});

// --- Safe Browsing test hosts -------------------------------------------------

function safeBrowsingSite(host: string, listName: string, standsFor: string): LabSite {
  return {
    hosts: [host],
    routes: {
      '/': html(
        labPage({
          site: host,
          title: `Safe Browsing test page (${listName})`,
          content: `<h1>${escapeHtml(host)}</h1>
<p>This is a harmless test page. It stands in for ${standsFor}, the way Google’s testsafebrowsing.appspot.com pages do, and does nothing at all.</p>
<p>The lab’s Safe Browsing ${escapeHtml(listName)} list holds the expression <code>${escapeHtml(host)}/</code>, which covers every path on this host:
before the request leaves, the browser hashes the URL’s host-and-path expressions with SHA-256, finds a listed 4-byte prefix, confirms the full hash,
and shows a warning instead of this page.</p>
<p>If you can read this, you chose to proceed past the warning (or nothing checked the URL).</p>`,
        }),
      ),
    },
  };
}

// --- a row of ordinary sites (www.site1-lab.com … www.site20-lab.com) ---------

const ordinarySiteCss = `body { font-family: sans-serif; margin: 0; }
header { background: #455a64; color: #fff; padding: 12px 24px; }
main { padding: 16px 24px; max-width: 720px; }
`;

function ordinarySite(host: string, number: number): LabSite {
  return {
    hosts: [host],
    routes: {
      '/': html(
        labPage({
          site: host,
          title: `Site ${number}`,
          head: '<link rel="stylesheet" href="/static/site.css">\n',
          content: `<header><h1>Site ${number}</h1></header>
<p>An ordinary site: one page, one stylesheet, one image. Its registrable domain is its own, so it is its own site and gets its own renderer process.</p>
<p><img src="/static/mark.png" alt="" width="48" height="48"></p>`,
        }),
      ),
      '/static/site.css': { contentType: CONTENT_TYPES.css, body: ordinarySiteCss },
      '/static/mark.png': { contentType: CONTENT_TYPES.png, body: solidPng(48, 48, [69, 90, 100]) },
    },
  };
}

// --- the site table ----------------------------------------------------------

export const labSites: LabSite[] = [
  {
    // The aliases reach this address through CNAMEs; the server answers for them too, as a CDN would.
    hosts: ['www.naver.com', 'm.naver.com', 'cname.naver.com', 'alias1.naver.com'],
    httpsHeaders: { 'Strict-Transport-Security': NAVER_HTTPS_STS },
    routes: {
      '/': html(naverHome),
      '/news': html(naverNews),
      '/slow': html(naverSlow),
      '/escape': html(naverEscape),
      '/twenty-sites': html(naverTwentySites),
      // HTML with script, served as an image: it must stay an image to the renderer.
      '/escape/fake.png': {
        contentType: CONTENT_TYPES.png,
        body: '<html><script>alert("escaped")</script><body onload="alert(1)">not an image</body></html>',
      },
      // A response head over Chromium's 256 KB limit.
      '/escape/huge-header': {
        contentType: 'text/html; charset=utf-8',
        body: '<title>huge header</title>',
        headers: { 'X-Huge': 'h'.repeat(300 * 1024) },
      },
      '/static/naver.css': { contentType: CONTENT_TYPES.css, body: naverCss },
      '/static/search.js': { contentType: CONTENT_TYPES.js, body: naverSearchJs },
      '/static/analytics.js': { contentType: CONTENT_TYPES.js, body: naverAnalyticsJs },
      '/static/logo.png': { contentType: CONTENT_TYPES.png, body: naverLogo },
      ...naverScenarioRoutes,
      ...naverContentRoutes,
      ...naverRenderRoutes,
      ...naverFrameRoutes,
    },
    prefixRoutes: { ...naverScenarioPrefixRoutes, ...naverRenderPrefixRoutes },
  },
  {
    hosts: ['www.google.com'],
    // Like the real www.google.com: HSTS by header (google.com is preloaded for pinning only).
    httpsHeaders: { 'Strict-Transport-Security': 'max-age=31536000' },
    routes: {
      '/': html(googleHome),
      '/search': googleResults,
      '/static/google.css': { contentType: CONTENT_TYPES.css, body: googleCss },
      '/static/gsearch.js': { contentType: CONTENT_TYPES.js, body: googleSearchJs },
      '/static/logo.png': { contentType: CONTENT_TYPES.png, body: googleLogo },
      ...googleRenderRoutes,
      ...googleFrameRoutes,
    },
  },
  {
    ...badsslSite(
      'handshake-abort.badssl-lab.com',
      { kind: 'valid' },
      'TLS handshake aborted',
      'The server reads the ClientHello and then drops the connection without a ServerHello: the handshake never finishes (net::ERR_CONNECTION_CLOSED or ERR_SSL_PROTOCOL_ERROR).',
    ),
    tlsFault: 'handshake-abort',
  },
  badsslSite(
    'expired.badssl-lab.com',
    { kind: 'expired' },
    'Expired certificate',
    'This host presents a certificate from the lab CA whose validity ended in the past: the browser must stop with an expired-certificate error (net::ERR_CERT_DATE_INVALID).',
  ),
  badsslSite(
    'wrong-host.badssl-lab.com',
    { kind: 'wrong-host', presentedName: 'some-other-host.badssl-lab.com' },
    'Wrong host name',
    'This host presents a valid lab-CA certificate, but for <code>some-other-host.badssl-lab.com</code> only: the name does not match, so the browser must stop with a name-mismatch error (net::ERR_CERT_COMMON_NAME_INVALID).',
  ),
  badsslSite(
    'untrusted-root.badssl-lab.com',
    { kind: 'untrusted-root' },
    'Untrusted root',
    'This host presents a certificate issued by a throwaway CA that is not the NavScope lab CA: the chain ends at a root nobody trusts, so the browser must stop with an untrusted-authority error (net::ERR_CERT_AUTHORITY_INVALID).',
  ),
  {
    hosts: ['www.glueless-lab.com'],
    routes: { '/': html(gluelessHome) },
  },
  safeBrowsingSite('malware.testsafebrowsing-lab.com', 'MALWARE', 'a site that spreads malware'),
  safeBrowsingSite(
    'phishing.testsafebrowsing-lab.com',
    'SOCIAL_ENGINEERING',
    'a phishing site that imitates another one to steal passwords',
  ),
  ...LAB_ORDINARY_SITES.map((site) => ordinarySite(site.host, site.number)),
];

export const labHostRedirects: LabHostRedirect[] = [
  { hosts: ['naver.com'], status: 301, targetHost: 'www.naver.com' },
  { hosts: ['google.com'], status: 301, targetHost: 'www.google.com' },
  // search.naver.com is a CNAME to www.google.com: that server sends its visitors on.
  { hosts: ['search.naver.com'], status: 302, targetHost: 'www.google.com' },
];
