import { describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { toHex } from '../../../shared/base/sha256.js';
import {
  SafeBrowsingList,
  canonicalSafeBrowsingUrlParts,
  canonicalizeSafeBrowsingUrl,
  decodeBase64,
  encodeBase64,
  fullHash,
  hashPrefix,
  isSafeBrowsingNotChecked,
  parseIpv4,
  parseSafeBrowsingListFile,
  safeBrowsingExpressions,
} from '../../../shared/web/safeBrowsing.js';

/** Every canonicalization example of developers.google.com/safe-browsing/v4/urls-hashing, in its order. */
const DOCUMENT_EXAMPLES: [string, string][] = [
  ['http://host/%25%32%35', 'http://host/%25'],
  ['http://host/%25%32%35%25%32%35', 'http://host/%25%25'],
  ['http://host/%2525252525252525', 'http://host/%25'],
  ['http://host/asdf%25%32%35asd', 'http://host/asdf%25asd'],
  ['http://host/%%%25%32%35asd%%', 'http://host/%25%25%25asd%25%25'],
  ['http://www.google.com/', 'http://www.google.com/'],
  [
    'http://%31%36%38%2e%31%38%38%2e%39%39%2e%32%36/%2E%73%65%63%75%72%65/%77%77%77%2E%65%62%61%79%2E%63%6F%6D/',
    'http://168.188.99.26/.secure/www.ebay.com/',
  ],
  [
    'http://195.127.0.11/uploads/%20%20%20%20/.verify/.eBaysecure=updateuserdataxplimnbqmn-xplmvalidateinfoswqpcmlx=hgplmcx/',
    'http://195.127.0.11/uploads/%20%20%20%20/.verify/.eBaysecure=updateuserdataxplimnbqmn-xplmvalidateinfoswqpcmlx=hgplmcx/',
  ],
  [
    'http://host%23.com/%257Ea%2521b%2540c%2523d%2524e%25f%255E00%252611%252A22%252833%252944_55%252B',
    'http://host%23.com/~a!b@c%23d$e%25f^00&11*22(33)44_55+',
  ],
  ['http://3279880203/blah', 'http://195.127.0.11/blah'],
  ['http://www.google.com/blah/..', 'http://www.google.com/'],
  ['www.google.com/', 'http://www.google.com/'],
  ['www.google.com', 'http://www.google.com/'],
  ['http://www.evil.com/blah#frag', 'http://www.evil.com/blah'],
  ['http://www.GOOgle.com/', 'http://www.google.com/'],
  ['http://www.google.com.../', 'http://www.google.com/'],
  ['http://www.google.com/foo\tbar\rbaz\n2', 'http://www.google.com/foobarbaz2'],
  ['http://www.google.com/q?', 'http://www.google.com/q?'],
  ['http://www.google.com/q?r?', 'http://www.google.com/q?r?'],
  ['http://www.google.com/q?r?s', 'http://www.google.com/q?r?s'],
  ['http://evil.com/foo#bar#baz', 'http://evil.com/foo'],
  ['http://evil.com/foo;', 'http://evil.com/foo;'],
  ['http://evil.com/foo?bar;', 'http://evil.com/foo?bar;'],
  ['http://\x01\x80.com/', 'http://%01%80.com/'],
  ['http://notrailingslash.com', 'http://notrailingslash.com/'],
  ['http://www.gotaport.com:1234/', 'http://www.gotaport.com/'],
  ['  http://www.google.com/  ', 'http://www.google.com/'],
  ['http:// leadingspace.com/', 'http://%20leadingspace.com/'],
  ['http://%20leadingspace.com/', 'http://%20leadingspace.com/'],
  ['%20leadingspace.com/', 'http://%20leadingspace.com/'],
  ['https://www.securesite.com/', 'https://www.securesite.com/'],
  ['http://host.com/ab%23cd', 'http://host.com/ab%23cd'],
  ['http://host.com//twoslashes?more//slashes', 'http://host.com/twoslashes?more//slashes'],
];

describe('canonicalizeSafeBrowsingUrl: the document examples', () => {
  it('has all of them', () => {
    expect(DOCUMENT_EXAMPLES.length).toBe(33);
  });

  it.each(DOCUMENT_EXAMPLES)('%j', (input, expected) => {
    expect(canonicalizeSafeBrowsingUrl(input)).toBe(expected);
  });

  it('is idempotent on its outputs', () => {
    for (const [, expected] of DOCUMENT_EXAMPLES) expect(canonicalizeSafeBrowsingUrl(expected)).toBe(expected);
  });
});

describe('canonicalizeSafeBrowsingUrl: more cases (Chromium, Firefox and the Go client tests)', () => {
  it.each([
    ['http://host.com/path?query%3Awith%3Acolons', 'http://host.com/path?query:with:colons'],
    [
      'https://wiki.mozilla.org/index.php?title=MozillaWiki%3AHelp&action=history',
      'https://wiki.mozilla.org/index.php?title=MozillaWiki:Help&action=history',
    ],
    ['ftp://ftp.myfiles.com/', 'ftp://ftp.myfiles.com/'],
    ['http://some%1bhost.com/%1b', 'http://some%1Bhost.com/%1B'],
    ['http%3A%2F%2Fwackyurl.com:80/', 'http://wackyurl.com/'],
    ['http://W!eird<>Ho$^.com/', 'http://w!eird<>ho$^.com/'],
    ['http://i.have.way.too.many.dots.com/', 'http://i.have.way.too.many.dots.com/'],
    ['ftp://host.com?q', 'ftp://host.com/?q'],
    ['http://a.com/foo/.././bar/./../foo.html', 'http://a.com/foo.html'],
    ['http://a.com//a//b///c////', 'http://a.com/a/b/c/'],
    ['http://a.com/a/b/.', 'http://a.com/a/b/'],
    ['http://a.com/..', 'http://a.com/'],
    ['http://a.com/a//../b', 'http://a.com/a/b'],
    ['http://user:pass@Example.COM:8080/x', 'http://example.com/x'],
    ['http://google.com./foo.html', 'http://google.com/foo.html'],
    ['http://..google.com/foo.html', 'http://google.com/foo.html'],
    ['http://google...com/foo.html', 'http://google.com/foo.html'],
    ['HTTP://www.Example.com/A/B?C=D', 'http://www.example.com/A/B?C=D'],
    ['http://example.com/a b?c d', 'http://example.com/a%20b?c%20d'],
    ['http://example.com/%7e%41', 'http://example.com/~A'],
    ['http://example.com/%0a', 'http://example.com/%0A'],
    ['http://example.com/\u00e9', 'http://example.com/%E9'],
    ['http://example.com/\u6f22', 'http://example.com/%E6%BC%A2'],
    ['http://www.\u00fcmlat.com/', 'http://www.xn--mlat-zra.com/'],
    ['http://www.\xC3\xBCmlat.com/', 'http://www.xn--mlat-zra.com/'],
    ['http://www.%C3%BCmlat.com/', 'http://www.xn--mlat-zra.com/'],
    ['http://\ud55c\uad6d.kr/', 'http://xn--3e0b707e.kr/'],
    ['localhost:8080/x', 'http://localhost/x'],
    ['//example.com/x', 'http://example.com/x'],
  ])('%j', (input, expected) => {
    expect(canonicalizeSafeBrowsingUrl(input)).toBe(expected);
  });

  it.each([
    ['http://0x12.0x43.0x44.0x01', 'http://18.67.68.1/'],
    ['http://192.168.0.1:80/index.html', 'http://192.168.0.1/index.html'],
    ['http://012.034.01.055/', 'http://10.28.1.45/'],
    ['http://12.0x12.01234/', 'http://12.18.2.156/'],
    ['http://167838211/', 'http://10.1.2.3/'],
    ['http://4294967295/', 'http://255.255.255.255/'],
    ['http://4294967296/', 'http://4294967296/'],
    ['http://127.1/', 'http://127.0.0.1/'],
    ['http://1.2.3.4.5/', 'http://1.2.3.4.5/'],
    ['http://1.2.3.com/', 'http://1.2.3.com/'],
    [
      'http://[FEDC:BA98:7654:3210:FEDC:BA98:7654:3210]:80/index.html',
      'http://[fedc:ba98:7654:3210:fedc:ba98:7654:3210]/index.html',
    ],
    ['http://[2001:470:1:18::114]/', 'http://[2001:470:1:18::114]/'],
    ['http://[2001:0DB8:0000:0000:0000:0000:0000:0001]/', 'http://[2001:db8::1]/'],
  ])('IP address %j', (input, expected) => {
    expect(canonicalizeSafeBrowsingUrl(input)).toBe(expected);
  });

  it('parses IPv4 in every legal form, and nothing else', () => {
    expect(parseIpv4('255.0.0.1')).toBe('255.0.0.1');
    expect(parseIpv4('0x7f.1')).toBe('127.0.0.1');
    expect(parseIpv4('0X7F.0.0.0x1')).toBe('127.0.0.1');
    expect(parseIpv4('017700000001')).toBe('127.0.0.1');
    expect(parseIpv4('0x')).toBe('0.0.0.0');
    expect(parseIpv4('123.123.0.0.1')).toBeNull();
    expect(parseIpv4('1.2.3.00x0')).toBeNull();
    expect(parseIpv4('256.1.1.1')).toBeNull();
    expect(parseIpv4('1.2.65536')).toBeNull();
    expect(parseIpv4('1.2.65535')).toBe('1.2.255.255');
    expect(parseIpv4('08')).toBeNull();
    expect(parseIpv4('example.com')).toBeNull();
  });

  // Never thrown: Chromium's and Firefox's "no host" inputs (v4_protocol_manager_util_unittest.cc
  // CanonicalizeUrl, nsUrlClassifierUtils tests) are reported as not checked.
  it('reports URLs without a host as not checked', () => {
    for (const input of [
      '',
      '   ',
      ':',
      '/blah',
      '#ref',
      '/blah#ref',
      '?query#ref',
      '/blah?query#ref',
      '/blah;param',
      'http://#ref',
      'http:///blah#ref',
      'http://?query#ref',
      'http:///blah?query#ref',
      'http:///blah;param',
      'http:www.google.com',
      '//',
    ]) {
      const result = canonicalizeSafeBrowsingUrl(input);
      expect(result, input).toMatchObject({ checked: false, reason: 'no-host', canonicalUrl: null });
      expect(isSafeBrowsingNotChecked(result), input).toBe(true);
      expect(safeBrowsingExpressions(input), input).toEqual(result);
      expect(canonicalSafeBrowsingUrlParts(input), input).toEqual(result);
    }
    expect(canonicalizeSafeBrowsingUrl('')).toMatchObject({
      message: 'Safe Browsing has nothing to check: the address is empty',
    });
    expect(canonicalizeSafeBrowsingUrl('http:///blah')).toMatchObject({
      scheme: 'http',
      message: 'Safe Browsing cannot check "http:///blah": it has no host',
    });
  });

  // Chrome looks up http, https, ftp, ws and wss URLs only (V4LocalDatabaseManager::CanCheckUrl,
  // components/safe_browsing/core/browser/db/v4_local_database_manager.cc).
  it.each([
    ['mailto:bryner@google.com', 'mailto', null],
    ['data:text/html,<p>x', 'data', null],
    ['DATA:text/plain;base64,SGVsbG8=', 'data', null],
    ['about:blank', 'about', null],
    ['javascript:alert(1)', 'javascript', null],
    ['blob:https://www.example.com/550e8400-e29b-41d4-a716-446655440000', 'blob', null],
    ['filesystem:http://www.example.com/temporary/x.html', 'filesystem', null],
    ['file:///etc/hosts', 'file', null],
    ['file://server/share/a%20b.txt#frag', 'file', 'file://server/share/a%20b.txt'],
    ['chrome://settings', 'chrome', 'chrome://settings/'],
    ['view-source:http://evil.example/', 'view-source', null],
  ])('%j is not checked: a %s: URL', (input, scheme, canonicalUrl) => {
    const result = canonicalizeSafeBrowsingUrl(input);
    expect(result).toEqual({
      checked: false,
      reason: 'scheme',
      scheme,
      canonicalUrl,
      message: `Safe Browsing does not check ${scheme}: URLs: Chrome looks up only http, https, ftp, ws, wss URLs`,
    });
    expect(safeBrowsingExpressions(input)).toEqual(result);
  });

  it.each([
    ['ftp://ftp.example.com/pub/x', 'ftp://ftp.example.com/pub/x'],
    ['ws://chat.example.com:8080/socket', 'ws://chat.example.com/socket'],
    ['WSS://Chat.Example.com/socket?x#y', 'wss://chat.example.com/socket?x'],
  ])('%j is checked like http: %s', (input, expected) => {
    expect(canonicalizeSafeBrowsingUrl(input)).toBe(expected);
  });

  it('never throws, whatever the input', () => {
    const odd = [
      '\ud800',
      'http://\ud800.com/',
      'http://[::1',
      'http://[zz]/',
      'http://%zz/',
      'http://a.com/%',
      `http://${'a.'.repeat(5000)}com/`,
      `http://a.com/${'%25'.repeat(3000)}`,
      'http://\u0000/',
      'http://0x100000000/',
      ' \t\r\n',
      '%%%%',
      'http://user@/',
      'http://:80/',
      'http://@@@/',
      '\u00ff\u00fe://x',
      undefined as unknown as string,
      null as unknown as string,
      42 as unknown as string,
    ];
    for (const input of odd) {
      expect(() => canonicalizeSafeBrowsingUrl(input), String(input)).not.toThrow();
      expect(() => safeBrowsingExpressions(input), String(input)).not.toThrow();
      const result = canonicalizeSafeBrowsingUrl(input);
      if (typeof result !== 'string') expect(result.message).not.toBe('');
    }
    expect(canonicalizeSafeBrowsingUrl(undefined as unknown as string)).toMatchObject({ reason: 'invalid' });
  });

  it('splits the canonical URL into parts', () => {
    expect(canonicalSafeBrowsingUrlParts('http://a.b.c/1/2.html?param=1#x')).toEqual({
      scheme: 'http',
      host: 'a.b.c',
      path: '/1/2.html',
      query: 'param=1',
      isIpAddress: false,
    });
    expect(canonicalSafeBrowsingUrlParts('http://1.2.3.4/')).toMatchObject({
      host: '1.2.3.4',
      query: null,
      isIpAddress: true,
    });
    expect(canonicalSafeBrowsingUrlParts('http://[::1]/')).toMatchObject({ host: '[::1]', isIpAddress: true });
  });
});

describe('safeBrowsingExpressions: the document examples', () => {
  it('http://a.b.c/1/2.html?param=1', () => {
    expect(safeBrowsingExpressions('http://a.b.c/1/2.html?param=1')).toEqual([
      'a.b.c/1/2.html?param=1',
      'a.b.c/1/2.html',
      'a.b.c/',
      'a.b.c/1/',
      'b.c/1/2.html?param=1',
      'b.c/1/2.html',
      'b.c/',
      'b.c/1/',
    ]);
  });

  it('http://a.b.c.d.e.f.g/1.html (only the last five components, and the full host)', () => {
    expect(safeBrowsingExpressions('http://a.b.c.d.e.f.g/1.html')).toEqual([
      'a.b.c.d.e.f.g/1.html',
      'a.b.c.d.e.f.g/',
      'c.d.e.f.g/1.html',
      'c.d.e.f.g/',
      'd.e.f.g/1.html',
      'd.e.f.g/',
      'e.f.g/1.html',
      'e.f.g/',
      'f.g/1.html',
      'f.g/',
    ]);
  });

  it('http://1.2.3.4/1/ (no host suffixes for an IP address)', () => {
    expect(safeBrowsingExpressions('http://1.2.3.4/1/')).toEqual(['1.2.3.4/1/', '1.2.3.4/']);
  });
});

describe('safeBrowsingExpressions: more cases', () => {
  it('up to four path prefixes from the root', () => {
    expect(safeBrowsingExpressions('http://a.b.c/1/2/3/4/5/')).toEqual([
      'a.b.c/1/2/3/4/5/',
      'a.b.c/',
      'a.b.c/1/',
      'a.b.c/1/2/',
      'a.b.c/1/2/3/',
      'b.c/1/2/3/4/5/',
      'b.c/',
      'b.c/1/',
      'b.c/1/2/',
      'b.c/1/2/3/',
    ]);
    expect(safeBrowsingExpressions('http://a.com/a/b/c/d/e.html?123')).toEqual([
      'a.com/a/b/c/d/e.html?123',
      'a.com/a/b/c/d/e.html',
      'a.com/',
      'a.com/a/',
      'a.com/a/b/',
      'a.com/a/b/c/',
    ]);
  });

  it('never the top-level domain alone; a bare "?" adds no expression', () => {
    expect(safeBrowsingExpressions('http://b/')).toEqual(['b/']);
    expect(safeBrowsingExpressions('http://a.b/?')).toEqual(['a.b/']);
    expect(safeBrowsingExpressions('http://a.b.c.d.e/1.html')).toEqual([
      'a.b.c.d.e/1.html',
      'a.b.c.d.e/',
      'b.c.d.e/1.html',
      'b.c.d.e/',
      'c.d.e/1.html',
      'c.d.e/',
      'd.e/1.html',
      'd.e/',
    ]);
    expect(safeBrowsingExpressions('http://[2001:470:1:18::114]/a/b')).toEqual([
      '[2001:470:1:18::114]/a/b',
      '[2001:470:1:18::114]/',
      '[2001:470:1:18::114]/a/',
    ]);
  });

  it('at most 30 expressions (5 hosts × 6 paths)', () => {
    const expressions = safeBrowsingExpressions('http://a.b.c.d.e.f.g.h/1/2/3/4/5.html?q=1');
    if (!Array.isArray(expressions)) throw new Error(expressions.message);
    expect(expressions.length).toBe(30);
    expect(new Set(expressions).size).toBe(30);
    expect(expressions[0]).toBe('a.b.c.d.e.f.g.h/1/2/3/4/5.html?q=1');
    expect(expressions[29]).toBe('g.h/1/2/3/');
  });
});

describe('hashes', () => {
  it('fullHash is SHA-256 of the expression (the document example "abc")', () => {
    expect(toHex(fullHash('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(toHex(hashPrefix(fullHash('abc')))).toBe('ba7816bf');
    expect(toHex(hashPrefix(fullHash('abc'), 6))).toBe('ba7816bf8f01');
    expect(toHex(fullHash('a.b.c/1/2.html?param=1'))).toBe(
      createHash('sha256').update('a.b.c/1/2.html?param=1').digest('hex'),
    );
  });

  it('prefix sizes are 4 to 32 bytes', () => {
    expect(hashPrefix(fullHash('x'), 32).length).toBe(32);
    expect(() => hashPrefix(fullHash('x'), 3)).toThrow(/4 to 32/);
    expect(() => hashPrefix(fullHash('x'), 33)).toThrow(/4 to 32/);
    expect(() => hashPrefix(new Uint8Array(4), 5)).toThrow(/no 5-byte prefix/);
  });
});

const concat = (parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
};

describe('SafeBrowsingList', () => {
  const evil = 'evil.example/';
  const noise = Array.from({ length: 500 }, () => new Uint8Array(randomBytes(4)));

  it('is unsafe when a prefix matches and the full hash confirms it', () => {
    const list = new SafeBrowsingList({
      rawHashes: concat([...noise, hashPrefix(fullHash(evil))]),
      fullHashes: [fullHash(evil)],
      threatType: 'MALWARE',
    });
    const result = list.lookup('http://www.evil.example/login.php?x=1');
    expect(result.verdict).toBe('unsafe');
    const hit = result.expressions.find((e) => e.expression === evil)!;
    expect(hit).toEqual({
      expression: evil,
      hash: toHex(fullHash(evil)),
      prefix: toHex(fullHash(evil)).slice(0, 8),
      prefixMatch: true,
      fullHashMatch: true,
    });
    expect(result.expressions.map((e) => e.expression)).toEqual(
      safeBrowsingExpressions('http://www.evil.example/login.php?x=1'),
    );
    expect(list.threatType).toBe('MALWARE');
    expect(list.prefixCount).toBe(501);
  });

  it('is safe on a prefix match without the full hash (a false positive)', () => {
    const other = new Uint8Array(fullHash(evil));
    other[31] = other[31]! ^ 0xff;
    const list = new SafeBrowsingList({ rawHashes: hashPrefix(fullHash(evil)), fullHashes: [other] });
    const result = list.lookup('http://evil.example/');
    expect(result.verdict).toBe('safe');
    expect(result.expressions).toEqual([
      {
        expression: evil,
        hash: toHex(fullHash(evil)),
        prefix: toHex(fullHash(evil)).slice(0, 8),
        prefixMatch: true,
        fullHashMatch: false,
      },
    ]);
  });

  it('is safe when nothing matches, and with an empty list', () => {
    expect(new SafeBrowsingList({ rawHashes: concat(noise) }).lookup('http://good.example/').verdict).toBe('safe');
    const empty = new SafeBrowsingList({ rawHashes: new Uint8Array() });
    expect(empty.lookup('http://good.example/')).toMatchObject({ verdict: 'safe' });
    expect(empty.hasPrefix(fullHash(evil))).toBe(false);
  });

  it('binary-searches every stored prefix, sorted or not on input, of any size', () => {
    for (const size of [4, 5, 8, 32]) {
      const prefixes = Array.from({ length: 300 }, () => new Uint8Array(randomBytes(size)));
      const list = new SafeBrowsingList({ prefixSize: size, rawHashes: concat(prefixes) });
      for (const p of prefixes) expect(list.hasPrefix(p)).toBe(true);
      for (let i = 0; i < 50; i++) {
        const probe = new Uint8Array(randomBytes(size));
        expect(list.hasPrefix(probe)).toBe(prefixes.some((p) => toHex(p) === toHex(probe)));
      }
      expect(list.hasPrefix(new Uint8Array(size - 1))).toBe(false);
    }
  });

  it('does not check what Safe Browsing does not check, and says why', () => {
    const list = new SafeBrowsingList({ rawHashes: concat(noise) });
    for (const url of ['about:blank', 'data:text/html,<p>x', 'file:///etc/hosts', 'mailto:a@b.example', 'http:///x']) {
      const lookup = list.lookup(url);
      expect(lookup, url).toEqual({
        expressions: [],
        verdict: 'not-checked',
        notChecked: canonicalizeSafeBrowsingUrl(url),
      });
      expect(lookup.notChecked?.message, url).toMatch(/^Safe Browsing (does not check|cannot check)/);
    }
    expect(list.lookup('http://evil.example/').notChecked).toBeNull();
  });

  it('only a full hash whose prefix is listed can confirm a match', () => {
    const list = new SafeBrowsingList({ rawHashes: concat(noise), fullHashes: [fullHash(evil)] });
    expect(list.lookup('http://evil.example/').verdict).toBe('safe');
  });

  it('rejects bad sizes', () => {
    expect(() => new SafeBrowsingList({ rawHashes: new Uint8Array(6) })).toThrow(/not a multiple of the prefix size 4/);
    expect(() => new SafeBrowsingList({ prefixSize: 2, rawHashes: new Uint8Array(4) })).toThrow(/4 to 32/);
    expect(() => new SafeBrowsingList({ rawHashes: new Uint8Array(4), fullHashes: [new Uint8Array(31)] })).toThrow(
      /full hash 0 is 31 bytes/,
    );
  });
});

describe('parseSafeBrowsingListFile', () => {
  const valid = {
    format: 'navscope-safebrowsing-list',
    version: 1,
    threatType: 'SOCIAL_ENGINEERING',
    prefixSize: 4,
    rawHashes: encodeBase64(
      concat(
        [hashPrefix(fullHash('a.test/')), hashPrefix(fullHash('phish.test/'))].sort((a, b) => Buffer.compare(a, b)),
      ),
    ),
    fullHashes: [encodeBase64(fullHash('phish.test/'))],
  };

  it('reads a list', () => {
    const list = parseSafeBrowsingListFile(JSON.parse(JSON.stringify(valid)));
    expect(list.threatType).toBe('SOCIAL_ENGINEERING');
    expect(list.prefixSize).toBe(4);
    expect(list.prefixCount).toBe(2);
    expect(list.fullHashCount).toBe(1);
    expect(list.lookup('https://login.phish.test/account').verdict).toBe('unsafe');
    expect(list.lookup('https://a.test/').verdict).toBe('safe');
    expect(parseSafeBrowsingListFile({ ...valid, fullHashes: undefined }).fullHashCount).toBe(0);
  });

  it.each([
    [null, 'expected a JSON object'],
    [[], 'expected a JSON object'],
    [{ ...valid, format: 'other' }, '"format" must be "navscope-safebrowsing-list" (got "other")'],
    [{ ...valid, version: 2 }, 'unsupported "version" 2 (expected 1)'],
    [
      { ...valid, threatType: 'PHISHING' },
      '"threatType" must be one of MALWARE, SOCIAL_ENGINEERING, UNWANTED_SOFTWARE (got "PHISHING")',
    ],
    [{ ...valid, prefixSize: 3 }, '"prefixSize" must be an integer from 4 to 32 (got 3)'],
    [{ ...valid, prefixSize: '4' }, '"prefixSize" must be an integer from 4 to 32 (got "4")'],
    [{ ...valid, rawHashes: 42 }, '"rawHashes" must be a base64 string (got 42)'],
    [{ ...valid, rawHashes: 'not base64!' }, '"rawHashes" is not valid base64'],
    [
      { ...valid, rawHashes: encodeBase64(new Uint8Array(6)) },
      '"rawHashes" is 6 bytes, not a multiple of "prefixSize" 4',
    ],
    [{ ...valid, fullHashes: 'x' }, '"fullHashes" must be an array of base64 strings (got "x")'],
    [{ ...valid, fullHashes: [1] }, '"fullHashes"[0] must be a base64 string (got 1)'],
    [{ ...valid, fullHashes: ['@@@@'] }, '"fullHashes"[0] is not valid base64'],
    [
      { ...valid, fullHashes: [valid.fullHashes[0]!, encodeBase64(new Uint8Array(16))] },
      '"fullHashes"[1] is 16 bytes, expected 32',
    ],
  ])('rejects %j', (file, message) => {
    expect(() => parseSafeBrowsingListFile(file)).toThrow(`Safe Browsing list file: ${message}`);
  });
});

describe('base64', () => {
  it('round-trips and agrees with Buffer', () => {
    for (let length = 0; length < 70; length++) {
      const bytes = new Uint8Array(randomBytes(length));
      const text = Buffer.from(bytes).toString('base64');
      expect(encodeBase64(bytes)).toBe(text);
      expect(decodeBase64(text)).toEqual(bytes);
      expect(decodeBase64(text.replace(/=+$/, ''))).toEqual(bytes);
    }
  });

  it('is forgiving about whitespace and strict about the rest (Infra forgiving-base64)', () => {
    expect(decodeBase64(' YW\nJj ')).toEqual(new Uint8Array([0x61, 0x62, 0x63]));
    expect(decodeBase64('YQ==')).toEqual(new Uint8Array([0x61]));
    expect(decodeBase64('YQ')).toEqual(new Uint8Array([0x61]));
    expect(decodeBase64('')).toEqual(new Uint8Array());
    expect(decodeBase64('Y')).toBeNull();
    expect(decodeBase64('YQ=')).toBeNull();
    expect(decodeBase64('YQ===')).toBeNull();
    expect(decodeBase64('Y=Q=')).toBeNull();
    expect(decodeBase64('YW-j')).toBeNull();
    expect(decodeBase64('YW_j')).toBeNull();
  });
});
