/**
 * Sites: the unit of process isolation. A site is scheme + registrable domain
 * (eTLD+1), e.g. "https://naver.com" for https://www.naver.com/news. Hosts without a
 * registrable domain (IP addresses, localhost, single labels) are their own site.
 */
import { parse as parseDomain } from 'tldts';

export function siteForUrl(href: string): string {
  const url = new URL(href);
  const scheme = url.protocol.replace(/:$/, '');
  if (scheme !== 'http' && scheme !== 'https') return `${scheme}:`;
  const host = url.hostname;
  const domain = parseDomain(host, { allowPrivateDomains: true });
  const registrable = domain.isIp ? host : (domain.domain ?? host);
  return `${scheme}://${registrable}`;
}

export function originOf(href: string): string {
  return new URL(href).origin;
}

export function isSameSite(a: string, b: string): boolean {
  return siteForUrl(a) === siteForUrl(b);
}
