import { describe, expect, it } from 'vitest';
import { type CachedResponseHead, HttpCache } from '../../../electron/network/httpCache.js';

const T0 = Date.UTC(2030, 0, 1, 12, 0, 0);
const httpDate = (ms: number): string => new Date(ms).toUTCString();
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const head = (headers: [string, string][], status = 200): CachedResponseHead => ({
  status,
  statusText: status === 200 ? 'OK' : 'Other',
  httpVersion: '1.1',
  headers: [['Date', httpDate(T0)], ...headers],
});
const at = (ms: number) => ({ requestTime: ms, responseTime: ms });

function cacheWithClock(options: { maxBytes?: number } = {}): { cache: HttpCache; advance: (ms: number) => void } {
  let now = T0;
  return { cache: new HttpCache({ ...options, now: () => now }), advance: (ms) => (now += ms) };
}

describe('HttpCache', () => {
  it('misses an empty cache', () => {
    expect(new HttpCache().lookup('https://example.com/', [])).toEqual({ kind: 'miss', reason: 'not in the cache' });
  });

  it('serves a max-age response fresh, then stale with conditional headers', () => {
    const { cache, advance } = cacheWithClock();
    const lastModified = httpDate(T0 - 86_400_000);
    const result = cache.store(
      'https://example.com/app.js',
      [],
      head([
        ['Cache-Control', 'max-age=60'],
        ['ETag', '"v1"'],
        ['Last-Modified', lastModified],
      ]),
      bytes('code'),
      at(T0),
    );
    expect(result).toMatchObject({ stored: true, reason: 'stored; fresh for 60 s (max-age)', evicted: [] });

    advance(59_000);
    const fresh = cache.lookup('https://example.com/app.js#frag', []);
    expect(fresh.kind).toBe('fresh');
    if (fresh.kind !== 'fresh') return;
    expect(new TextDecoder().decode(fresh.entry.body)).toBe('code');
    expect(fresh.entry.key).toBe('https://example.com/app.js');
    expect(fresh.freshness).toMatchObject({ age: 59, lifetime: 60 });

    advance(1_000);
    const stale = cache.lookup('https://example.com/app.js', []);
    expect(stale.kind).toBe('stale');
    if (stale.kind !== 'stale') return;
    expect(stale.conditionalHeaders).toEqual([
      ['If-None-Match', '"v1"'],
      ['If-Modified-Since', lastModified],
    ]);
  });

  it('always revalidates a no-cache response', () => {
    const { cache } = cacheWithClock();
    const result = cache.store(
      'https://example.com/',
      [],
      head([
        ['Cache-Control', 'no-cache, max-age=3600'],
        ['ETag', '"a"'],
      ]),
      bytes('x'),
      at(T0),
    );
    expect(result.reason).toMatch(/no-cache/);
    const lookup = cache.lookup('https://example.com/', []);
    expect(lookup.kind).toBe('stale');
    if (lookup.kind === 'stale') expect(lookup.conditionalHeaders).toEqual([['If-None-Match', '"a"']]);
  });

  it('revalidates a fresh entry on reload (request no-cache)', () => {
    const { cache } = cacheWithClock();
    cache.store('https://example.com/', [], head([['Cache-Control', 'max-age=3600']]), bytes('x'), at(T0));
    expect(cache.lookup('https://example.com/', [['Cache-Control', 'no-cache']]).kind).toBe('stale');
    expect(cache.lookup('https://example.com/', []).kind).toBe('fresh');
  });

  it('does not store no-store responses, and drops the previous entry', () => {
    const { cache } = cacheWithClock();
    cache.store('https://example.com/', [], head([['Cache-Control', 'max-age=60']]), bytes('old'), at(T0));
    const result = cache.store(
      'https://example.com/',
      [],
      head([['Cache-Control', 'no-store']]),
      bytes('secret'),
      at(T0),
    );
    expect(result).toEqual({ stored: false, reason: 'the response says Cache-Control: no-store' });
    expect(cache.lookup('https://example.com/', []).kind).toBe('miss');
    expect(
      cache.store(
        'https://example.com/',
        [['Cache-Control', 'no-store']],
        head([['Cache-Control', 'max-age=60']]),
        bytes('x'),
        at(T0),
      ).stored,
    ).toBe(false);
  });

  it('updates a stale entry from a 304 and serves it fresh again', () => {
    const { cache, advance } = cacheWithClock();
    cache.store(
      'https://example.com/logo.png',
      [],
      head([
        ['Cache-Control', 'max-age=60'],
        ['ETag', '"v1"'],
        ['Content-Type', 'image/png'],
        ['Content-Length', '4'],
        ['X-Old', 'keep'],
      ]),
      bytes('\x89PNG'),
      at(T0),
    );
    advance(120_000);
    expect(cache.lookup('https://example.com/logo.png', []).kind).toBe('stale');

    const t1 = T0 + 120_000;
    const updated = cache.updateFromNotModified(
      'https://example.com/logo.png',
      [
        ['Date', httpDate(t1)],
        ['Cache-Control', 'max-age=300'],
        ['ETag', '"v1"'],
        ['Content-Length', '0'],
        ['Content-Type', 'text/plain'],
        ['Connection', 'keep-alive'],
        ['X-New', 'added'],
      ],
      at(t1),
    );
    expect(updated).not.toBeNull();
    expect(updated?.head.status).toBe(200);
    expect(updated?.head.headers).toEqual([
      ['Date', httpDate(t1)],
      ['Cache-Control', 'max-age=300'],
      ['ETag', '"v1"'],
      ['Content-Type', 'image/png'],
      ['Content-Length', '4'],
      ['X-Old', 'keep'],
      ['X-New', 'added'],
    ]);
    expect(updated?.responseTime).toBe(t1);
    expect(new TextDecoder().decode(updated?.body)).toBe('\x89PNG');
    advance(299_000);
    expect(cache.lookup('https://example.com/logo.png', []).kind).toBe('fresh');
  });

  it('does not apply a 304 for a different representation or a missing entry', () => {
    const { cache } = cacheWithClock();
    cache.store(
      'https://example.com/',
      [],
      head([
        ['Cache-Control', 'max-age=1'],
        ['ETag', '"v1"'],
      ]),
      bytes('x'),
      at(T0),
    );
    expect(cache.updateFromNotModified('https://example.com/', [['ETag', '"v2"']], at(T0))).toBeNull();
    expect(cache.updateFromNotModified('https://example.com/', [['ETag', 'W/"v1"']], at(T0))).not.toBeNull();
    expect(cache.updateFromNotModified('https://example.com/other', [], at(T0))).toBeNull();
  });

  it('respects Vary by comparing the named request headers', () => {
    const { cache } = cacheWithClock();
    const requestHeaders: [string, string][] = [
      ['Accept-Language', 'ko-KR,ko;q=0.9'],
      ['Accept-Encoding', 'gzip'],
    ];
    cache.store(
      'https://example.com/',
      requestHeaders,
      head([
        ['Cache-Control', 'max-age=60'],
        ['Vary', 'Accept-Language'],
        ['vary', 'Cookie'],
      ]),
      bytes('안녕'),
      at(T0),
    );
    const entry = cache.entries()[0];
    // Values are normalized for comparison (lines joined, whitespace around commas evened out).
    expect(entry?.varyRequestHeaders).toEqual([
      ['accept-language', 'ko-KR, ko;q=0.9'],
      ['cookie', null],
    ]);
    expect(cache.lookup('https://example.com/', [['accept-language', ' ko-KR,ko;q=0.9 ']]).kind).toBe('fresh');
    expect(
      cache.lookup('https://example.com/', [
        ['Accept-Language', 'ko-KR'],
        ['Accept-Language', 'ko;q=0.9'],
      ]).kind,
    ).toBe('fresh');
    const other = cache.lookup('https://example.com/', [['Accept-Language', 'en-US']]);
    expect(other.kind).toBe('miss');
    if (other.kind === 'miss') expect(other.reason).toMatch(/Vary: accept-language differs/);
    expect(
      cache.lookup('https://example.com/', [
        ['Accept-Language', 'ko-KR,ko;q=0.9'],
        ['Cookie', 'a=1'],
      ]).kind,
    ).toBe('miss');
  });

  it('does not store Vary: *', () => {
    const { cache } = cacheWithClock();
    expect(
      cache.store(
        'https://example.com/',
        [],
        head([
          ['Cache-Control', 'max-age=60'],
          ['Vary', '*'],
        ]),
        bytes('x'),
        at(T0),
      ).stored,
    ).toBe(false);
  });

  it('evicts the least recently used entries beyond the size cap', () => {
    const { cache } = cacheWithClock({ maxBytes: 400 });
    const body = new Uint8Array(100);
    const h = head([['Cache-Control', 'max-age=60']]);
    cache.store('https://example.com/a', [], h, body, at(T0));
    cache.store('https://example.com/b', [], h, body, at(T0));
    expect(cache.lookup('https://example.com/a', []).kind).toBe('fresh'); // a is now the most recently used
    const result = cache.store('https://example.com/c', [], h, body, at(T0));
    expect(result.stored && result.evicted).toEqual(['https://example.com/b']);
    expect(cache.entries().map((e) => e.key)).toEqual(['https://example.com/a', 'https://example.com/c']);
    expect(cache.totalBytes).toBeLessThanOrEqual(400);
    expect(cache.store('https://example.com/huge', [], h, new Uint8Array(1000), at(T0))).toMatchObject({
      stored: false,
    });
  });

  it('invalidates and clears', () => {
    const { cache } = cacheWithClock();
    cache.store('https://example.com/', [], head([['Cache-Control', 'max-age=60']]), bytes('x'), at(T0));
    expect(cache.invalidate('https://example.com/#top')).toBe(true);
    expect(cache.invalidate('https://example.com/')).toBe(false);
    cache.store('https://example.com/', [], head([['Cache-Control', 'max-age=60']]), bytes('x'), at(T0));
    cache.clear();
    expect(cache.totalBytes).toBe(0);
    expect(cache.lookup('https://example.com/', []).kind).toBe('miss');
  });

  it('keeps its own copy of the body', () => {
    const { cache } = cacheWithClock();
    const body = bytes('abc');
    cache.store('https://example.com/', [], head([['Cache-Control', 'max-age=60']]), body, at(T0));
    body[0] = 0x7a;
    expect(new TextDecoder().decode(cache.entries()[0]?.body)).toBe('abc');
  });
});
