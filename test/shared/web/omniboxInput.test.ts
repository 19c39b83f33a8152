import { describe, expect, it } from 'vitest';
import { classifyOmniboxInput, type OmniboxInputType } from '../../../shared/web/index.js';

/**
 * Chromium's own table: AutocompleteInputTest.InputType in
 * components/omnibox/browser/autocomplete_input_unittest.cc (the version with the
 * .local cases), in its order. Rows behind BUILDFLAG(IS_WIN) / IS_IOS / IS_ANDROID are
 * left out; the desktop row for file:///foo is kept.
 */
const CHROMIUM_INPUT_CASES: ReadonlyArray<readonly [string, OmniboxInputType]> = [
  ['', 'EMPTY'],
  ['?', 'QUERY'],
  ['?foo', 'QUERY'],
  ['?foo bar', 'QUERY'],
  ['?http://foo.com/bar', 'QUERY'],
  ['foo', 'UNKNOWN'],
  ['foo._', 'QUERY'],
  ['foo.c', 'UNKNOWN'],
  ['foo.com', 'URL'],
  ['-foo.com', 'URL'],
  ['foo-.com', 'URL'],
  ['foo_.com', 'URL'],
  ['foo.-com', 'QUERY'],
  ['foo/', 'URL'],
  ['foo/bar', 'UNKNOWN'],
  ['foo/bar%00', 'UNKNOWN'],
  ['foo/bar/', 'URL'],
  ['foo/bar baz\\', 'URL'],
  ['foo.com/bar', 'URL'],
  ['foo;bar', 'QUERY'],
  ['foo/bar baz', 'UNKNOWN'],
  ['foo bar.com', 'QUERY'],
  ['foo bar', 'QUERY'],
  ['foo+bar', 'QUERY'],
  ['foo+bar.com', 'UNKNOWN'],
  ['"foo:bar"', 'QUERY'],
  ['link:foo.com', 'UNKNOWN'],
  ['foo:81', 'URL'],
  ['www.foo.com:81', 'URL'],
  ['foo.com:123456', 'QUERY'],
  ['foo.com:abc', 'QUERY'],
  ['1.2.3.4:abc', 'QUERY'],
  ['user@foo', 'UNKNOWN'],
  ['user@foo.com', 'UNKNOWN'],
  ['user@foo/', 'URL'],
  ['user@foo/z', 'URL'],
  ['user@foo/z z', 'URL'],
  ['user@foo.com/z', 'URL'],
  ['user @foo/', 'UNKNOWN'],
  ['us er@foo/z', 'UNKNOWN'],
  ['u ser@foo/z z', 'UNKNOWN'],
  ['us er@foo.com/z', 'UNKNOWN'],
  ['user:pass@', 'UNKNOWN'],
  ['user:pass@!foo.com', 'UNKNOWN'],
  ['user:pass@foo', 'URL'],
  ['user:pass@foo.c', 'URL'],
  ['user:pass@foo.com', 'URL'],
  ['space user:pass@foo', 'UNKNOWN'],
  ['space user:pass@foo.c', 'UNKNOWN'],
  ['space user:pass@foo.com', 'UNKNOWN'],
  ['user:pass@foo.com:81', 'URL'],
  ['user:pass@foo:81', 'URL'],
  ['.1', 'QUERY'],
  ['.1/3', 'QUERY'],
  ['1.2', 'QUERY'],
  ['.1.2', 'UNKNOWN'],
  ['1.2/', 'URL'],
  ['1.2/45', 'QUERY'],
  ['6008/32768', 'QUERY'],
  ['12345678/', 'QUERY'],
  ['123456789/', 'URL'],
  ['1.2:45', 'QUERY'],
  ['user@1.2:45', 'QUERY'],
  ['user@foo:45', 'URL'],
  ['user:pass@1.2:45', 'URL'],
  ['host?query', 'UNKNOWN'],
  ['host#', 'UNKNOWN'],
  ['host#ref', 'UNKNOWN'],
  ['host# ref', 'UNKNOWN'],
  ['host/page.html', 'UNKNOWN'],
  ['host/#ref', 'URL'],
  ['host/?#ref', 'URL'],
  ['host/?#', 'URL'],
  ['host.com#ref', 'URL'],
  ['http://host#ref', 'URL'],
  ['host/path?query', 'URL'],
  ['host/path#ref', 'URL'],
  ['en.wikipedia.org/wiki/Jim Beam', 'URL'],
  ['view-source:http://www.foo.com/', 'URL'],
  ['javascript', 'UNKNOWN'],
  ['javascript:alert("Hi there");', 'URL'],
  ['javascript:alert%28"Hi there"%29;', 'URL'],
  ['javascript:foo', 'UNKNOWN'],
  ['javascript:foo;', 'URL'],
  ['javascript:"foo"', 'URL'],
  ['javascript:', 'UNKNOWN'],
  ['javascript:the cromulent parts', 'UNKNOWN'],
  ['javascript:foo.getter', 'URL'],
  ['JavaScript:Tutorials', 'UNKNOWN'],
  ['file:///foo', 'URL'],
  ['http:foo', 'URL'],
  ['http://foo', 'URL'],
  ['http://foo._', 'UNKNOWN'],
  ['http://foo.c', 'URL'],
  ['http://foo.com', 'URL'],
  ['http://foo_bar.com', 'URL'],
  ['http://foo/bar%00', 'URL'],
  ['http://foo/bar baz', 'URL'],
  ['http://-foo.com', 'URL'],
  ['http://foo-.com', 'URL'],
  ['http://foo_.com', 'URL'],
  ['http://foo.-com', 'UNKNOWN'],
  ['http://_foo_.com', 'URL'],
  ['http://foo.com:abc', 'QUERY'],
  ['http://foo.com:123456', 'QUERY'],
  ['http://1.2.3.4:abc', 'QUERY'],
  ['http:user@foo.com', 'URL'],
  ['http://user@foo.com', 'URL'],
  ['http://space user@foo.com', 'URL'],
  ['http://user:pass@foo', 'URL'],
  ['http://space user:pass@foo', 'URL'],
  ['http:space user:pass@foo', 'URL'],
  ['http:user:pass@foo.com', 'URL'],
  ['http://user:pass@foo.com', 'URL'],
  ['http://1.2', 'URL'],
  ['http:user@1.2', 'URL'],
  ['http://1.2/45', 'URL'],
  ['http:ps/2 games', 'URL'],
  ['https://foo.com', 'URL'],
  ['127.0.0.1', 'URL'],
  ['127.0.1', 'QUERY'],
  ['127.0.1/', 'URL'],
  ['0.0.0', 'QUERY'],
  ['0.0.0.0', 'URL'],
  ['0.0.0.1', 'QUERY'],
  ['http://0.0.0.1/', 'QUERY'],
  ['browser.tabs.closeButtons', 'UNKNOWN'],
  ['\u6d4b\u8bd5', 'UNKNOWN'],
  ['[2001:]', 'QUERY'],
  ['[2001:dB8::1]', 'URL'],
  ['192.168.0.256', 'QUERY'],
  ['[foo.com]', 'QUERY'],
  ['filesystem:http://a.com/t/bar', 'URL'],
  ['filesystem:http://a.com/', 'QUERY'],
  ['filesystem:file://', 'QUERY'],
  ['filesystem:http', 'QUERY'],
  ['filesystem:', 'QUERY'],
  ['chrome-search://', 'QUERY'],
  ['chrome-devtools:', 'UNKNOWN'],
  ['chrome-devtools://', 'UNKNOWN'],
  ['chrome-devtools://x', 'UNKNOWN'],
  ['devtools:', 'QUERY'],
  ['devtools://', 'QUERY'],
  ['devtools://x', 'URL'],
  ['about://f;', 'URL'],
  ['://w', 'UNKNOWN'],
  [':w', 'UNKNOWN'],
  ['.\u062A', 'UNKNOWN'],
  // RFC 6761 / RFC 6762 names.
  ['localhost', 'URL'],
  ['localhost:8080', 'URL'],
  ['foo.localhost', 'URL'],
  ['foo localhost', 'QUERY'],
  ['foo.example', 'URL'],
  ['foo example', 'QUERY'],
  ['http://example/', 'URL'],
  ['example', 'UNKNOWN'],
  ['example ', 'UNKNOWN'],
  [' example', 'UNKNOWN'],
  [' example ', 'UNKNOWN'],
  ['example.', 'UNKNOWN'],
  ['.example', 'UNKNOWN'],
  ['.example.', 'UNKNOWN'],
  ['example:', 'UNKNOWN'],
  ['example:80/ ', 'URL'],
  ['http://foo.invalid', 'UNKNOWN'],
  ['foo.invalid/', 'QUERY'],
  ['foo.invalid', 'QUERY'],
  ['foo invalid', 'QUERY'],
  ['invalid', 'UNKNOWN'],
  ['foo.test', 'URL'],
  ['foo test', 'QUERY'],
  ['test', 'UNKNOWN'],
  ['test..', 'UNKNOWN'],
  ['..test', 'UNKNOWN'],
  ['test:80/', 'URL'],
  ['foo.local', 'URL'],
  ['foo local', 'QUERY'],
  ['local', 'UNKNOWN'],
  ['.local', 'UNKNOWN'],
];

