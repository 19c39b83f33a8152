/**
 * What did the user type? The omnibox's first decision (Chromium's
 * AutocompleteInput::Parse → metrics::OmniboxInputType): EMPTY, UNKNOWN, URL or QUERY.
 *
 * - URL: an explicit known scheme, an IP literal, localhost, a port, user:pass@, or a
 *   host whose last label is a known top-level domain (public suffix list).
 * - QUERY: spaces without a scheme, a leading "?", or something that cannot be a URL.
 * - UNKNOWN: a single word or a host with an unknown TLD — could be an intranet host
 *   or a search; the omnibox searches and offers "did you mean http://word/".
 */
import { parse as parseDomain } from 'tldts';

export type OmniboxInputType = 'EMPTY' | 'UNKNOWN' | 'URL' | 'QUERY';

export interface OmniboxClassification {
  type: OmniboxInputType;
  /** For URL: the URL to load. For UNKNOWN: the URL the user may have meant. */
  url?: string;
  /** Why, in a few words (shown in the explanation panel). */
  reason: string;
}

const NAVIGABLE_SCHEMES = new Set(['http', 'https', 'ftp', 'file', 'about', 'data', 'chrome', 'view-source', 'blob', 'ws', 'wss']);
const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function isIpv4(host: string): boolean {
  const m = IPV4.exec(host);
  return m !== null && m.slice(1).every((part) => Number(part) <= 255);
}

export function classifyOmniboxInput(text: string): OmniboxClassification {
  const input = text.trim();
  if (input === '') return { type: 'EMPTY', reason: 'nothing was typed' };
  if (input.startsWith('?')) return { type: 'QUERY', reason: 'a leading "?" forces a search' };

  const scheme = SCHEME.exec(input)?.[1]?.toLowerCase();
  // "localhost:8080" or "example.com:8080/x" look like a scheme but are host:port.
  const looksLikeHostPort = scheme !== undefined && /^[^:/?#\s]+:\d{1,5}(?:[/?#]|$)/.test(input);
  // "user:pass@host" likewise: the colon belongs to the userinfo.
  const looksLikeUserinfo = scheme !== undefined && /^[^:/?#\s@]+:[^/?#\s@]*@[^/?#\s@]/.test(input);
  if (scheme && !looksLikeHostPort && !looksLikeUserinfo) {
    if (!NAVIGABLE_SCHEMES.has(scheme)) return { type: 'QUERY', reason: `"${scheme}:" is not a scheme the browser navigates to` };
    if (!URL.canParse(input)) return { type: 'QUERY', reason: 'it has a scheme but is not a valid URL' };
    const url = new URL(input);
    if ((scheme === 'http' || scheme === 'https') && url.hostname === '') return { type: 'QUERY', reason: 'an http(s) URL needs a host' };
    return { type: 'URL', url: url.href, reason: `explicit ${scheme}: scheme` };
  }
  if (/\s/.test(input)) return { type: 'QUERY', reason: 'it contains spaces and no scheme' };

  const candidate = `http://${input}`;
  if (!URL.canParse(candidate)) return { type: 'QUERY', reason: 'it cannot be read as a host name' };
  const url = new URL(candidate);
  const host = url.hostname;
  if (host === '') return { type: 'QUERY', reason: 'there is no host' };
  if (host === 'localhost' || host.endsWith('.localhost')) return { type: 'URL', url: url.href, reason: 'localhost' };
  if (isIpv4(host) || host.startsWith('[')) return { type: 'URL', url: url.href, reason: 'an IP address literal' };
  if (url.username !== '' || url.password !== '') return { type: 'URL', url: url.href, reason: 'it has user:password@' };
  if (url.port !== '') return { type: 'URL', url: url.href, reason: 'it has an explicit port' };

  const bare = host.endsWith('.') ? host.slice(0, -1) : host;
  if (!bare.includes('.')) return { type: 'UNKNOWN', url: url.href, reason: 'a single word: a search, or maybe an intranet host' };
  const domain = parseDomain(bare, { allowPrivateDomains: true });
  if (domain.isIcann === true && domain.publicSuffix !== null && domain.domain !== null) {
    return { type: 'URL', url: url.href, reason: `".${domain.publicSuffix}" is a known top-level domain` };
  }
  return { type: 'UNKNOWN', url: url.href, reason: `".${bare.split('.').pop() ?? ''}" is not a known top-level domain` };
}
