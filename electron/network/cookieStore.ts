/**
 * net::CookieMonster, as far as NavScope needs it: stores cookies from Set-Cookie
 * response headers and builds the Cookie request header. Parsing, domain and path
 * matching, public-suffix and prefix checks come from tough-cookie (RFC 6265bis); on
 * top of it this class applies the rules Chromium adds, and says why a cookie was
 * refused using Chromium's CookieInclusionStatus names (what DevTools shows):
 *
 * - SameSite unspecified is treated as Lax ("Lax by default"); SameSite=None requires
 *   Secure; a cross-site response cannot set Lax, Strict or unspecified cookies.
 * - An insecure origin cannot overwrite a Secure cookie ("Leave Secure Cookies Alone").
 * - name + value may not exceed 4096 bytes.
 * - Max-Age is turned into an absolute expiry at the moment the cookie is received
 *   (tough-cookie would count it from the last access).
 *
 * Persistent cookies are saved to `<dataDir>/cookies.json` (tough-cookie's serialized
 * jar, without session cookies), written atomically after every change.
 */
import { join } from 'node:path';
import { Cookie, CookieJar, MemoryCookieStore, domainMatch, pathMatch } from 'tough-cookie';
import { readProfileJson, writeProfileJson } from '../node/profileFile.js';
import { errorMessage } from '../../shared/base/errors.js';

export const COOKIES_FILE_NAME = 'cookies.json';
/** Chromium's kMaxCookieNamePlusValueSize. */
const MAX_NAME_PLUS_VALUE = 4096;

export type SameSiteContext = 'strict' | 'lax' | 'none';
export type CookieSameSite = 'strict' | 'lax' | 'none' | 'unspecified';

export interface CookieSummary {
  name: string;
  /** The host for a host-only cookie ("www.example.com"), ".example.com" for a Domain cookie. */
  domain: string;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: CookieSameSite;
  /** ISO 8601 expiry; null for a session cookie. */
  expires: string | null;
}

export interface SetCookieOutcome {
  /** The Set-Cookie header value, as received. */
  header: string;
  stored: boolean;
  /** Why the cookie was not stored (a Chromium exclusion reason and an explanation); null when stored. */
  reason: string | null;
  /** The parsed cookie; null when the header could not be parsed. */
  cookie: CookieSummary | null;
}

export interface CookieHeader {
  /** The Cookie request header value, or null when no cookie applies. */
  header: string | null;
  cookies: { name: string; domain: string; path: string }[];
}

export interface CookieStoreOptions {
  /** Where cookies.json lives; null keeps cookies in memory only. */
  dataDir: string | null;
  /** Wall clock, ms since the epoch (injectable for tests). */
  now?: () => number;
  /** Told when cookies.json could not be read (it is then ignored) or written. */
  onError?: (message: string) => void;
}

