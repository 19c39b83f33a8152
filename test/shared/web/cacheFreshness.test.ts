import { describe, expect, it } from 'vitest';
import {
  type StoredResponseTiming,
  conditionalHeaders,
  currentAge,
  describeFreshness,
  freshnessLifetime,
  freshnessLifetimeWithSource,
  isStorable,
  needsRevalidation,
  parseCacheControl,
  parseHttpDate,
  storageProblem,
} from '../../../shared/web/cacheFreshness.js';

const T0 = Date.UTC(2030, 0, 1, 12, 0, 0);
const httpDate = (ms: number): string => new Date(ms).toUTCString();
const GET = { method: 'GET', headers: [] as [string, string][] };

describe('parseCacheControl', () => {
  it('parses directives, values and quoted values', () => {
    expect(parseCacheControl('public, max-age=3600, no-cache="Set-Cookie, Foo", must-revalidate')).toEqual({
      public: true,
      'max-age': '3600',
      'no-cache': 'Set-Cookie, Foo',
      'must-revalidate': true,
    });
  });

  it('is case-insensitive for names, tolerates whitespace and empty items, keeps the first duplicate', () => {
    expect(parseCacheControl(' MAX-AGE = 10 ,, No-Store ,max-age=20')).toEqual({ 'max-age': '10', 'no-store': true });
  });

  it('returns an empty record for null or empty input', () => {
    expect(parseCacheControl(null)).toEqual({});
    expect(parseCacheControl('')).toEqual({});
  });

  it('cannot be tricked into changing the prototype', () => {
    const cc = parseCacheControl('__proto__=x, constructor');
    expect(cc.__proto__).toBe('x');
    expect(cc.constructor).toBe(true);
    expect(Object.getPrototypeOf(cc)).toBeNull();
  });
});

describe('parseHttpDate', () => {
  it('accepts the three HTTP-date formats and rejects numbers', () => {
    const ms = Date.UTC(1994, 10, 6, 8, 49, 37);
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(ms);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT')).toBe(ms);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994')).toBe(ms);
    expect(parseHttpDate('0')).toBeNull();
    expect(parseHttpDate('-1')).toBeNull();
    expect(parseHttpDate('garbage')).toBeNull();
  });
});

