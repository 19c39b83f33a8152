/**
 * Sites: the unit of process isolation. A site is scheme + registrable domain (eTLD+1,
 * from the Public Suffix List with its private section, as Chromium's SiteInstance uses
 * with INCLUDE_PRIVATE_REGISTRIES), e.g. "https://naver.com" for
 * https://www.naver.com/news, and "https://alice.github.io" for https://alice.github.io/x
 * (github.io is a private-section suffix). This follows the HTML Standard's "obtain a site"
 * and Chromium's SiteInfo (content/browser/site_info.cc: GetAgentClusterKeyForURL,
 * GetSiteForOrigin; its cases are SiteInstanceTest.GetSiteForURL in
 * content/browser/site_instance_impl_unittest.cc):
 *
 * - Ports, user info, paths, queries and fragments are dropped; scheme and host are lowercase.
 * - A host without a registrable domain is its own site: IP addresses (IPv6 in brackets),
 *   "localhost", single labels ("intranet"), and public suffixes themselves ("co.uk",
 *   "github.io").
 * - A trailing dot is kept, as the URL Standard's registrable domain keeps it:
 *   "www.naver.com." → "naver.com.", a different site from "naver.com" (Chromium agrees:
 *   "example.com." and "example.com" are different origins and different sites).
 * - The site comes from the URL's origin as Chromium's url::Origin computes it
 *   (urlOrigin below): blob: and filesystem: URLs take their inner URL's origin
 *   (blob:https://a.example/uuid → https://a.example; blob:file:///uuid → file),
 *   file: URLs have the tuple origin "file://" whatever their host.
 * - file: URLs are one site, "file://": Chromium ignores their host here, as Blink puts
 *   every file URL in the one "file://" origin (crbug.com/776160).
 * - Opaque origins: a data: URL, and a blob: URL made by an opaque origin (blob:null/…),
 *   are each their own site, named by the whole URL without its fragment (Chromium's
 *   GetAgentClusterKeyForBlobURL; for data: URLs Chromium now names the site by the
 *   opaque origin's nonce, which no URL carries: the URL is the stable stand-in).
 *   Other URLs without a host (about:blank, about:srcdoc, javascript:, mailto:, …) give
 *   "scheme:" (Chromium's scheme-only site URL).
 * - Inherited origins (Chromium's GetPossiblyOverriddenOriginFromUrl): about:blank
 *   committed with its initiator's origin, and a data: URL committed with a base URL's
 *   origin (LoadDataWithBaseURL), take the site of that origin: pass it as
 *   `options.origin`. An opaque inherited origin ("null") leaves about:blank at "about:"
 *   and a data: URL at its own site.
 * - chrome-error: URLs are the error-page site, "chrome-error://chromewebdata".
 * - "null", an opaque origin's serialization, gives "null".
 */
import { parse as parseDomain } from 'tldts';

/** Chromium's kUnreachableWebDataURL: every error page's site (SiteInfo::CreateForErrorPage). */
export const ERROR_PAGE_SITE = 'chrome-error://chromewebdata';

export interface SiteForUrlOptions {
  /**
   * The origin the document commits with, when Chromium takes it from elsewhere than the
   * URL: the initiator's origin for about:blank, the base URL's origin for a data: URL
   * loaded with one. A serialized origin (or any URL of it), or "null" for an opaque one.
   * Ignored for every other URL.
   */
  origin?: string;
}

/** A tuple origin (scheme, host, port), as url::Origin holds one; the port is "" for the default. */
interface TupleOrigin {
  scheme: string;
  host: string;
  port: string;
}

/** Schemes whose URLs have a tuple origin of scheme, host and port (url::IsStandard schemes with a host). */
const TUPLE_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'ws', 'wss', 'ftp']);
/** The inner URL of a filesystem: URL must be one of these (GURL's inner_url). */
const FILESYSTEM_INNER_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'file']);

function schemeOf(url: URL): string {
  return url.protocol.slice(0, -1).toLowerCase();
}

function parseUrl(href: string): URL | null {
  try {
    return new URL(href);
  } catch {
    return null;
  }
}

/**
 * url::Origin::Create: the tuple origin of a URL, or null when the origin is opaque. The
 * inner URL decides for blob: and filesystem: (one level only).
 */
function tupleOriginOf(url: URL, nested = false): TupleOrigin | null {
  const scheme = schemeOf(url);
  if (TUPLE_SCHEMES.has(scheme)) return { scheme, host: url.hostname, port: url.port };
  if (scheme === 'file') return { scheme, host: url.hostname, port: '' };
  if ((scheme === 'blob' || scheme === 'filesystem') && !nested) {
    const inner = parseUrl(url.pathname);
    if (inner === null) return null;
    // A filesystem: URL names its storage type first ("/temporary/…"): without a path it is not valid.
    if (scheme === 'filesystem' && (!FILESYSTEM_INNER_SCHEMES.has(schemeOf(inner)) || !/^\/[^/]+/.test(inner.pathname)))
      return null;
    return tupleOriginOf(inner, true);
  }
  return null;
}