describe('classifyOmniboxInput: Chromium AutocompleteInputTest.InputType', () => {
  it.each(CHROMIUM_INPUT_CASES)('%j is %s', (text, type) => {
    expect(classifyOmniboxInput(text).type).toBe(type);
  });
});

/**
 * Escaped control characters. AutocompleteInput::Parse answers QUERY only when FixupURL
 * gives no valid GURL, so what GURL's canonicalizer accepts decides:
 * - in a path, "%00" and other escaped controls are kept as they are and the URL stays
 *   valid (url/url_canon_unittest.cc kCommonPathCases: "%00 should not cause failures",
 *   "/foo%00%51" → "/foo%00%51"; SpecialPath: a raw NUL is escaped to "%00", valid).
 *   So AutocompleteInputTest.InputType has "foo/bar%00" UNKNOWN and "http://foo/bar%00"
 *   URL (older Chromium failed on "%00" and had QUERY for both; crbug.com/1252531 era);
 *   the other heuristics (known TLD, trailing slash, several parts) decide as for any path;
 * - in a host, an escaped control character is invalid (url_canon_unittest.cc Host:
 *   "hello%00" is BROKEN), for every standard scheme (http, and chrome:, devtools:,
 *   chrome-extension:, where about:x leads): QUERY.
 */
