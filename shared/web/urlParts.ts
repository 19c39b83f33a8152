/**
 * The parts of a URL as the URL panel shows them (WHATWG URL parsing).
 */
export const DEFAULT_PORTS: Readonly<Record<string, number>> = { 'http:': 80, 'https:': 443, 'ws:': 80, 'wss:': 443, 'ftp:': 21 };

export interface UrlParts {
  url: string;
  scheme: string;
  host: string;
  /** The explicit port, or null when the URL uses the scheme's default. */
  port: number | null;
  /** The port a connection will use (explicit or default); null for schemes without one. */
  effectivePort: number | null;
  path: string;
  query: string;
  fragment: string;
}

export function urlParts(href: string): UrlParts {
  const url = new URL(href);
  const port = url.port === '' ? null : Number(url.port);
  return {
    url: url.href,
    scheme: url.protocol.replace(/:$/, ''),
    host: url.hostname,
    port,
    effectivePort: port ?? DEFAULT_PORTS[url.protocol] ?? null,
    path: url.pathname,
    query: url.search.replace(/^\?/, ''),
    fragment: url.hash.replace(/^#/, ''),
  };
}
