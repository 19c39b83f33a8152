import { describe, expect, it } from 'vitest';
import {
  ERROR_PAGE_SITE,
  isSameSite,
  originOf,
  registrableDomainOrHost,
  siteForUrl,
  urlOrigin,
} from '../../../shared/web/siteInfo.js';

describe('siteForUrl', () => {
  it.each([
    // scheme + eTLD+1; ports, user info, path, query and fragment dropped
    ['http://www.naver.com/news', 'http://naver.com'],
    ['https://m.naver.com/', 'https://naver.com'],
    ['https://naver.com', 'https://naver.com'],
    ['https://a.b.c.naver.com:8443/x?y#z', 'https://naver.com'],
    ['https://user:pass@www.example.com/', 'https://example.com'],
    ['HTTPS://WWW.Example.COM/Path', 'https://example.com'],
    ['http://www.example.co.uk/', 'http://example.co.uk'],
    ['http://a.b.example.co.uk/', 'http://example.co.uk'],
    ['https://www.city.kawasaki.jp/', 'https://city.kawasaki.jp'], // !city.kawasaki.jp exception rule
    ['https://a.b.foo.kawasaki.jp/', 'https://b.foo.kawasaki.jp'], // *.kawasaki.jp wildcard rule
    ['ws://chat.example.com/socket', 'ws://example.com'],
    ['wss://chat.example.com/socket', 'wss://example.com'],
    ['ftp://ftp.example.org/pub', 'ftp://example.org'],
    // private registries (PSL private section) count
    ['https://a.github.io/', 'https://a.github.io'],
    ['https://x.y.github.io/', 'https://y.github.io'],
    ['https://myapp.appspot.com/', 'https://myapp.appspot.com'],
    ['https://v1.myapp.appspot.com/', 'https://myapp.appspot.com'],
    ['https://bucket.s3.amazonaws.com/', 'https://bucket.s3.amazonaws.com'],
    // no registrable domain: the host itself
    ['http://127.0.0.1:8080/', 'http://127.0.0.1'],
    ['http://0x7f.1/', 'http://127.0.0.1'],
    ['http://[::1]:8080/', 'http://[::1]'],
    ['http://[2001:DB8:0:0::1]/', 'http://[2001:db8::1]'],
    ['http://localhost:3000/', 'http://localhost'],
    ['http://intranet/', 'http://intranet'],
    ['https://github.io/', 'https://github.io'],
    ['https://co.uk/', 'https://co.uk'],
    ['https://com/', 'https://com'],
    // unknown top-level domains: the default "*" rule
    ['https://www.foo.invalidtld/', 'https://foo.invalidtld'],
    ['http://www.example.test/', 'http://example.test'],
    // IDN: the URL parser gives Punycode
    ['http://www.한국.kr/', 'http://xn--3e0b707e.kr'],
    ['http://www.食狮.中国/', 'http://xn--85x722f.xn--fiqs8s'],
    ['http://www.example.公司.cn/', 'http://example.xn--55qx5d.cn'],
    // a trailing dot is kept (URL Standard registrable domain; Chromium: a different site)
    ['http://www.naver.com./', 'http://naver.com.'],
    ['http://naver.com./', 'http://naver.com.'],
    ['http://localhost./', 'http://localhost.'],
    // file: one site, whatever the host
    ['file:///etc/hosts', 'file://'],
    ['file://server/share/x', 'file://'],
    // opaque origins: a data: URL is its own site (the URL without its fragment)
    ['data:text/html,<p>hi', 'data:text/html,<p>hi'],
    ['data:text/html,<p>hi#frag', 'data:text/html,<p>hi'],
    // other URLs without a host: the scheme
    ['about:blank', 'about:'],
    ['about:srcdoc', 'about:'],
    ['javascript:void(0)', 'javascript:'],
    ['mailto:someone@example.com', 'mailto:'],
    // blob: and filesystem: the site of their inner origin
    ['blob:https://www.example.com/550e8400-e29b-41d4-a716-446655440000', 'https://example.com'],
    ['blob:null/550e8400-e29b-41d4-a716-446655440000', 'blob:null/550e8400-e29b-41d4-a716-446655440000'],
    ['filesystem:https://www.example.com/temporary/a.html', 'https://example.com'],
    ['filesystem:file:///temporary/a.html', 'file://'],
    // url::Origin has no origin for these (OriginTest.OpaqueOriginComparison): own sites
    ['blob:blob:http://www.example.com/guid-goes-here', 'blob:blob:http://www.example.com/guid-goes-here'],
    ['filesystem:http://example.com/', 'filesystem:http://example.com/'],
    // other schemes with a host
    ['chrome-extension://abcdefghij/page.html', 'chrome-extension://abcdefghij'],
    ['foo://Sub.Example.com/x', 'foo://example.com'],
    // an opaque origin's serialization
    ['null', 'null'],
  ])('%s → %s', (url, site) => {
    expect(siteForUrl(url)).toBe(site);
  });

  it('throws on what is not a URL', () => {
    expect(() => siteForUrl('not a url')).toThrow();
  });
});