function isHttpScheme(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

/** What the URL's scheme and host allow: https, or a loopback host (a potentially trustworthy origin). */
function isSecureUrl(url: URL): boolean {
  if (url.protocol === 'https:' || url.protocol === 'wss:') return true;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '::1';
}

function sameSiteOf(cookie: Cookie): CookieSameSite {
  const value = cookie.sameSite?.toLowerCase();
  return value === 'strict' || value === 'lax' || value === 'none' ? value : 'unspecified';
}

function expiryOf(cookie: Cookie): number | null {
  return cookie.expires instanceof Date ? cookie.expires.getTime() : null;
}

function summarize(cookie: Cookie, fallbackHost: string): CookieSummary {
  const domain = cookie.domain ?? fallbackHost;
  const expiry = expiryOf(cookie);
  return {
    name: cookie.key,
    domain: cookie.hostOnly === false ? `.${domain}` : domain,
    path: cookie.path ?? '/',
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    sameSite: sameSiteOf(cookie),
    expires: expiry === null ? null : new Date(Math.max(expiry, 0)).toISOString(),
  };
}

/** Turns tough-cookie's refusal into a Chromium exclusion reason. */
function reasonFor(error: unknown, cookie: Cookie, host: string): string {
  const message = errorMessage(error);
  if (message.includes('public suffix'))
    return `EXCLUDE_INVALID_DOMAIN: Domain=${cookie.domain ?? ''} is a public suffix; a cookie cannot be set for every site under it`;
  if (message.includes("not in this host's domain"))
    return `EXCLUDE_INVALID_DOMAIN: Domain=${cookie.domain ?? ''} does not domain-match the host ${host}`;
  if (message.includes('Secure but this is not a secure connection'))
    return 'EXCLUDE_SECURE_ONLY: the cookie is Secure but was set over an insecure connection';
  if (message.includes('__Secure prefix'))
    return 'EXCLUDE_INVALID_PREFIX: a __Secure- cookie must be set with the Secure attribute from a secure origin';
  if (message.includes('__Host prefix'))
    return 'EXCLUDE_INVALID_PREFIX: a __Host- cookie must be Secure, have no Domain attribute and have Path=/';
  if (message.includes('SameSite')) return 'EXCLUDE_SAMESITE: a cross-site response cannot set a SameSite cookie';
  return `EXCLUDE_FAILURE_TO_STORE: ${message}`;
}

export class CookieStore {
  private readonly dataDir: string | null;
  private readonly now: () => number;
  private readonly onError: (message: string) => void;
  private readonly store = new MemoryCookieStore();
  private readonly jar: CookieJar;

  constructor(options: CookieStoreOptions) {
    this.dataDir = options.dataDir;
    this.now = options.now ?? Date.now;
    this.onError = options.onError ?? (() => {});
    this.jar = new CookieJar(this.store, {
      rejectPublicSuffixes: true,
      looseMode: false,
      prefixSecurity: 'strict',
      allowSpecialUseDomain: true,
      allowSecureOnLocal: true,
      enforceSecureOriginOnStorage: true,
    });
    this.load();
  }

  /**
   * Processes the Set-Cookie headers of one response from `url`. `sameSiteContext` is
   * the request's relation to the site for cookies: 'strict' same-site, 'lax' a
   * cross-site top-level navigation, 'none' any other cross-site request.
   */
  setFromResponse(
    url: string,
    setCookieHeaders: string[],
    options: { sameSiteContext: SameSiteContext },
  ): SetCookieOutcome[] {
    const target = new URL(url);
    let changed = false;
    const outcomes = setCookieHeaders.map((header) => {
      const outcome = this.setOne(target, header, options.sameSiteContext);
      if (outcome.changed) changed = true;
      return outcome.result;
    });
    if (changed) this.persist();
    return outcomes;
  }

  /**
   * The Cookie header for a request to `url`: cookies whose domain, path, Secure and
   * SameSite rules allow it, longest path first, then oldest first (RFC 6265bis §5.8.3).
   * `http: false` asks as a non-HTTP API would (document.cookie), which leaves out
   * HttpOnly cookies.
   */
  cookieHeaderFor(url: string, options: { sameSiteContext: SameSiteContext; http?: boolean }): CookieHeader {
    const target = new URL(url);
    if (!isHttpScheme(target)) return { header: null, cookies: [] };
    const now = this.now();
    const found = this.jar.getCookiesSync(target.href, { http: options.http ?? true, expire: false, sort: true });
    let expired = false;
    const sent = found.filter((cookie) => {
      const expiry = expiryOf(cookie);
      if (expiry !== null && expiry <= now) {
        this.remove(cookie);
        expired = true;
        return false;
      }
      // SameSite unspecified counts as Lax (Chromium's default since M80).
      const sameSite = sameSiteOf(cookie);
      if (options.sameSiteContext === 'none') return sameSite === 'none';
      if (options.sameSiteContext === 'lax') return sameSite !== 'strict';
      return true;
    });
    if (expired) this.persist();
    return {
      header: sent.length === 0 ? null : sent.map((c) => c.cookieString()).join('; '),
      cookies: sent.map((c) => ({ name: c.key, domain: summarize(c, target.hostname).domain, path: c.path ?? '/' })),
    };
  }

  /** Every stored, unexpired cookie, for display. */
  allCookies(): CookieSummary[] {
    const now = this.now();
    return this.allStored()
      .filter((c) => {
        const expiry = expiryOf(c);
        return expiry === null || expiry > now;
      })
      .map((c) => summarize(c, c.domain ?? ''));
  }

  /** Deletes every cookie, in memory and on disk. */
  clear(): void {
    this.store.removeAllCookies(() => {});
    this.persist();
  }

  private setOne(
    target: URL,
    header: string,
    context: SameSiteContext,
  ): { result: SetCookieOutcome; changed: boolean } {
    const refuse = (reason: string, cookie: CookieSummary | null): { result: SetCookieOutcome; changed: boolean } => ({
      result: { header, stored: false, reason, cookie },
      changed: false,
    });
    const host = target.hostname;
    if (!isHttpScheme(target))
      return refuse(`EXCLUDE_NONCOOKIEABLE_SCHEME: ${target.protocol} URLs cannot set cookies`, null);
    const cookie = Cookie.parse(header, { loose: false });
    if (!cookie)
      return refuse(
        'EXCLUDE_FAILURE_TO_STORE: the header is not a valid "name=value" cookie (or contains control characters)',
        null,
      );
    const now = this.now();
    // Max-Age wins over Expires and counts from now (RFC 6265bis §5.6.2).
    if (typeof cookie.maxAge === 'number') {
      cookie.expires = new Date(cookie.maxAge <= 0 ? 0 : now + cookie.maxAge * 1000);
      cookie.maxAge = null;
    }
    const preview = summarize(cookie, host);
    if (new TextEncoder().encode(cookie.key + cookie.value).byteLength > MAX_NAME_PLUS_VALUE) {
      return refuse(
        `EXCLUDE_NAME_VALUE_PAIR_EXCEEDS_MAX_SIZE: name and value together exceed ${MAX_NAME_PLUS_VALUE} bytes`,
        preview,
      );
    }
    const sameSite = sameSiteOf(cookie);
    if (sameSite === 'none' && !cookie.secure)
      return refuse('EXCLUDE_SAMESITE_NONE_INSECURE: a SameSite=None cookie must also be Secure', preview);
    if (context === 'none' && sameSite !== 'none') {
      const name =
        sameSite === 'strict'
          ? 'EXCLUDE_SAMESITE_STRICT'
          : sameSite === 'lax'
            ? 'EXCLUDE_SAMESITE_LAX'
            : 'EXCLUDE_SAMESITE_UNSPECIFIED_TREATED_AS_LAX';
      const what =
        sameSite === 'unspecified'
          ? 'a cookie without SameSite (treated as Lax)'
          : `a SameSite=${sameSite === 'strict' ? 'Strict' : 'Lax'} cookie`;
      return refuse(`${name}: a cross-site response cannot set ${what}`, preview);
    }
    if (!cookie.secure && !isSecureUrl(target) && this.wouldOverwriteSecure(cookie, host, target.pathname)) {
      return refuse(
        `EXCLUDE_OVERWRITE_SECURE: an insecure origin cannot overwrite the Secure cookie "${cookie.key}"`,
        preview,
      );
    }
    let stored: Cookie | undefined;
    try {
      stored = this.jar.setCookieSync(cookie, target.href, {
        now: new Date(now),
        sameSiteContext: context,
        http: true,
      });
    } catch (error) {
      return refuse(reasonFor(error, cookie, host), preview);
    }
    if (!stored) return refuse('EXCLUDE_FAILURE_TO_STORE: the cookie store refused the cookie', preview);
    const summary = summarize(stored, host);
    const expiry = expiryOf(stored);
    if (expiry !== null && expiry <= now) {
      this.remove(stored);
      return {
        result: {
          header,
          stored: false,
          reason: 'already expired: the cookie deletes any stored cookie with the same name, domain and path',
          cookie: summary,
        },
        changed: true,
      };
    }
    return { result: { header, stored: true, reason: null, cookie: summary }, changed: true };
  }

  /** RFC 6265bis §5.7 step 16 ("Leave Secure Cookies Alone"). */
  private wouldOverwriteSecure(cookie: Cookie, host: string, requestPath: string): boolean {
    const domain = cookie.domain ?? host;
    const path = cookie.path && cookie.path.startsWith('/') ? cookie.path : defaultCookiePath(requestPath);
    return this.allStored().some((existing) => {
      if (!existing.secure || existing.key !== cookie.key || !existing.domain) return false;
      const domainsMatch =
        domainMatch(existing.domain, domain, true) === true || domainMatch(domain, existing.domain, true) === true;
      return domainsMatch && pathMatch(path, existing.path ?? '/');
    });
  }

  private allStored(): Cookie[] {
    let result: Cookie[] = [];
    this.store.getAllCookies((error: Error | null, cookies?: Cookie[]) => {
      if (!error && cookies) result = cookies;
    });
    return result;
  }

  private remove(cookie: Cookie): void {
    if (cookie.domain && cookie.path) this.store.removeCookie(cookie.domain, cookie.path, cookie.key, () => {});
  }

  private load(): void {
    if (this.dataDir === null) return;
    const file = join(this.dataDir, COOKIES_FILE_NAME);
    const data = readProfileJson(file, this.onError);
    if (data === undefined) return;
    const cookies = typeof data === 'object' && data !== null ? (data as { cookies?: unknown }).cookies : undefined;
    if (!Array.isArray(cookies)) {
      this.onError(`${file} is not a serialized cookie jar; it is ignored and will be replaced`);
      return;
    }
    const now = this.now();
    for (const item of cookies as unknown[]) {
      const cookie = Cookie.fromJSON(item);
      if (!cookie || !cookie.domain || !cookie.path || !cookie.key) continue;
      const expiry = expiryOf(cookie);
      if (expiry === null || expiry <= now) continue;
      this.store.putCookie(cookie, () => {});
    }
  }

  /** Writes the jar without session or expired cookies: a temporary file, then rename. */
  private persist(): void {
    if (this.dataDir === null) return;
    writeProfileJson(
      join(this.dataDir, COOKIES_FILE_NAME),
      () => {
        const serialized = this.jar.serializeSync();
        if (!serialized) throw new Error('the cookie jar could not be serialized');
        const now = this.now();
        serialized.cookies = serialized.cookies.filter((c) => {
          const expires = c.expires;
          if (typeof expires !== 'string' || expires === 'Infinity') return false;
          const time = Date.parse(expires);
          return Number.isFinite(time) && time > now;
        });
        return serialized;
      },
      this.onError,
    );
  }
}

/** RFC 6265bis §5.1.4 default-path. */
function defaultCookiePath(requestPath: string): string {
  if (!requestPath.startsWith('/')) return '/';
  const last = requestPath.lastIndexOf('/');
  return last <= 0 ? '/' : requestPath.slice(0, last);
}
