import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COOKIES_FILE_NAME, CookieStore } from '../../../electron/network/cookieStore.js';

const SAME_SITE = { sameSiteContext: 'strict' } as const;

describe('CookieStore', () => {
  let dir: string;
  let now: number;
  const clock = (): number => now;
  const memoryStore = (): CookieStore => new CookieStore({ dataDir: null, now: clock });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'navscope-cookies-'));
    now = Date.UTC(2030, 0, 1);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stores a cookie from a response and sends it back', () => {
    const store = memoryStore();
    const [result] = store.setFromResponse('https://www.example.com/login', ['sid=abc123; Path=/'], SAME_SITE);
    expect(result).toEqual({
      header: 'sid=abc123; Path=/',
      stored: true,
      reason: null,
      cookie: {
        name: 'sid',
        domain: 'www.example.com',
        path: '/',
        secure: false,
        httpOnly: false,
        sameSite: 'unspecified',
        expires: null,
      },
    });
    expect(store.cookieHeaderFor('https://www.example.com/account', SAME_SITE)).toEqual({
      header: 'sid=abc123',
      cookies: [{ name: 'sid', domain: 'www.example.com', path: '/' }],
    });
    // Host-only: neither the parent domain nor a subdomain gets it.
    expect(store.cookieHeaderFor('https://example.com/', SAME_SITE).header).toBeNull();
    expect(store.cookieHeaderFor('https://a.www.example.com/', SAME_SITE).header).toBeNull();
  });

  it('shares a Domain cookie with the whole domain', () => {
    const store = memoryStore();
    const [result] = store.setFromResponse('https://www.example.com/', ['pref=ko; Domain=example.com'], SAME_SITE);
    expect(result?.cookie?.domain).toBe('.example.com');
    expect(store.cookieHeaderFor('https://news.example.com/', SAME_SITE).header).toBe('pref=ko');
    expect(store.cookieHeaderFor('https://example.com/', SAME_SITE).header).toBe('pref=ko');
    expect(store.cookieHeaderFor('https://example.org/', SAME_SITE).header).toBeNull();
  });

  it('defaults the path to the directory of the request and orders longer paths first', () => {
    const store = memoryStore();
    store.setFromResponse('https://www.example.com/docs/page', ['dir=1'], SAME_SITE);
    store.setFromResponse('https://www.example.com/', ['root=1; Path=/'], SAME_SITE);
    expect(store.cookieHeaderFor('https://www.example.com/docs/other', SAME_SITE).header).toBe('dir=1; root=1');
    expect(store.cookieHeaderFor('https://www.example.com/elsewhere', SAME_SITE).header).toBe('root=1');
  });

  it('keeps HttpOnly cookies from non-HTTP APIs but sends them on requests', () => {
    const store = memoryStore();
    const [result] = store.setFromResponse(
      'https://www.example.com/',
      ['session=s1; HttpOnly', 'theme=dark'],
      SAME_SITE,
    );
    expect(result?.cookie?.httpOnly).toBe(true);
    expect(store.cookieHeaderFor('https://www.example.com/', SAME_SITE).header).toBe('session=s1; theme=dark');
    expect(store.cookieHeaderFor('https://www.example.com/', { ...SAME_SITE, http: false }).header).toBe('theme=dark');
  });

  it('rejects a Secure cookie set over http, and does not send Secure cookies over http', () => {
    const store = memoryStore();
    const [rejected] = store.setFromResponse('http://www.example.com/', ['token=1; Secure'], SAME_SITE);
    expect(rejected?.stored).toBe(false);
    expect(rejected?.reason).toMatch(/^EXCLUDE_SECURE_ONLY/);
    expect(rejected?.cookie?.name).toBe('token');

    store.setFromResponse('https://www.example.com/', ['token=2; Secure'], SAME_SITE);
    expect(store.cookieHeaderFor('https://www.example.com/', SAME_SITE).header).toBe('token=2');
    expect(store.cookieHeaderFor('http://www.example.com/', SAME_SITE).header).toBeNull();
  });

  it('treats loopback as a secure context for Secure cookies', () => {
    const store = memoryStore();
    const [result] = store.setFromResponse('http://localhost:8080/', ['dev=1; Secure'], SAME_SITE);
    expect(result?.stored).toBe(true);
    expect(store.cookieHeaderFor('http://localhost:8080/', SAME_SITE).header).toBe('dev=1');
  });

  it('does not let an insecure origin overwrite a Secure cookie', () => {
    const store = memoryStore();
    store.setFromResponse('https://www.example.com/', ['id=secure; Secure'], SAME_SITE);
    const [result] = store.setFromResponse('http://www.example.com/', ['id=plain'], SAME_SITE);
    expect(result?.reason).toMatch(/^EXCLUDE_OVERWRITE_SECURE/);
    expect(store.cookieHeaderFor('https://www.example.com/', SAME_SITE).header).toBe('id=secure');
  });

  it('rejects a Domain attribute that is a public suffix or another domain', () => {
    const store = memoryStore();
    const results = store.setFromResponse(
      'https://www.example.co.uk/',
      ['a=1; Domain=co.uk', 'b=1; Domain=uk', 'c=1; Domain=other.co.uk', 'd=1; Domain=example.co.uk'],
      SAME_SITE,
    );
    expect(results.map((r) => r.stored)).toEqual([false, false, false, true]);
    expect(results[0]?.reason).toMatch(/^EXCLUDE_INVALID_DOMAIN: .*public suffix/);
    expect(results[1]?.reason).toMatch(/^EXCLUDE_INVALID_DOMAIN: .*public suffix/);
    expect(results[2]?.reason).toMatch(/^EXCLUDE_INVALID_DOMAIN: .*does not domain-match/);
  });

  it('enforces the __Host- and __Secure- prefixes', () => {
    const store = memoryStore();
    const results = store.setFromResponse(
      'https://www.example.com/app/',
      [
        '__Host-ok=1; Secure; Path=/',
        '__Host-domain=1; Secure; Path=/; Domain=example.com',
        '__Host-path=1; Secure; Path=/app',
        '__Host-insecure=1; Path=/',
        '__Secure-ok=1; Secure',
        '__Secure-no=1',
      ],
      SAME_SITE,
    );
    expect(results.map((r) => r.stored)).toEqual([true, false, false, false, true, false]);
    for (const index of [1, 2, 3, 5]) expect(results[index]?.reason).toMatch(/^EXCLUDE_INVALID_PREFIX/);
  });

  it('applies SameSite when setting from a cross-site response', () => {
    const store = memoryStore();
    const results = store.setFromResponse(
      'https://tracker.example/',
      [
        'lax=1; SameSite=Lax',
        'strict=1; SameSite=Strict',
        'plain=1',
        'none=1; SameSite=None; Secure',
        'insecureNone=1; SameSite=None',
      ],
      { sameSiteContext: 'none' },
    );
    expect(results.map((r) => r.stored)).toEqual([false, false, false, true, false]);
    expect(results[0]?.reason).toMatch(/^EXCLUDE_SAMESITE_LAX/);
    expect(results[1]?.reason).toMatch(/^EXCLUDE_SAMESITE_STRICT/);
    expect(results[2]?.reason).toMatch(/^EXCLUDE_SAMESITE_UNSPECIFIED_TREATED_AS_LAX/);
    expect(results[4]?.reason).toMatch(/^EXCLUDE_SAMESITE_NONE_INSECURE/);
  });

  it('lets a cross-site top-level navigation (lax context) set every kind of cookie', () => {
    const store = memoryStore();
    const results = store.setFromResponse(
      'https://www.example.com/',
      ['strict=1; SameSite=Strict', 'lax=1; SameSite=Lax', 'plain=1'],
      { sameSiteContext: 'lax' },
    );
    expect(results.every((r) => r.stored)).toBe(true);
  });

  it('sends cookies according to SameSite and the request context (unspecified = Lax)', () => {
    const store = memoryStore();
    store.setFromResponse(
      'https://www.example.com/',
      ['s=1; SameSite=Strict', 'l=1; SameSite=Lax', 'u=1', 'n=1; SameSite=None; Secure'],
      SAME_SITE,
    );
    const names = (context: 'strict' | 'lax' | 'none'): string[] =>
      store
        .cookieHeaderFor('https://www.example.com/', { sameSiteContext: context })
        .cookies.map((c) => c.name)
        .sort();
    expect(names('strict')).toEqual(['l', 'n', 's', 'u']);
    expect(names('lax')).toEqual(['l', 'n', 'u']);
    expect(names('none')).toEqual(['n']);
  });

  it('expires cookies on the injected clock (Max-Age counts from when it was set)', () => {
    const store = memoryStore();
    const [result] = store.setFromResponse(
      'https://www.example.com/',
      ['short=1; Max-Age=60', 'dated=1; Expires=Wed, 01 Jan 2031 00:00:00 GMT'],
      SAME_SITE,
    );
    expect(result?.cookie?.expires).toBe(new Date(now + 60_000).toISOString());
    now += 30_000;
    store.cookieHeaderFor('https://www.example.com/', SAME_SITE);
    now += 29_999;
    expect(store.cookieHeaderFor('https://www.example.com/', SAME_SITE).header).toBe('short=1; dated=1');
    now += 1;
    expect(store.cookieHeaderFor('https://www.example.com/', SAME_SITE).header).toBe('dated=1');
    expect(store.allCookies().map((c) => c.name)).toEqual(['dated']);
  });

  it('deletes a cookie with an expiry in the past', () => {
    const store = memoryStore();
    store.setFromResponse('https://www.example.com/', ['gone=1; Path=/', 'kept=1; Path=/'], SAME_SITE);
    const [result] = store.setFromResponse(
      'https://www.example.com/',
      ['gone=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT'],
      SAME_SITE,
    );
    expect(result?.stored).toBe(false);
    expect(result?.reason).toMatch(/already expired/);
    expect(store.cookieHeaderFor('https://www.example.com/', SAME_SITE).header).toBe('kept=1');
    store.setFromResponse('https://www.example.com/', ['kept=; Path=/; Max-Age=0'], SAME_SITE);
    expect(store.cookieHeaderFor('https://www.example.com/', SAME_SITE).header).toBeNull();
  });

  it('reports unparsable headers, oversized cookies and non-HTTP schemes', () => {
    const store = memoryStore();
    const results = store.setFromResponse(
      'https://www.example.com/',
      ['just-a-value', `big=${'x'.repeat(4096)}`],
      SAME_SITE,
    );
    expect(results[0]).toMatchObject({ stored: false, cookie: null });
    expect(results[0]?.reason).toMatch(/^EXCLUDE_FAILURE_TO_STORE/);
    expect(results[1]?.reason).toMatch(/^EXCLUDE_NAME_VALUE_PAIR_EXCEEDS_MAX_SIZE/);
    const [file] = store.setFromResponse('file:///tmp/x.html', ['a=1'], SAME_SITE);
    expect(file?.reason).toMatch(/^EXCLUDE_NONCOOKIEABLE_SCHEME/);
    expect(store.cookieHeaderFor('file:///tmp/x.html', SAME_SITE)).toEqual({ header: null, cookies: [] });
  });

  it('persists persistent cookies (not session ones) and loads them again', () => {
    const first = new CookieStore({ dataDir: dir, now: clock });
    first.setFromResponse(
      'https://www.example.com/',
      ['session=1', 'remember=1; Max-Age=3600', 'later=1; Max-Age=60; HttpOnly; Secure; SameSite=Lax'],
      SAME_SITE,
    );
    expect(readdirSync(dir)).toEqual([COOKIES_FILE_NAME]);
    const saved = JSON.parse(readFileSync(join(dir, COOKIES_FILE_NAME), 'utf8'));
    expect(saved.cookies.map((c: { key: string }) => c.key).sort()).toEqual(['later', 'remember']);

    now += 120_000;
    const second = new CookieStore({ dataDir: dir, now: clock });
    expect(second.cookieHeaderFor('https://www.example.com/', SAME_SITE).header).toBe('remember=1');
    expect(second.allCookies()).toEqual([
      {
        name: 'remember',
        domain: 'www.example.com',
        path: '/',
        secure: false,
        httpOnly: false,
        sameSite: 'unspecified',
        expires: new Date(now - 120_000 + 3600_000).toISOString(),
      },
    ]);
  });

  it('ignores a corrupt cookies.json and replaces it', () => {
    writeFileSync(join(dir, COOKIES_FILE_NAME), '{"cookies": [');
    const errors: string[] = [];
    const store = new CookieStore({ dataDir: dir, now: clock, onError: (m) => errors.push(m) });
    expect(errors).toHaveLength(1);
    store.setFromResponse('https://www.example.com/', ['a=1; Max-Age=60'], SAME_SITE);
    expect(JSON.parse(readFileSync(join(dir, COOKIES_FILE_NAME), 'utf8')).cookies).toHaveLength(1);
  });

  it('clears every cookie, on disk too', () => {
    const store = new CookieStore({ dataDir: dir, now: clock });
    store.setFromResponse('https://www.example.com/', ['a=1; Max-Age=60', 'b=1'], SAME_SITE);
    store.clear();
    expect(store.cookieHeaderFor('https://www.example.com/', SAME_SITE).header).toBeNull();
    expect(new CookieStore({ dataDir: dir, now: clock }).allCookies()).toEqual([]);
  });
});