function serializeOrigin(origin: TupleOrigin): string {
  return `${origin.scheme}://${origin.host}${origin.port === '' ? '' : `:${origin.port}`}`;
}

/**
 * The serialized origin of a URL as Chromium's url::Origin::Create has it:
 * "https://a.example:8443", "file://" for file URLs (not the URL Standard's opaque origin;
 * "file://host" when the URL has a host), the inner origin for blob: and filesystem: URLs,
 * and "null" for opaque origins (data:, about:, javascript:, mailto:, blob:null/…, a
 * filesystem: URL without its type directory), for "null" itself and for what is not a URL.
 */
export function urlOrigin(href: string): string {
  const url = href.trim() === 'null' ? null : parseUrl(href);
  const origin = url === null ? null : tupleOriginOf(url);
  return origin === null ? 'null' : serializeOrigin(origin);
}

/** The site of a tuple origin: Chromium's GetSiteForOrigin, and the scheme alone for file. */
function siteForOrigin(origin: TupleOrigin): string {
  if (origin.scheme === 'file') return 'file://';
  if (origin.host === '') return `${origin.scheme}:`;
  return `${origin.scheme}://${registrableDomainOrHost(origin.host.toLowerCase())}`;
}

function isAboutBlank(url: URL): boolean {
  return url.protocol === 'about:' && url.pathname === 'blank';
}

/** The site of a URL (see the top of this file). Throws on what is not a URL. */
export function siteForUrl(href: string, options: SiteForUrlOptions = {}): string {
  if (href === 'null') return 'null';
  const url = new URL(href);
  const scheme = schemeOf(url);
  if (scheme === 'chrome-error') return ERROR_PAGE_SITE;
  // about:blank and data: may commit with an origin from elsewhere.
  if (options.origin !== undefined && (scheme === 'data' || isAboutBlank(url))) {
    const inherited = options.origin.trim() === 'null' ? null : parseUrl(options.origin);
    const origin = inherited === null ? null : tupleOriginOf(inherited);
    if (origin !== null) return siteForOrigin(origin);
  }
  const origin = tupleOriginOf(url);
  if (origin !== null) return siteForOrigin(origin);
  // Opaque origins.
  if (scheme === 'data' || scheme === 'blob' || scheme === 'filesystem') {
    url.hash = '';
    return url.href;
  }
  // Schemes NavScope does not know, written with a host ("chrome-extension://id/"): by that host.
  const host = url.hostname.toLowerCase();
  if (host === '') return `${scheme}:`;
  return `${scheme}://${registrableDomainOrHost(host)}`;
}

/** The registrable domain (eTLD+1, private registries included) of a URL host, or the host itself when it has none. */
export function registrableDomainOrHost(host: string): string {
  if (host.startsWith('[') || isIpv4(host)) return host;
  const trailingDot = host.endsWith('.') ? '.' : '';
  const bare = trailingDot === '' ? host : host.slice(0, -1);
  if (bare === '' || bare.includes('..') || bare.startsWith('.')) return host;
  const parsed = parseDomain(bare, { allowPrivateDomains: true });
  if (parsed.isIp === true || parsed.domain === null) return host;
  return parsed.domain + trailingDot;
}

function isIpv4(host: string): boolean {
  return /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The URL Standard's origin serialization ("null" for file:, data: and other opaque origins). */
export function originOf(href: string): string {
  return new URL(href).origin;
}

/**
 * Whether two URLs are same-site (HTML "same site", by site): the same scheme and the
 * same registrable domain (or host). URLs whose origin is opaque (data:, about:blank,
 * javascript:, blob:null/…, sandboxed "null" …) are same-site with nothing, not even
 * themselves: every such document gets a fresh opaque origin. file: URLs share the one
 * "file://" origin, so they are same-site with each other (and with blob:file: URLs).
 */
export function isSameSite(a: string, b: string): boolean {
  if (hasOpaqueOrigin(a) || hasOpaqueOrigin(b)) return false;
  return siteForUrl(a) === siteForUrl(b);
}

function hasOpaqueOrigin(href: string): boolean {
  if (href === 'null') return true;
  const url = new URL(href);
  if (tupleOriginOf(url) !== null) return false;
  const scheme = schemeOf(url);
  return scheme === 'blob' || scheme === 'filesystem' || url.hostname === '';
}