const ESCAPED_CONTROL_CASES: ReadonlyArray<readonly [string, OmniboxInputType, string | undefined]> = [
  ['foo/bar%00', 'UNKNOWN', 'http://foo/bar%00'],
  ['http://foo/bar%00', 'URL', 'http://foo/bar%00'],
  ['foo/bar%01', 'UNKNOWN', 'http://foo/bar%01'],
  ['foo/bar%0A%0D%09', 'UNKNOWN', 'http://foo/bar%0A%0D%09'],
  ['foo/bar%1F%7F', 'UNKNOWN', 'http://foo/bar%1F%7F'],
  ['foo/bar%00/', 'URL', 'http://foo/bar%00/'],
  ['foo/bar%00?q', 'URL', 'http://foo/bar%00?q'],
  ['foo.com/bar%00', 'URL', 'http://foo.com/bar%00'],
  ['foo.com/%00%51', 'URL', 'http://foo.com/%00%51'],
  ['foo.com/a\u0000b', 'URL', 'http://foo.com/a%00b'],
  ['https://foo.com/%00', 'URL', 'https://foo.com/%00'],
  ['ftp://foo.com/%00', 'URL', 'ftp://foo.com/%00'],
  ['file:///tmp/%00', 'URL', 'file:///tmp/%00'],
  ['view-source:foo.com/%00', 'URL', 'view-source:http://foo.com/%00'],
  ['data:text/html,%00', 'URL', 'data:text/html,%00'],
  ['chrome://settings/%00', 'URL', 'chrome://settings/%00'],
  ['javascript:%00', 'UNKNOWN', undefined],
  ['foo%00.com', 'QUERY', undefined],
  ['foo.com%00/bar', 'QUERY', undefined],
  ['http://hello%00/', 'QUERY', undefined],
  ['http://foo%0A.com/', 'QUERY', undefined],
  ['about:blank%00', 'QUERY', undefined],
  ['about:%00', 'QUERY', undefined],
  ['chrome://set%00tings', 'QUERY', undefined],
  ['devtools://x%00', 'QUERY', undefined],
  ['chrome-extension://abc%01/x', 'QUERY', undefined],
  // Escapes that decode to ordinary host characters are read like them, as GURL does.
  ['chrome://SETTINGS%2F', 'QUERY', undefined],
  ['chrome://set%74ings', 'URL', 'chrome://settings/'],
];

