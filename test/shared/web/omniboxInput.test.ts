import { describe, expect, it } from 'vitest';
import { classifyOmniboxInput, siteForUrl, urlParts } from '../../../shared/web/index.js';

describe('classifyOmniboxInput', () => {
  it.each([
    ['', 'EMPTY', undefined],
    ['   ', 'EMPTY', undefined],
    ['www.naver.com', 'URL', 'http://www.naver.com/'],
    ['www.naver.com.', 'URL', 'http://www.naver.com./'],
    ['https://www.google.com/search?q=a#x', 'URL', 'https://www.google.com/search?q=a#x'],
    ['localhost:8080', 'URL', 'http://localhost:8080/'],
    ['127.0.0.1', 'URL', 'http://127.0.0.1/'],
    ['user:pass@intranet', 'URL', 'http://user:pass@intranet/'],
    ['intranet:8080/x', 'URL', 'http://intranet:8080/x'],
    ['what is dns', 'QUERY', undefined],
    ['?www.naver.com', 'QUERY', undefined],
    ['naver', 'UNKNOWN', 'http://naver/'],
    ['foo.notarealtld', 'UNKNOWN', 'http://foo.notarealtld/'],
    ['javascript:alert(1)', 'QUERY', undefined],
  ])('%j is %s', (text, type, url) => {
    const result = classifyOmniboxInput(text);
    expect(result.type).toBe(type);
    expect(result.url).toBe(url);
  });
});

describe('sites and URL parts', () => {
  it('computes the site as scheme + registrable domain', () => {
    expect(siteForUrl('http://www.naver.com/news')).toBe('http://naver.com');
    expect(siteForUrl('https://m.naver.com/')).toBe('https://naver.com');
    expect(siteForUrl('http://127.0.0.1:8080/')).toBe('http://127.0.0.1');
    expect(siteForUrl('https://a.github.io/')).toBe('https://a.github.io');
  });

  it('splits a URL with the scheme default port', () => {
    expect(urlParts('http://www.naver.com/a/b?x=1#top')).toEqual({ url: 'http://www.naver.com/a/b?x=1#top', scheme: 'http', host: 'www.naver.com', port: null, effectivePort: 80, path: '/a/b', query: 'x=1', fragment: 'top' });
    expect(urlParts('https://x.test:8443/').effectivePort).toBe(8443);
  });
});
