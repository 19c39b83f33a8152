import { describe, expect, it } from 'vitest';
import { isSameSite, originOf, registrableDomainOrHost, siteForUrl } from '../../../shared/web/siteInfo.js';

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
    // no host
    ['file:///etc/hosts', 'file://'],
    ['file://server/share/x', 'file://'],
    ['data:text/html,<p>hi', 'data:'],
    ['about:blank', 'about:'],
    ['javascript:void(0)', 'javascript:'],
    ['mailto:someone@example.com', 'mailto:'],
    // blob: the site of its origin
    ['blob:https://www.example.com/550e8400-e29b-41d4-a716-446655440000', 'https://example.com'],
    ['blob:null/550e8400-e29b-41d4-a716-446655440000', 'blob:'],
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
    ['blob:https://www.example.com/uuid', 'https://example.com/', true],
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