describe('classifyOmniboxInput: escaped control characters', () => {
  it.each(ESCAPED_CONTROL_CASES)('%j is %s %s', (text, type, url) => {
    const result = classifyOmniboxInput(text);
    expect(result.type).toBe(type);
    expect(result.url).toBe(url);
  });
});

/** Chromium's AutocompleteInputTest.InputTypeWithDesiredTLD (desired TLD "com", i.e. Ctrl+Enter). */
const CHROMIUM_DESIRED_TLD_CASES: ReadonlyArray<readonly [string, OmniboxInputType, string | undefined]> = [
  ['401k', 'URL', 'http://www.401k.com/'],
  ['56', 'URL', 'http://www.56.com/'],
  ['1.2', 'URL', 'http://www.1.2.com/'],
  ['1.2/3.4', 'URL', 'http://www.1.2.com/3.4'],
  ['192.168.0.1', 'URL', 'http://www.192.168.0.1.com/'],
  ['999999999999999', 'URL', 'http://www.999999999999999.com/'],
  ['x@y', 'URL', 'http://x@www.y.com/'],
  ['x@y.com', 'URL', 'http://x@y.com/'],
  ['space user@y', 'UNKNOWN', undefined],
  ['y/z z', 'URL', 'http://www.y.com/z%20z'],
  ['abc.com', 'URL', 'http://abc.com/'],
  ['foo bar', 'QUERY', undefined],
];

describe('classifyOmniboxInput: Chromium AutocompleteInputTest.InputTypeWithDesiredTLD', () => {
  it.each(CHROMIUM_DESIRED_TLD_CASES)('%j with desired TLD "com" is %s %s', (text, type, url) => {
    const result = classifyOmniboxInput(text, { desiredTld: 'com' });
    expect(result.type).toBe(type);
    if (type === 'URL') expect(result.url).toBe(url);
  });
});

