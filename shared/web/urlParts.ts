/**
 * The parts of a URL as the URL panel shows them (WHATWG URL parsing).
 *
 * The host is kept in its wire form (punycode, what DNS and the Host header see) and, for
 * internationalized names, also decoded for display: "http://한국.kr/" has host
 * "xn--3e0b707e.kr" and hostUnicode "한국.kr". User name and password are never shown:
 * no field carries them, and `url` is the URL with them removed.
 */
import punycode from 'punycode/punycode.js';

export const DEFAULT_PORTS: Readonly<Record<string, number>> = {
  'http:': 80,
  'https:': 443,
  'ws:': 80,
  'wss:': 443,
  'ftp:': 21,
};

export interface UrlParts {
  /** The URL, without user name and password. */
  url: string;
  scheme: string;
  /** The host as sent on the wire: ASCII, IDN labels in punycode ("xn--…"). */
  host: string;
  /** The host for display: IDN labels decoded to Unicode; equal to host for ASCII hosts. */
  hostUnicode: string;
  /** True when some label of the host is punycode-encoded (an internationalized domain name). */
  isIdn: boolean;
  /** The explicit port, or null when the URL uses the scheme's default. */
  port: number | null;
  /** The port a connection will use (explicit or default); null for schemes without one. */
  effectivePort: number | null;
  path: string;
  query: string;
  fragment: string;
}

function isIdnHost(host: string): boolean {
  return !host.startsWith('[') && host.split('.').some((label) => label.startsWith('xn--'));
}

function decodeHost(host: string): string {
  try {
    return punycode.toUnicode(host);
  } catch {
    return host; // A label that is not valid punycode: show it as it is.
  }
}

export function urlParts(href: string): UrlParts {
  const url = new URL(href);
  url.username = '';
  url.password = '';
  const port = url.port === '' ? null : Number(url.port);
  const host = url.hostname;
  const isIdn = isIdnHost(host);
  return {
    url: url.href,
    scheme: url.protocol.replace(/:$/, ''),
    host,
    hostUnicode: isIdn ? decodeHost(host) : host,
    isIdn,
    port,
    effectivePort: port ?? DEFAULT_PORTS[url.protocol] ?? null,
    path: url.pathname,
    query: url.search.replace(/^\?/, ''),
    fragment: url.hash.replace(/^#/, ''),
  };
}