/**
 * Chromium's own cases: SiteInstanceTest.GetSiteForURL in
 * content/browser/site_instance_impl_unittest.cc. Chromium writes a site as a GURL
 * ("http://google.com/", "file:"); NavScope writes "http://google.com" and "file://".
 */
describe('siteForUrl: Chromium SiteInstanceTest.GetSiteForURL', () => {
  it.each([
    // Pages and ports are irrelevant.
    ['http://www.google.com/index.html', 'http://google.com'],
    ['https://www.google.com:8080', 'https://google.com'],
    // Punycode is canonicalized.
    ['http://\u2603snowperson\u2603.net:333/', 'http://xn--snowperson-di0gka.net'],
    // User name and password are stripped.
    ['ftp://username:password@ftp.chromium.org/files/README', 'ftp://chromium.org'],
    // Literal IP addresses of any flavour.
    ['http://127.0.0.1/a.html', 'http://127.0.0.1'],
    ['http://2130706433/a.html', 'http://127.0.0.1'],
    ['http://[::1]:2/page.html', 'http://[::1]'],
    // Host names without TLDs.
    ['http://foo/a.html', 'http://foo'],
    // File URLs are the scheme alone, host or not (crbug.com/776160).
    ['file:///C:/Downloads/', 'file://'],
    ['file://server/path', 'file://'],
    // Data URLs are the whole URL except the fragment.
    ['data:text/html,foo', 'data:text/html,foo'],
    ['data:text/html,foo#bar', 'data:text/html,foo'],
    // javascript: URLs are the scheme.
    ['javascript:foo();', 'javascript:'],
    // Blob URLs take the site of their origin, also a file origin.
    ['blob:https://www.ftp.chromium.org/4d4ff040-6d61-4446-86d3-13ca07ec9ab9', 'https://chromium.org'],
    ['blob:file:///1029e5a4-2983-4b90-a585-ed217563acfeb', 'file://'],
    // Blob URLs made by an opaque origin are the whole URL except the fragment.
    ['blob:null/1029e5a4-2983-4b90-a585-ed217563acfeb', 'blob:null/1029e5a4-2983-4b90-a585-ed217563acfeb'],
    ['blob:null/1029e5a4-2983-4b90-a585-ed217563acfeb#foo', 'blob:null/1029e5a4-2983-4b90-a585-ed217563acfeb'],
    // Private registries are kept (appspot.com).
    ['blob:http://www.example.appspot.com:44/4d4ff040-6d61-4446-86d3-13ca07ec9ab9', 'http://example.appspot.com'],
    // filesystem: URLs take the site of their inner URL.
    ['filesystem:http://www.google.com/foo/bar.html?foo#bar', 'http://google.com'],
    // Every chrome-error: URL is the error page's site.
    ['chrome-error://chromewebdata/', ERROR_PAGE_SITE],
    ['chrome-error://someerror', ERROR_PAGE_SITE],
  ])('%s → %s', (url, site) => {
    expect(siteForUrl(url)).toBe(site);
  });
});

/**
 * about:blank and data: URLs that commit with an origin from elsewhere: Chromium's
 * GetPossiblyOverriddenOriginFromUrl (content/browser/site_info.cc). about:blank inherits
 * its initiator's origin; a data: URL loaded with a base URL (LoadDataWithBaseURL) takes
 * the base URL's origin; an opaque one changes nothing.
 */
describe('siteForUrl: inherited origins', () => {
  it.each([
    ['about:blank', 'https://www.example.com', 'https://example.com'],
    ['about:blank?x#y', 'https://www.example.com:8443', 'https://example.com'],
    ['about:blank', 'https://www.example.com/some/page.html', 'https://example.com'],
    ['about:blank', 'file://', 'file://'],
    ['about:blank', 'null', 'about:'],
    ['data:text/html,x', 'https://base.example.com', 'https://example.com'],
    ['data:text/html,x', 'null', 'data:text/html,x'],
    // Only about:blank inherits; about:srcdoc and other URLs keep their own site.
    ['about:srcdoc', 'https://www.example.com', 'about:'],
    ['https://www.naver.com/', 'https://www.example.com', 'https://naver.com'],
    ['javascript:x', 'https://www.example.com', 'javascript:'],
  ])('%s committed with origin %s → %s', (url, origin, site) => {
    expect(siteForUrl(url, { origin })).toBe(site);
  });
});

