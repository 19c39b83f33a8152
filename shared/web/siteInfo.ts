/**
 * Sites: the unit of process isolation. A site is scheme + registrable domain (eTLD+1,
 * from the Public Suffix List with its private section, as Chromium's SiteInstance uses
 * with INCLUDE_PRIVATE_REGISTRIES), e.g. "https://naver.com" for
 * https://www.naver.com/news, and "https://alice.github.io" for https://alice.github.io/x
 * (github.io is a private-section suffix). This follows the HTML Standard's "obtain a site"
 * and Chromium's SiteInfo::GetSiteForURL:
 *
 * - Ports, user info, paths, queries and fragments are dropped; scheme and host are lowercase.
 * - A host without a registrable domain is its own site: IP addresses (IPv6 in brackets),
 *   "localhost", single labels ("intranet"), and public suffixes themselves ("co.uk",
 *   "github.io").
 * - A trailing dot is kept, as the URL Standard's registrable domain keeps it:
 *   "www.naver.com." → "naver.com.", a different site from "naver.com" (Chromium agrees:
 *   "example.com." and "example.com" are different origins and different sites).
 * - blob: URLs take the site of their origin (blob:https://a.example/uuid → https://a.example).
 * - file: URLs are one site, "file://" (Chromium ignores the host of file URLs here).
 * - Other URLs without a host (data:, about:, javascript:, blob:null/…, mailto:, …) give
 *   "scheme:" (Chromium's scheme-only site URL; it keeps a data: URL's full text so each
 *   one is its own site: isSameSite below treats all of these as opaque instead).
 * - "null", an opaque origin's serialization, gives "null".
 */
import { parse as parseDomain } from 'tldts';

export function siteForUrl(href: string): string {
  if (href === 'null') return 'null';
  const url = new URL(href);
  const scheme = url.protocol.replace(/:$/, '').toLowerCase();
  if (scheme === 'blob') {
    const origin = url.origin;
    return origin === 'null' ? 'blob:' : siteForUrl(origin);
  }
  if (scheme === 'file') return 'file://';
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

export function originOf(href: string): string {
  return new URL(href).origin;
}

/**
 * Whether two URLs are same-site (HTML "same site", by site): the same scheme and the
 * same registrable domain (or host). URLs whose origin is opaque (data:, about:blank,
 * javascript:, sandboxed "null" …) are same-site with nothing, not even themselves:
 * every such document gets a fresh opaque origin.
 */
export function isSameSite(a: string, b: string): boolean {
  if (hasOpaqueOrigin(a) || hasOpaqueOrigin(b)) return false;
  return siteForUrl(a) === siteForUrl(b);
}

function hasOpaqueOrigin(href: string): boolean {
  if (href === 'null') return true;
  const url = new URL(href);
  if (url.protocol === 'blob:') return url.origin === 'null';
  if (url.protocol === 'file:') return false; // a tuple origin with an empty host
  return url.hostname === '';
}