describe('freshnessLifetime', () => {
  const response = (status: number, headers: [string, string][]) => ({ status, headers });

  it('uses max-age first and ignores s-maxage (private cache)', () => {
    expect(
      freshnessLifetimeWithSource(
        response(200, [
          ['Cache-Control', 's-maxage=600, max-age=60'],
          ['Expires', httpDate(T0 + 999_000)],
          ['Date', httpDate(T0)],
        ]),
        'GET',
      ),
    ).toEqual({ seconds: 60, source: 'max-age' });
    expect(freshnessLifetime(response(200, [['Cache-Control', 's-maxage=600']]), 'GET')).toBe(0);
  });

  it('combines several Cache-Control lines', () => {
    expect(
      freshnessLifetime(
        response(200, [
          ['Cache-Control', 'public'],
          ['cache-control', 'max-age=30'],
        ]),
        'GET',
      ),
    ).toBe(30);
  });

  it('uses Expires − Date, or the response time when Date is missing', () => {
    expect(
      freshnessLifetimeWithSource(
        response(200, [
          ['Date', httpDate(T0)],
          ['Expires', httpDate(T0 + 120_000)],
        ]),
        'GET',
      ),
    ).toEqual({ seconds: 120, source: 'expires' });
    expect(freshnessLifetime(response(200, [['Expires', httpDate(T0 + 120_000)]]), 'GET', T0 + 20_000)).toBe(100);
  });

  it('treats invalid freshness information as already stale', () => {
    expect(freshnessLifetime(response(200, [['Cache-Control', 'max-age=abc']]), 'GET')).toBe(0);
    expect(
      freshnessLifetime(
        response(200, [
          ['Date', httpDate(T0)],
          ['Expires', '0'],
        ]),
        'GET',
      ),
    ).toBe(0);
    expect(
      freshnessLifetime(
        response(200, [
          ['Date', httpDate(T0)],
          ['Expires', httpDate(T0 - 1000)],
        ]),
        'GET',
      ),
    ).toBe(0);
  });

  it('caps an enormous max-age at 2^31 seconds', () => {
    expect(freshnessLifetime(response(200, [['Cache-Control', `max-age=${'9'.repeat(30)}`]]), 'GET')).toBe(
      2_147_483_648,
    );
  });

  it('falls back to 10% of (Date − Last-Modified) for heuristically cacheable statuses, capped at a day', () => {
    const tenDaysAgo = httpDate(T0 - 10 * 86_400_000);
    expect(
      freshnessLifetimeWithSource(
        response(200, [
          ['Date', httpDate(T0)],
          ['Last-Modified', tenDaysAgo],
        ]),
        'GET',
      ),
    ).toEqual({ seconds: 86_400, source: 'heuristic' });
    expect(
      freshnessLifetime(
        response(404, [
          ['Date', httpDate(T0)],
          ['Last-Modified', httpDate(T0 - 1000_000)],
        ]),
        'GET',
      ),
    ).toBe(100);
    expect(freshnessLifetimeWithSource(response(200, [['Date', httpDate(T0)]]), 'GET')).toEqual({
      seconds: 0,
      source: 'none',
    });
  });

  it('gives no heuristic lifetime to statuses that are not heuristically cacheable, unless public', () => {
    const headers: [string, string][] = [
      ['Date', httpDate(T0)],
      ['Last-Modified', httpDate(T0 - 1000_000)],
    ];
    expect(freshnessLifetime(response(302, headers), 'GET')).toBeNull();
    expect(freshnessLifetime(response(302, [...headers, ['Cache-Control', 'private']]), 'GET')).toBe(0);
    expect(freshnessLifetime(response(302, [...headers, ['Cache-Control', 'public']]), 'GET')).toBe(100);
    expect(freshnessLifetime(response(307, [['Cache-Control', 'max-age=5']]), 'GET')).toBe(5);
  });

  it('is null when the response cannot be stored', () => {
    expect(freshnessLifetime(response(200, [['Cache-Control', 'max-age=60']]), 'POST')).toBeNull();
    expect(freshnessLifetime(response(200, [['Cache-Control', 'no-store, max-age=60']]), 'GET')).toBeNull();
    expect(freshnessLifetime(response(206, [['Cache-Control', 'max-age=60']]), 'GET')).toBeNull();
    expect(freshnessLifetime(response(500, []), 'GET')).toBeNull();
  });
});

describe('isStorable', () => {
  const ok: [string, string][] = [['Cache-Control', 'max-age=60']];

  it('stores GET responses with freshness or a heuristically cacheable status', () => {
    expect(isStorable(GET, { status: 200, headers: ok })).toBe(true);
    expect(isStorable(GET, { status: 200, headers: [] })).toBe(true);
    expect(isStorable(GET, { status: 301, headers: [] })).toBe(true);
    expect(isStorable(GET, { status: 302, headers: [] })).toBe(false);
    expect(isStorable(GET, { status: 302, headers: ok })).toBe(true);
  });

  it('refuses other methods, no-store on either side, Vary: *, 206 and 304', () => {
    expect(storageProblem({ method: 'POST', headers: [] }, { status: 200, headers: ok })).toMatch(/only GET/);
    expect(
      storageProblem({ method: 'GET', headers: [['Cache-Control', 'no-store']] }, { status: 200, headers: ok }),
    ).toMatch(/request says Cache-Control: no-store/);
    expect(storageProblem(GET, { status: 200, headers: [['Cache-Control', 'max-age=60, no-store']] })).toMatch(
      /response says Cache-Control: no-store/,
    );
    expect(storageProblem(GET, { status: 200, headers: [...ok, ['Vary', 'Accept-Encoding, *']] })).toMatch(/Vary: \*/);
    expect(isStorable(GET, { status: 206, headers: ok })).toBe(false);
    expect(isStorable(GET, { status: 304, headers: ok })).toBe(false);
  });

  it('lets a private cache store responses to requests with Authorization', () => {
    expect(isStorable({ method: 'GET', headers: [['Authorization', 'Bearer x']] }, { status: 200, headers: ok })).toBe(
      true,
    );
  });
});