/** Chromium's url::Origin::Create: OriginTest.ConstructFromGURL and OpaqueOriginComparison in url/origin_unittest.cc. */
describe('urlOrigin', () => {
  it.each([
    ['http://192.168.9.1/', 'http://192.168.9.1'],
    ['http://[2001:db8::1]/', 'http://[2001:db8::1]'],
    ['http://1/', 'http://0.0.0.1'],
    ['http://1:1/', 'http://0.0.0.1:1'],
    ['http://3232237825/', 'http://192.168.9.1'],
    ['http://\u2603.net/', 'http://xn--n3h.net'],
    ['blob:http://\u2603.net/', 'http://xn--n3h.net'],
    ['http://example.com:123/', 'http://example.com:123'],
    ['https://u:p@example.com:123/?query#1234', 'https://example.com:123'],
    ['ftp://example.com/', 'ftp://example.com'],
    ['ws://example.com/', 'ws://example.com'],
    ['wss://user:pass@example.com/', 'wss://example.com'],
    ['file:///etc/passwd', 'file://'],
    ['file://example.com/etc/passwd', 'file://example.com'],
    ['filesystem:http://example.com/type/', 'http://example.com'],
    ['filesystem:https://example.com:123/type/', 'https://example.com:123'],
    ['blob:http://example.com/guid-goes-here', 'http://example.com'],
    ['blob:https://example.com/guid-goes-here', 'https://example.com'],
    ['blob:http://u:p@example.com/guid-goes-here', 'http://example.com'],
    ['blob:file:///guid-goes-here', 'file://'],
  ])('%s → %s', (url, origin) => {
    expect(urlOrigin(url)).toBe(origin);
  });

  it.each([
    'data:text/html,Hello!',
    'javascript:alert(1)',
    'about:blank',
    'file://example.com:443/etc/passwd',
    'unknown-scheme:foo',
    'unknown-scheme://bar',
    'http',
    'http://',
    'http://:1',
    'blob:null/foo',
    'blob:data:foo',
    'blob:about:blank/',
    'filesystem:http://example.com/',
    'filesystem:unknown-scheme://hostname/type/',
    'blob:blob:http://www.example.com/guid-goes-here',
    'mailto:a@b.example',
    'null',
  ])('%s is opaque', (url) => {
    expect(urlOrigin(url)).toBe('null');
  });
});

describe('registrableDomainOrHost', () => {
  it.each([
    ['www.naver.com', 'naver.com'],
    ['www.naver.com.', 'naver.com.'],
    ['co.uk', 'co.uk'],
    ['192.168.0.1', '192.168.0.1'],
    ['[::1]', '[::1]'],
    ['localhost', 'localhost'],
    ['a..b.com', 'a..b.com'],
  ])('%s → %s', (host, expected) => {
    expect(registrableDomainOrHost(host)).toBe(expected);
  });
});

describe('isSameSite', () => {
  it.each([
    ['https://www.naver.com/', 'https://m.naver.com/x', true],
    ['https://naver.com/', 'https://naver.com:8443/', true],
    ['https://www.naver.com/', 'http://www.naver.com/', false], // schemes differ
    ['https://a.github.io/', 'https://b.github.io/', false], // private suffix
    ['https://a.example.co.uk/', 'https://b.example.co.uk/', true],
    ['https://example.co.uk/', 'https://other.co.uk/', false],
    ['https://www.naver.com./', 'https://www.naver.com/', false], // trailing dot
    ['http://127.0.0.1/', 'http://127.0.0.1:8080/', true],
    ['http://127.0.0.1/', 'http://127.0.0.2/', false],
    ['http://localhost/', 'http://localhost:3000/', true],
    ['file:///a', 'file:///b', true],
    ['file:///a', 'blob:file:///uuid', true],
    ['file:///a', 'https://example.com/', false],
    ['blob:https://www.example.com/uuid', 'https://example.com/', true],
    ['filesystem:https://www.example.com/temporary/x', 'https://example.com/', true],
    ['blob:null/uuid', 'blob:null/uuid', false], // opaque origins
    ['data:text/html,x', 'data:text/html,x', false], // opaque origins
    ['about:blank', 'about:blank', false],
    ['null', 'https://example.com/', false],
  ])('%s ~ %s: %s', (a, b, expected) => {
    expect(isSameSite(a, b)).toBe(expected);
    expect(isSameSite(b, a)).toBe(expected);
  });
});

describe('originOf', () => {
  it('serializes the origin', () => {
    expect(originOf('https://www.naver.com:443/x')).toBe('https://www.naver.com');
    expect(originOf('http://example.com:8080/x')).toBe('http://example.com:8080');
    expect(originOf('data:text/plain,x')).toBe('null');
  });
});
