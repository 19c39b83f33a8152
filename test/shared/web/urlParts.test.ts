import { describe, expect, it } from 'vitest';
import { DEFAULT_PORTS, siteForUrl, urlParts } from '../../../shared/web/index.js';

describe('urlParts', () => {
  it('splits a URL with the scheme default port', () => {
    expect(urlParts('http://www.naver.com/a/b?x=1#top')).toEqual({
      url: 'http://www.naver.com/a/b?x=1#top',
      scheme: 'http',
      host: 'www.naver.com',
      hostUnicode: 'www.naver.com',
      isIdn: false,
      port: null,
      effectivePort: 80,
      path: '/a/b',
      query: 'x=1',
      fragment: 'top',
    });
  });

  it('uses each scheme default port when none is given', () => {
    expect(urlParts('https://example.com/').effectivePort).toBe(443);
    expect(urlParts('ws://example.com/').effectivePort).toBe(80);
    expect(urlParts('wss://example.com/').effectivePort).toBe(443);
    expect(urlParts('ftp://example.com/').effectivePort).toBe(21);
    expect(urlParts('file:///etc/hosts').effectivePort).toBeNull();
    expect(urlParts('https://example.com/').port).toBeNull();
    expect(DEFAULT_PORTS['https:']).toBe(443);
  });

  it('keeps an explicit port, and drops one equal to the default', () => {
    expect(urlParts('https://x.test:8443/')).toMatchObject({ port: 8443, effectivePort: 8443 });
    expect(urlParts('http://localhost:8080/x')).toMatchObject({
      host: 'localhost',
      port: 8080,
      effectivePort: 8080,
      url: 'http://localhost:8080/x',
    });
    expect(urlParts('http://example.com:80/')).toMatchObject({
      port: null,
      effectivePort: 80,
      url: 'http://example.com/',
    });
  });

  it('decodes an IDN host for display and percent-encodes the path', () => {
    expect(urlParts('http://한국.kr/경로?q=1#x')).toEqual({
      url: 'http://xn--3e0b707e.kr/%EA%B2%BD%EB%A1%9C?q=1#x',
      scheme: 'http',
      host: 'xn--3e0b707e.kr',
      hostUnicode: '한국.kr',
      isIdn: true,
      port: null,
      effectivePort: 80,
      path: '/%EA%B2%BD%EB%A1%9C',
      query: 'q=1',
      fragment: 'x',
    });
    expect(urlParts('https://www.xn--3e0b707e.kr/')).toMatchObject({
      host: 'www.xn--3e0b707e.kr',
      hostUnicode: 'www.한국.kr',
      isIdn: true,
    });
    expect(urlParts('http://bücher.example/')).toMatchObject({
      host: 'xn--bcher-kva.example',
      hostUnicode: 'bücher.example',
      isIdn: true,
    });
  });

  it('treats IP literals as plain hosts', () => {
    expect(urlParts('http://[::1]:8080/')).toMatchObject({
      host: '[::1]',
      hostUnicode: '[::1]',
      isIdn: false,
      port: 8080,
    });
    expect(urlParts('http://127.0.0.1/')).toMatchObject({ host: '127.0.0.1', hostUnicode: '127.0.0.1', isIdn: false });
  });

  it('never shows the user name or password', () => {
    const parts = urlParts('http://user:secret@intranet:8080/a?b#c');
    expect(parts).toEqual({
      url: 'http://intranet:8080/a?b#c',
      scheme: 'http',
      host: 'intranet',
      hostUnicode: 'intranet',
      isIdn: false,
      port: 8080,
      effectivePort: 8080,
      path: '/a',
      query: 'b',
      fragment: 'c',
    });
    expect(JSON.stringify(parts)).not.toMatch(/user|secret/);
  });
});

describe('siteForUrl', () => {
  it('computes the site as scheme + registrable domain', () => {
    expect(siteForUrl('http://www.naver.com/news')).toBe('http://naver.com');
    expect(siteForUrl('https://m.naver.com/')).toBe('https://naver.com');
    expect(siteForUrl('http://127.0.0.1:8080/')).toBe('http://127.0.0.1');
    expect(siteForUrl('https://a.github.io/')).toBe('https://a.github.io');
  });
});
