import type { LabHttpFault } from './labHttpFaults.js';

/**
 * What a lab route answers, and the small helpers every lab page uses. Plain
 * data: the web server (LabRequestHandler) turns a LabResource into bytes on the wire.
 */

/** The request as a route sees it. */
export interface LabRequest {
  /** `http://host/path?query` or `https://…` (host in lower case, no port). */
  url: URL;
  scheme: 'http' | 'https';
  method: string;
  /** Request header values by lower-case name (repeated headers joined as Node joins them). */
  headers: Readonly<Record<string, string | undefined>>;
}

/**
 * How the body goes on the wire. Default: all at once with Content-Length.
 * - `chunked`: `Transfer-Encoding: chunked`, the body cut in `chunks` pieces sent `intervalMs` apart.
 * - `delayed`: nothing at all (not even headers) for `delayMs`, then the whole response.
 * - `trickle`: headers at once, then one byte of the body every `intervalMs`.
 * - `fault`: not HTTP at all, or broken on purpose: raw bytes written by
 *   `deliverHttpFault` (labHttpFaults.ts); the resource's own status, headers and body are not sent.
 * - `paced`: with Content-Length (so a download knows its total), the body cut
 *   in `chunks` pieces: the first at once with the headers, the others `intervalMs` apart.
 */
export type LabDelivery =
  | { kind: 'chunked'; chunks: number; intervalMs: number }
  | { kind: 'paced'; chunks: number; intervalMs: number }
  | { kind: 'delayed'; delayMs: number }
  | { kind: 'trickle'; intervalMs: number }
  | { kind: 'fault'; fault: LabHttpFault };

export interface LabResource {
  /** HTTP status; 200 when omitted. 204, 205 and 304 are always sent without a body. */
  status?: number;
  /**
   * Full Content-Type value, e.g. `text/html; charset=utf-8`, sent exactly as
   * written. `null`: no Content-Type header at all (the browser must sniff).
   */
  contentType: string | null;
  body: string | Buffer;
  /**
   * Extra response headers (they override the defaults, e.g. Cache-Control).
   * An `ETag` or `Last-Modified` here makes the server answer matching
   * conditional requests with 304 Not Modified.
   */
  headers?: Record<string, string | string[]>;
  /** Content coding applied when the request's Accept-Encoding allows it (else identity). */
  contentEncoding?: 'gzip' | 'br';
  delivery?: LabDelivery;
}

/** A fixed resource, or a function of the request (for pages such as /search). */
export type LabRoute = LabResource | ((request: LabRequest) => LabResource);

export const CONTENT_TYPES = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'application/javascript; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  png: 'image/png',
  zip: 'application/zip',
  octetStream: 'application/octet-stream',
} as const;

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function html(body: string, extra: Omit<LabResource, 'contentType' | 'body'> = {}): LabResource {
  return { ...extra, contentType: CONTENT_TYPES.html, body };
}

/** The banner on every lab page: it is a stand-in, served from this machine. */
export function labNotice(site: string): string {
  return `<p class="lab-notice" role="note">NavScope lab stand-in for ${escapeHtml(site)}, served from this machine (loopback) — this is not the real site.</p>`;
}

/**
 * A small lab page. `title` and `site` are text; `content` (the body) and
 * `head` (extra head elements) are trusted markup written in the lab's source.
 */
export function labPage(options: {
  site: string;
  title: string;
  content: string;
  lang?: string;
  head?: string;
}): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(options.lang ?? 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)} — NavScope lab</title>
${options.head ?? ''}</head>
<body>
${labNotice(options.site)}
<main>
${options.content}
</main>
</body>
</html>
`;
}

/** The 404 page of every lab site. */
export function notFoundPage(host: string, path: string): LabResource {
  return {
    status: 404,
    contentType: CONTENT_TYPES.html,
    body: `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>404 Not Found — NavScope lab</title></head>
<body>
<h1>404 Not Found</h1>
<p>The NavScope lab stand-in for ${escapeHtml(host)} has no page at <code>${escapeHtml(path)}</code>.</p>
<p>This page was served from this machine, not by the real site.</p>
</body>
</html>
`,
  };
}

/** The page a redirect carries in its body. */
export function redirectPage(location: string): string {
  const target = escapeHtml(location);
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Moved — NavScope lab</title></head>
<body><p>Moved to <a href="${target}">${target}</a> (NavScope lab, served from this machine).</p></body>
</html>
`;
}

/** A redirect response to `location` (kept as written: relative locations stay relative). */
export function redirect(
  status: 301 | 302 | 303 | 307 | 308,
  location: string,
  headers: Record<string, string> = {},
): LabResource {
  return html(redirectPage(location), { status, headers: { ...headers, Location: location } });
}