describe('classifyOmniboxInput: the URL it means', () => {
  it.each([
    ['', 'EMPTY', undefined],
    ['   ', 'EMPTY', undefined],
    ['\u3000\t', 'EMPTY', undefined],
    ['www.naver.com', 'URL', 'http://www.naver.com/'],
    ['  www.naver.com  ', 'URL', 'http://www.naver.com/'],
    ['www.naver.com.', 'URL', 'http://www.naver.com./'],
    ['..www.naver.com...', 'URL', 'http://www.naver.com./'],
    ['NAVER.COM/Path', 'URL', 'http://naver.com/Path'],
    ['https://www.google.com/search?q=a#x', 'URL', 'https://www.google.com/search?q=a#x'],
    ['HTTP://EXAMPLE.COM', 'URL', 'http://example.com/'],
    ['http;//foo.com', 'URL', 'http://foo.com/'],
    ['http://foo.com:80/', 'URL', 'http://foo.com/'],
    ['localhost:8080', 'URL', 'http://localhost:8080/'],
    ['127.0.0.1', 'URL', 'http://127.0.0.1/'],
    ['127.0.0.1:8080', 'URL', 'http://127.0.0.1:8080/'],
    ['[::1]:8080', 'URL', 'http://[::1]:8080/'],
    ['[2001:dB8::1]', 'URL', 'http://[2001:db8::1]/'],
    ['123456789/', 'URL', 'http://7.91.205.21/'],
    ['user:pass@intranet', 'URL', 'http://user:pass@intranet/'],
    ['intranet:8080/x', 'URL', 'http://intranet:8080/x'],
    ['foo:0', 'URL', 'http://foo:0/'],
    ['foo.internal', 'URL', 'http://foo.internal/'],
    ['a.github.io', 'URL', 'http://a.github.io/'],
    ['en.wikipedia.org/wiki/Jim Beam', 'URL', 'http://en.wikipedia.org/wiki/Jim%20Beam'],
    // Internationalized names: the URL carries the punycode form.
    ['한국.kr', 'URL', 'http://xn--3e0b707e.kr/'],
    ['한국.kr/경로', 'URL', 'http://xn--3e0b707e.kr/%EA%B2%BD%EB%A1%9C'],
    ['xn--3e0b707e.kr', 'URL', 'http://xn--3e0b707e.kr/'],
    ['exa%6dple.com', 'URL', 'http://example.com/'],
    // Explicit schemes.
    ['about:blank', 'URL', 'about:blank'],
    ['about:settings', 'URL', 'chrome://settings/'],
    ['about:', 'URL', 'chrome://version/'],
    ['chrome://settings', 'URL', 'chrome://settings/'],
    ['chrome:history', 'URL', 'chrome://history/'],
    ['view-source:naver.com', 'URL', 'view-source:http://naver.com/'],
    ['view-source:http://www.foo.com/', 'URL', 'view-source:http://www.foo.com/'],
    ['ftp://ftp.example.com/x', 'URL', 'ftp://ftp.example.com/x'],
    ['data:text/html,hi', 'URL', 'data:text/html,hi'],
    ['mailto:a@b.com', 'URL', 'mailto:a@b.com'],
    ['javascript:alert(1)', 'URL', 'javascript:alert(1)'],
    ['file:///foo', 'URL', 'file:///foo'],
    ['/etc/hosts', 'URL', 'file:///etc/hosts'],
    ['/tmp/a b#c', 'URL', 'file:///tmp/a%20b%23c'],
    ['filesystem:http://a.com/t/bar', 'URL', 'filesystem:http://a.com/t/bar'],
    ['devtools://x', 'URL', 'devtools://x/'],
    // Searches.
    ['what is dns', 'QUERY', undefined],
    ['?www.naver.com', 'QUERY', undefined],
    ['"quoted string"', 'QUERY', undefined],
    ['site:web.com @query', 'QUERY', undefined],
    ['foo^bar.com', 'QUERY', undefined],
    ['how to use ^', 'QUERY', undefined],
    ['c++', 'QUERY', undefined],
    ['3.14', 'QUERY', undefined],
    ['100%', 'QUERY', undefined],
    ['http://', 'QUERY', undefined],
    ['vbscript:x', 'QUERY', undefined],
    ['localhost:99999', 'UNKNOWN', undefined],
  ] as const)('%j is %s %s', (text, type, url) => {
    const result = classifyOmniboxInput(text);
    expect(result.type).toBe(type);
    expect(result.url).toBe(url);
    expect(result.didYouMean).toBeUndefined();
    expect(result.reason).not.toBe('');
  });

  it.each([
    ['naver', 'http://naver/'],
    ['foo.notarealtld', 'http://foo.notarealtld/'],
    ['foo.c', 'http://foo.c/'],
    ['foo/bar', 'http://foo/bar'],
    ['host?query', 'http://host/?query'],
    ['foo:80', 'http://foo/'],
    ['user@foo.com', 'http://user@foo.com/'],
    ['example.', 'http://example./'],
    ['.1.2', 'http://1.0.0.2/'],
    ['한국', 'http://xn--3e0b707e/'],
    ['\u6d4b\u8bd5', 'http://xn--0zwm56d/'],
    ['http://foo.invalid', 'http://foo.invalid/'],
    ['foo+bar.com', 'http://foo+bar.com/'],
  ])('%j is UNKNOWN: did you mean %s', (text, url) => {
    const result = classifyOmniboxInput(text);
    expect(result.type).toBe('UNKNOWN');
    expect(result.url).toBe(url);
    expect(result.didYouMean).toBe(url);
  });

  it.each([
    'site:example.com',
    'link:foo.com',
    'javascript:foo',
    'JavaScript:Tutorials',
    'chrome-devtools://x',
    'example:',
  ])('%j is UNKNOWN without an http "did you mean"', (text) => {
    const result = classifyOmniboxInput(text);
    expect(result.type).toBe('UNKNOWN');
    expect(result.url).toBeUndefined();
    expect(result.didYouMean).toBeUndefined();
  });

  it('explains its decisions', () => {
    expect(classifyOmniboxInput('what is dns').reason).toMatch(/space/);
    expect(classifyOmniboxInput('?www.naver.com').reason).toMatch(/"\?"/);
    expect(classifyOmniboxInput('foo.com:123456').reason).toMatch(/port/);
    expect(classifyOmniboxInput('www.naver.com').reason).toMatch(/\.com/);
    expect(classifyOmniboxInput('1.2').reason).toMatch(/IPv4/);
    expect(classifyOmniboxInput('naver').reason).toMatch(/single word/);
  });
});