describe('currentAge (RFC 9111 §4.2.3)', () => {
  const entry = (headers: [string, string][], requestTime: number, responseTime: number): StoredResponseTiming => ({
    status: 200,
    headers,
    requestTime,
    responseTime,
  });

  it('is the resident time for a response received instantly with a matching Date', () => {
    expect(currentAge(entry([['Date', httpDate(T0)]], T0, T0), T0 + 30_000)).toBe(30);
  });

  it('adds the Age header and the response delay', () => {
    expect(
      currentAge(
        entry(
          [
            ['Date', httpDate(T0)],
            ['Age', '100'],
          ],
          T0,
          T0 + 2000,
        ),
        T0 + 2000,
      ),
    ).toBe(102);
  });

  it('uses the apparent age when the Date header is older than the response time', () => {
    expect(currentAge(entry([['Date', httpDate(T0 - 50_000)]], T0, T0), T0)).toBe(50);
  });

  it('treats a missing Date as the response time and ignores an invalid Age', () => {
    expect(currentAge(entry([['Age', 'soon']], T0, T0), T0 + 1000)).toBe(1);
  });
});

describe('needsRevalidation', () => {
  const stored = (cacheControl: string, extra: [string, string][] = []): StoredResponseTiming => ({
    status: 200,
    headers: [['Date', httpDate(T0)], ['Cache-Control', cacheControl], ...extra],
    requestTime: T0,
    responseTime: T0,
  });

  it('is false while fresh and true once stale', () => {
    const entry = stored('max-age=60');
    expect(needsRevalidation(entry, T0 + 59_999)).toBe(false);
    expect(needsRevalidation(entry, T0 + 60_000)).toBe(true);
    expect(describeFreshness(entry, T0 + 10_000)).toMatchObject({
      lifetime: 60,
      source: 'max-age',
      age: 10,
      fresh: true,
      revalidate: false,
    });
  });

  it('always revalidates no-cache responses', () => {
    expect(needsRevalidation(stored('no-cache, max-age=600'), T0)).toBe(true);
    expect(needsRevalidation(stored('no-cache="Set-Cookie", max-age=600'), T0)).toBe(true);
  });

  it('honours the request: no-cache, Pragma: no-cache, max-age, min-fresh, max-stale', () => {
    const entry = stored('max-age=60');
    expect(needsRevalidation(entry, T0, [['Cache-Control', 'no-cache']])).toBe(true);
    expect(needsRevalidation(entry, T0, [['Pragma', 'no-cache']])).toBe(true);
    expect(needsRevalidation(entry, T0 + 10_000, [['Cache-Control', 'max-age=0']])).toBe(true);
    expect(needsRevalidation(entry, T0 + 10_000, [['Cache-Control', 'max-age=20']])).toBe(false);
    expect(needsRevalidation(entry, T0 + 50_000, [['Cache-Control', 'min-fresh=20']])).toBe(true);
    expect(needsRevalidation(entry, T0 + 70_000, [['Cache-Control', 'max-stale=30']])).toBe(false);
    expect(needsRevalidation(entry, T0 + 100_000, [['Cache-Control', 'max-stale=30']])).toBe(true);
    expect(needsRevalidation(entry, T0 + 1e9, [['Cache-Control', 'max-stale']])).toBe(false);
    expect(
      needsRevalidation(stored('max-age=60, must-revalidate'), T0 + 70_000, [['Cache-Control', 'max-stale']]),
    ).toBe(true);
  });

  it('revalidates responses without any freshness information', () => {
    expect(needsRevalidation({ status: 200, headers: [['ETag', '"v1"']], requestTime: T0, responseTime: T0 }, T0)).toBe(
      true,
    );
  });
});

describe('conditionalHeaders', () => {
  it('turns ETag and Last-Modified into If-None-Match and If-Modified-Since', () => {
    const lastModified = httpDate(T0 - 86_400_000);
    expect(
      conditionalHeaders({
        headers: [
          ['ETag', 'W/"abc"'],
          ['Last-Modified', lastModified],
        ],
      }),
    ).toEqual([
      ['If-None-Match', 'W/"abc"'],
      ['If-Modified-Since', lastModified],
    ]);
    expect(conditionalHeaders({ headers: [['etag', '"x"']] })).toEqual([['If-None-Match', '"x"']]);
  });

  it('is empty without validators, and ignores an invalid Last-Modified', () => {
    expect(conditionalHeaders({ headers: [['Cache-Control', 'max-age=1']] })).toEqual([]);
    expect(conditionalHeaders({ headers: [['Last-Modified', 'yesterday']] })).toEqual([]);
  });
});
